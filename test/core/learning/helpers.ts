// Shared set-up for learning-loop tests: a real Bot (real map, memory store, fake clock) with
// the learning loop installed, and a passive replay of JSONL fixtures through it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { installLearning, type LearningLoop } from "../../../src/core/learning/index.js";
import type { Turn } from "../../../src/core/types.js";
import { parseJsonl } from "../../../src/import/jsonl.js";
import { replay } from "../../../src/import/replay.js";
import { FakeClock, makeBot } from "../../helpers/bot.js";
import { ROOT } from "../../helpers/cli.js";

export const FIXTURES = join(ROOT, "test/fixtures/patterns");

export async function learningBot(clock = new FakeClock(new Date("2026-03-20T12:00:00Z"))) {
  const made = await makeBot({ clock });
  const loop: LearningLoop = installLearning(made.bot);
  return { ...made, loop, clock };
}

/** Replay a JSONL fixture as passive chat history into the tenant. */
export async function replayFixture(bot: Awaited<ReturnType<typeof learningBot>>["bot"], file: string, tenant = "t1") {
  const { messages, issues } = parseJsonl(readFileSync(join(FIXTURES, file), "utf8"));
  if (issues.length > 0) throw new Error(`fixture ${file} has bad lines: ${JSON.stringify(issues)}`);
  return replay(bot, messages, { tenant });
}

let n = 0;
/** A direct chat turn (console channel) in tenant t1. */
export function chat(text: string, extra: Partial<Turn> = {}): Turn {
  n++;
  return {
    id: `c${n}`,
    channel: "console",
    tenant: "t1",
    team: "noord",
    thread: "thread-1",
    user: "U1",
    role: "worker",
    text,
    direct: true,
    ...extra,
  };
}

export function press(action: string, value: string | undefined, extra: Partial<Turn> = {}): Turn {
  return chat("", { action: { id: action, ...(value !== undefined ? { value } : {}) }, ...extra });
}

export interface Labels {
  candidates: Array<{ name: string; messageIds: string[] }>;
  notCandidates?: Array<{ name: string; messageIds: string[] }>;
}

export function labels(file: string): Labels {
  return JSON.parse(readFileSync(join(FIXTURES, file), "utf8")) as Labels;
}
