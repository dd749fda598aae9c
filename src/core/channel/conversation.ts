// Which conversations the bot takes part in, for channels with threads and channels that
// deliver messages not addressed to the bot:
// - thread ownership: a thread the bot was asked in is the bot's; a follow-up there needs no
//   mention (14 days after the last addressed message);
// - passive listening: a coach switches it on per conversation (announced first); only then
//   are overheard questions logged for pattern detection, never answered.
// Keys keep the per-channel kind names of earlier versions (`slackthread:`, `slacklisten:`),
// built from Turn.channel, so records written before stay valid.
import type { Store } from "../ports.js";
import type { Turn } from "../types.js";

const DAY = 86_400_000;
/** A thread stays the bot's for two weeks after the last message addressed to it there. */
export const THREAD_TTL_MS = 14 * DAY;

export interface ListenState {
  /** Pseudonym of the coach who switched it on. */
  by: string;
  at: string;
}

type InThread = Pick<Turn, "channel" | "tenant" | "thread">;
type InTeam = Pick<Turn, "channel" | "tenant" | "team">;

export const conversationKeys = {
  thread: (t: InThread) => `${t.channel}thread:${t.tenant}:${t.thread}`,
  listen: (t: InTeam) => `${t.channel}listen:${t.tenant}:${t.team}`,
};

/** Mark a thread as the bot's (the core does it for addressed turns; an adapter for a post
 * it makes on its own, such as a shared answer). */
export async function ownThread(store: Store, turn: InThread, now: Date): Promise<void> {
  await store.set(conversationKeys.thread(turn), { at: now.toISOString() }, THREAD_TTL_MS);
}

export async function ownsThread(store: Store, turn: InThread): Promise<boolean> {
  return (await store.get(conversationKeys.thread(turn))) !== undefined;
}

export async function isListening(store: Store, turn: InTeam): Promise<boolean> {
  return (await store.get<ListenState>(conversationKeys.listen(turn))) !== undefined;
}
