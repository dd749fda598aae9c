// How a flow starts: the message or button that triggers it, and the id of the new instance.
import { randomBytes } from "node:crypto";
import type { SafeTurn } from "../bot.js";
import { normalize } from "../text/normalize.js";
import type { FlowDef } from "./schema.js";

const ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** A short id a worker can read out: flow initials plus six characters, e.g. OT-7K3P9Q. */
export function newInstanceId(flow: FlowDef): string {
  const initials = flow.id
    .split("-")
    .map((w) => w[0]!.toUpperCase())
    .join("")
    .slice(0, 3);
  const bytes = randomBytes(6);
  const tail = [...bytes].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join("");
  return `${initials}-${tail}`;
}

/** The flow this message starts: a flow:start button, a /command, or a start phrase. */
export function triggeredFlow(turn: Pick<SafeTurn, "text" | "action">, flows: FlowDef[]): FlowDef | undefined {
  if (turn.action?.id === "flow:start")
    return turn.action.value ? flows.find((f) => f.id === turn.action!.value) : undefined;
  const text = turn.text.trim();
  const cmd = /^\/([a-z][a-z0-9-]*)\s*$/i.exec(text);
  if (cmd) return flows.find((f) => f.start.commands.includes(cmd[1]!.toLowerCase()));
  // Only the whole message starts a flow, so "wat is de omgekeerde toets?" stays a question.
  const n = normalize(text).replace(/^(start|begin|starten|beginnen)( met)?( de| het| een)? /, "");
  return flows.find((f) => f.start.phrases.some((p) => normalize(p) === n));
}
