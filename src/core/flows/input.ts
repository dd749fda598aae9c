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

const PARTLY = new Set(["deels", "gedeeltelijk", "half", "een beetje", "soms", "voor een deel", "ten dele"]);

// Where the choice ends and the reason starts: "ja, want ...", "deels: ...", "nee omdat ...".
const REASON_SPLIT =
  /^\s*([^,.:;!?\u2013\u2014-]+?)\s*(?:[,.:;!?\u2013\u2014-]+\s*|\s+(?=(?:want|omdat|maar|dus|doordat|aangezien|als|zolang|alleen)\b))(.+)$/isu;

/** The option that the first words of a free-text reply name, by label, value or yes/no/deels. */
function leadingOption(lead: string, step: StepDef, messages: Messages): string | undefined {
  const options = step.options ?? [];
  const n = normalize(lead);
  if (n.length === 0) return undefined;
  const byValue = (v: string) => options.find((o) => o.value === v)?.value;
  const exact = options.find((o) => normalize(messages.get(o.label)) === n || normalize(o.value) === n);
  if (exact) return exact.value;
  if (YES.has(n)) return byValue("ja");
  if (NO.has(n)) return byValue("nee");
  if (PARTLY.has(n)) return byValue("deels");
  // The first word of exactly one option's label ("maatwerk", "binnen").
  const first = n.split(" ")[0]!;
  const hits = options.filter((o) => normalize(o.value) === first);
  return hits.length === 1 ? hits[0]!.value : undefined;
}

/**
 * A choice given in free text with its reason: "Ja, de wet wil bestaanszekerheid bieden",
 * "deels, omdat ...", "nee want ...". Undefined when the first words name no single option
 * or no reason follows.
 */
export function parseChoiceWithReason(
  text: string,
  step: StepDef,
  messages: Messages,
): { value: string; reason: string } | undefined {
  const m = REASON_SPLIT.exec(text.trim());
  if (m) {
    const value = leadingOption(m[1]!, step, messages);
    const reason = m[2]!.replace(/^(want|omdat|dus)\s+/i, "").trim();
    if (value && normalize(reason).length > 0) return { value, reason };
  }
  // "ja want ..." without punctuation: the first word alone
  const [first, ...rest] = text.trim().split(/\s+/);
  const value = first ? leadingOption(first, step, messages) : undefined;
  const reason = rest
    .join(" ")
    .replace(/^(want|omdat|dus)\s+/i, "")
    .trim();
  if (value && rest.length >= 2 && normalize(reason).length > 0) return { value, reason };
  return undefined;
}

/** "ja, want ...", "nee omdat ...": yes or no with the reason kept. */
export function parseYesNoWithReason(text: string): { value: "ja" | "nee"; reason: string } | undefined {
  const m = REASON_SPLIT.exec(text.trim());
  const lead = m ? m[1]! : (text.trim().split(/\s+/)[0] ?? "");
  const reason = (m ? m[2]!.trim() : text.trim().split(/\s+/).slice(1).join(" ")).replace(/^(want|omdat|dus)\s+/i, "");
  const v = parseYesNo(lead);
  if (!v || normalize(reason).length === 0 || (!m && reason.split(/\s+/).length < 2)) return undefined;
  return { value: v, reason };
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
