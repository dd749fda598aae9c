// `aanzet ask "<vraag>"`, `--json`, and `--jsonl` (questions from stdin, one answer per line).
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";
import type { App } from "../app.js";
import type { Answer, Reply, Turn } from "../core/types.js";
import { renderReply } from "../adapters/console/render.js";
import type { CliIO } from "./io.js";

export interface AskOptions {
  tenant: string;
  team: string;
  user: string;
  role: Turn["role"];
}

/** The JSON shape of interface.md (extra fields allowed, documented ones always present). */
export function answerJson(a: Answer): Record<string, unknown> {
  return {
    question: a.question,
    status: a.status,
    ...(a.reason ? { reason: a.reason } : {}),
    ...(a.assumed ? { assumed: a.assumed } : {}),
    ...(a.otherNeeds ? { otherNeeds: a.otherNeeds } : {}),
    answer: a.answer,
    aanZet: a.aanZet,
    routes: a.routes,
    entries: a.entries,
    sources: a.sources,
    confidence: a.confidence,
    checkLocally: a.checkLocally,
    ...(a.appliesOn ? { appliesOn: a.appliesOn } : {}),
  };
}

let counter = 0;
/** Unique per process, so message ids never repeat across runs (the bot dedupes on them). */
const SESSION = randomBytes(6).toString("hex");
function turnFor(text: string, o: AskOptions, extra: Partial<Turn> = {}): Turn {
  counter++;
  return {
    id: `cli-${SESSION}-${counter}`,
    channel: "console",
    tenant: o.tenant,
    team: o.team,
    thread: `cli-${SESSION}-${counter}`,
    user: o.user,
    role: o.role,
    text,
    direct: true,
    ...extra,
  };
}

function firstAnswer(replies: Reply[]): Reply | undefined {
  return replies.find((r) => r.answer) ?? replies[0];
}

export async function runAsk(app: App, io: CliIO, question: string, o: AskOptions, json: boolean): Promise<number> {
  const replies = await app.bot.handle(turnFor(question, o));
  const reply = firstAnswer(replies);
  if (!reply) {
    io.err("no answer");
    return 1;
  }
  if (json) {
    io.out(JSON.stringify(reply.answer ? answerJson(reply.answer) : { status: "error", answer: reply.text }, null, 2));
  } else {
    io.out(renderReply({ ...reply, buttons: [] }));
  }
  return 0;
}

export async function runAskJsonl(app: App, io: CliIO, o: AskOptions): Promise<number> {
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let line = 0;
  let failures = 0;
  for await (const raw of rl) {
    line++;
    const text = raw.trim();
    if (text.length === 0) continue;
    let question = text;
    let opts = o;
    let id: string | undefined;
    if (text.startsWith("{")) {
      try {
        const obj = JSON.parse(text) as Record<string, unknown>;
        if (typeof obj.text !== "string") throw new Error('missing string field "text"');
        question = obj.text;
        opts = {
          ...o,
          team: typeof obj.team === "string" ? obj.team : o.team,
          user: typeof obj.user === "string" ? obj.user : o.user,
        };
        if (typeof obj.id === "string") id = obj.id;
      } catch (err) {
        failures++;
        io.out(JSON.stringify({ line, status: "error", error: `invalid JSON line: ${(err as Error).message}` }));
        continue;
      }
    }
    const replies = await app.bot.handle(turnFor(question, opts, id ? { id } : {}));
    const reply = firstAnswer(replies);
    io.out(
      JSON.stringify(
        reply?.answer ? answerJson(reply.answer) : { line, status: "error", error: reply?.text ?? "no answer" },
      ),
    );
  }
  return failures > 0 && failures === line ? 1 : 0;
}
