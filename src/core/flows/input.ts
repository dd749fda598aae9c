// Reading what the worker typed inside a flow: navigation words, choices, yes/no, and the
// simple rule that tells a side question from an answer.
import { normalize } from "../text/normalize.js";
import type { Messages } from "./messages.js";
import type { StepDef } from "./schema.js";

export type FlowCommand = "back" | "stop" | "help" | "skip";

const COMMAND_WORDS: Record<string, FlowCommand> = {
  terug: "back",
  vorige: "back",
  stop: "stop",
  stoppen: "stop",
  annuleer: "stop",
  annuleren: "stop",
  uitleg: "help",
  help: "help",
  hulp: "help",
  overslaan: "skip",
  "sla over": "skip",
  skip: "skip",
};

const ACTION_COMMANDS: Record<string, FlowCommand> = {
  "flow:back": "back",
  "flow:stop": "stop",
  "flow:help": "help",
  "flow:skip": "skip",
};

/** A navigation command: the whole message is one of the words, or a flow button. */
export function flowCommand(text: string, actionId?: string): FlowCommand | undefined {
  if (actionId) return ACTION_COMMANDS[actionId];
  if (text.trim() === "?") return "help";
  return COMMAND_WORDS[normalize(text)];
}

const YES = new Set(["ja", "j", "jazeker", "jawel", "klopt", "zeker", "yes", "ja hoor", "ja klopt"]);
const NO = new Set(["nee", "n", "neen", "nope", "no", "nee hoor", "niet"]);

/** Parse "ja"/"nee" (and close variants); undefined when it is neither. */
export function parseYesNo(text: string): "ja" | "nee" | undefined {
  const n = normalize(text);
  if (YES.has(n)) return "ja";
  if (NO.has(n)) return "nee";
  return undefined;
}

/** A choice by number (1-based), by the option's label as shown, or by its value. */
export function parseChoice(text: string, step: StepDef, messages: Messages): string | undefined {
  const options = step.options ?? [];
  const num = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(text);
  if (num) return options[Number(num[1]) - 1]?.value;
  const n = normalize(text);
  if (n.length === 0) return undefined;
  const hit = options.find((o) => normalize(messages.get(o.label)) === n || normalize(o.value) === n);
  return hit?.value;
}

const QUESTION_START = new Set(
  (
    "wie wat waar wanneer waarom hoe welke welk hoeveel hoelang waarvoor waarmee " +
    "kan kun kunnen mag mogen moet moeten is zijn heeft hebben wordt worden valt vallen klopt " +
    "betaalt geldt gaat weet zou zouden krijgt"
  ).split(" "),
);

/**
 * True when a message inside a flow is a side question rather than an answer. Kept simple
 * on purpose: it ends with "?" and has at least two words; or, on a choice or yes/no step
 * where it is no valid option, it starts with a question word and has three or more words
 * ("wie betaalt dat eigenlijk"). A free-text answer without "?" is always an answer.
 */
export function looksLikeQuestion(text: string, step: StepDef | undefined, isOption: boolean): boolean {
  const t = text.trim();
  const words = normalize(t).split(" ").filter(Boolean);
  if (t.endsWith("?") && words.length >= 2) return true;
  if (!step || step.input === "text" || isOption) return false;
  return words.length >= 3 && QUESTION_START.has(words[0]!);
}
