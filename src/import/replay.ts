// Replays imported chat history through the live pipeline (size check, scrub, question log,
// recurring-question detection) without answering: each message is a passive Turn on the
// "replay" channel with its own time and id. Lead notices (new candidates) are collected.
import type { Bot } from "../core/bot.js";
import type { Reply, Turn } from "../core/types.js";
import type { ImportedMessage } from "./types.js";

export interface ReplayOptions {
  tenant: string;
  /** Report progress every N messages (0: never). */
  progressEvery?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ReplaySummary {
  messages: number;
  /** Lead notices: groups that became a candidate during the replay. */
  notices: Reply[];
}

/** The Turn for one imported message: passive, so the bot logs it and never answers. */
export function replayTurn(m: ImportedMessage, tenant: string): Turn {
  return {
    id: m.id,
    channel: "replay",
    tenant,
    team: m.team,
    thread: m.thread ?? `replay:${m.id}`,
    user: m.user,
    role: "worker",
    text: m.text,
    direct: false,
    at: m.at,
  };
}

/** Feed messages one by one, oldest first as given. */
export async function replay(bot: Bot, messages: readonly ImportedMessage[], o: ReplayOptions): Promise<ReplaySummary> {
  const notices: Reply[] = [];
  const every = o.progressEvery ?? 0;
  let done = 0;
  for (const m of messages) {
    const replies = await bot.handle(replayTurn(m, o.tenant));
    for (const r of replies) if (r.target?.kind === "leads") notices.push(r);
    done++;
    if (every > 0 && done % every === 0) o.onProgress?.(done, messages.length);
  }
  return { messages: done, notices };
}
