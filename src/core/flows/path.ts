// Where a flow instance stands: its current step, the path taken and the outcomes reached.
// Derived from the stored answers every time, so `terug` never leaves stale outcomes behind.
import { targets } from "./graph-check.js";
import { END, type FlowDef, type OutcomeDef, type StepDef } from "./schema.js";
import type { FlowState, StoredAnswer } from "./state.js";

export function stepOf(flow: FlowDef, id: string | undefined): StepDef | undefined {
  return id === undefined ? undefined : flow.steps.find((s) => s.id === id);
}

/** The step waiting for an answer (undefined once the flow is done). */
export function currentStep(flow: FlowDef, state: FlowState): StepDef | undefined {
  return state.status === "done" ? undefined : stepOf(flow, state.history.at(-1));
}

/** Where an answer leads: the first matching `when`, else the default. */
export function nextOf(step: StepDef, answer: StoredAnswer | undefined): { goto: string; outcome?: string } {
  const list = targets(step);
  const hit = answer && !answer.skipped ? list.find((t) => t.when === answer.value) : undefined;
  return hit ?? list.find((t) => t.when === undefined) ?? { goto: END };
}

/** Answered steps on the path taken, in order (the current step only once the flow is done). */
export function answeredPath(flow: FlowDef, state: FlowState): Array<{ step: StepDef; answer: StoredAnswer }> {
  const upto = state.status === "done" ? state.history.length : state.history.length - 1;
  const out: Array<{ step: StepDef; answer: StoredAnswer }> = [];
  for (const id of state.history.slice(0, upto)) {
    const step = stepOf(flow, id);
    const answer = state.answers[id];
    if (step && answer) out.push({ step, answer });
  }
  return out;
}

/** Outcomes reached on the path taken so far, in order, without repeats. */
export function outcomesOf(flow: FlowDef, state: FlowState): Array<[string, OutcomeDef]> {
  const out: Array<[string, OutcomeDef]> = [];
  for (const { step, answer } of answeredPath(flow, state)) {
    const id = nextOf(step, answer).outcome;
    const def = id ? flow.outcomes[id] : undefined;
    if (id && def && !out.some(([o]) => o === id)) out.push([id, def]);
  }
  return out;
}
