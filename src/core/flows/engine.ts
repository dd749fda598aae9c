// The flow engine: pure transitions over a FlowState (start, answer, skip, back) and the
// prompt for the current step. No store and no clock here: plugin.ts does the I/O.
import type { Button, Reply } from "../types.js";
import { renderComputed, matchCase, type FlowEnv } from "./computed.js";
import { currentStep, nextOf, stepOf } from "./path.js";
import { parseChoice, parseChoiceWithReason, parseYesNo, parseYesNoWithReason } from "./input.js";
import type { Messages } from "./messages.js";
import { END, type FlowDef, type StepDef } from "./schema.js";
import type { FlowState, StoredAnswer } from "./state.js";

export interface StartOptions {
  id: string;
  tenant: string;
  thread: string;
  owner: string;
  now: Date;
  version: number;
  previous?: string | undefined;
}

export function startState(flow: FlowDef, o: StartOptions): FlowState {
  const at = o.now.toISOString();
  return {
    v: 1,
    id: o.id,
    flow: flow.id,
    tenant: o.tenant,
    thread: o.thread,
    owner: o.owner,
    status: "active",
    history: [flow.steps[0]!.id],
    answers: {},
    startedAt: at,
    updatedAt: at,
    version: o.version,
    ...(o.previous ? { previous: o.previous } : {}),
  };
}

export type Step = { ok: true; state: FlowState } | { ok: false; error: string };

/** Move on from the current step with `answer` stored for it. */
function advance(flow: FlowDef, state: FlowState, step: StepDef, answer: StoredAnswer, env: FlowEnv): FlowState {
  const next: FlowState = { ...state, answers: { ...state.answers, [step.id]: answer }, history: [...state.history] };
  if (step.caseText) {
    const text = next.history
      .map((id) => stepOf(flow, id))
      .filter((s): s is StepDef => !!s && s.caseText)
      .map((s) => next.answers[s.id])
      .filter((a): a is StoredAnswer => !!a && !a.skipped)
      .map((a) => a.text)
      .join(". ");
    next.match = matchCase(env, text);
  }
  const { goto } = nextOf(step, answer);
  if (goto === END) next.status = "done";
  else next.history.push(goto);
  return next;
}

/** Answer the current step with typed text or a button value. */
export function submit(
  flow: FlowDef,
  state: FlowState,
  env: FlowEnv,
  input: { text: string; value?: string | undefined },
): Step {
  const step = currentStep(flow, state);
  if (!step) return { ok: false, error: env.messages.get("flow.fout.keuze") };
  const m = env.messages;
  if (step.input === "choice") {
    const value =
      input.value !== undefined
        ? step.options?.find((o) => o.value === input.value)?.value
        : parseChoice(input.text, step, m);
    const option = step.options?.find((o) => o.value === value);
    if (!option) {
      // "Ja, want ...": the first words choose, the rest is the worker's reason and is kept.
      const withReason = input.value === undefined ? parseChoiceWithReason(input.text, step, m) : undefined;
      const chosen = withReason && step.options?.find((o) => o.value === withReason.value);
      if (!withReason || !chosen) return { ok: false, error: m.get("flow.fout.keuze") };
      const text = `${m.get(chosen.label)}. Toelichting: ${withReason.reason}`;
      return {
        ok: true,
        state: advance(flow, state, step, { value: chosen.value, text, reason: withReason.reason }, env),
      };
    }
    return { ok: true, state: advance(flow, state, step, { value: option.value, text: m.get(option.label) }, env) };
  }
  if (step.input === "yesno") {
    const v = input.value === "ja" || input.value === "nee" ? input.value : parseYesNo(input.text);
    if (!v) {
      const withReason = input.value === undefined ? parseYesNoWithReason(input.text) : undefined;
      if (!withReason) return { ok: false, error: m.get("flow.fout.ja-nee") };
      const label = m.get(withReason.value === "ja" ? "flow.ja" : "flow.nee");
      return {
        ok: true,
        state: advance(
          flow,
          state,
          step,
          { value: withReason.value, text: `${label}. Toelichting: ${withReason.reason}`, reason: withReason.reason },
          env,
        ),
      };
    }
    return {
      ok: true,
      state: advance(flow, state, step, { value: v, text: m.get(v === "ja" ? "flow.ja" : "flow.nee") }, env),
    };
  }
  // A button value here comes from an older question's button: ask for typed text instead.
  if (input.value !== undefined) return { ok: false, error: m.get("flow.fout.tekst") };
  const text = input.text.trim();
  const rule = step.validation;
  if (text.length < (rule?.minLength ?? 1))
    return { ok: false, error: m.get("flow.fout.te-kort", { min: rule?.minLength ?? 1 }) };
  if (rule?.maxLength && text.length > rule.maxLength)
    return { ok: false, error: m.get("flow.fout.te-lang", { max: rule.maxLength }) };
  if (rule?.pattern && !new RegExp(rule.pattern, "u").test(text)) {
    return { ok: false, error: m.get(rule.message ?? "flow.fout.patroon") };
  }
  return { ok: true, state: advance(flow, state, step, { value: text, text }, env) };
}

/** Skip the current step when the flow allows it; the default `next` applies. */
export function skip(flow: FlowDef, state: FlowState, env: FlowEnv): Step {
  const step = currentStep(flow, state);
  if (!step || !step.skippable) return { ok: false, error: env.messages.get("flow.overslaan.mag-niet") };
  return {
    ok: true,
    state: advance(flow, state, step, { value: "", text: env.messages.get("flow.overgeslagen"), skipped: true }, env),
  };
}

/** One step back; the answer given there is kept and shown for editing. */
export function back(state: FlowState, messages: Messages): Step {
  if (state.history.length <= 1) return { ok: false, error: messages.get("flow.terug.eerste") };
  return { ok: true, state: { ...state, history: state.history.slice(0, -1) } };
}

function buttons(flow: FlowDef, state: FlowState, step: StepDef, m: Messages): Button[] {
  const out: Button[] = [];
  if (step.input === "choice") {
    for (const o of step.options ?? []) out.push({ label: m.get(o.label), action: "flow:answer", value: o.value });
  } else if (step.input === "yesno") {
    out.push(
      { label: m.get("flow.ja"), action: "flow:answer", value: "ja" },
      { label: m.get("flow.nee"), action: "flow:answer", value: "nee" },
    );
  }
  if (step.help) out.push({ label: m.get("flow.knop.uitleg"), action: "flow:help" });
  if (step.skippable) out.push({ label: m.get("flow.knop.overslaan"), action: "flow:skip" });
  if (state.history.length > 1) out.push({ label: m.get("flow.knop.terug"), action: "flow:back" });
  out.push({ label: m.get("flow.knop.stop"), action: "flow:stop", style: "danger" });
  return out;
}

/**
 * The current step as a reply: computed content, the question, numbered options and the
 * earlier answer when there is one. `brief` repeats only the question (after a side question).
 */
export function prompt(flow: FlowDef, state: FlowState, env: FlowEnv, brief = false): Reply {
  const step = currentStep(flow, state);
  if (!step) return { text: "" };
  const m = env.messages;
  const parts: string[] = [];
  if (!brief && step.show) parts.push(renderComputed(step.show, flow, state, env));
  const lines = [m.get(step.message)];
  if (step.input === "choice") (step.options ?? []).forEach((o, i) => lines.push(`${i + 1}. ${m.get(o.label)}`));
  parts.push(lines.join("\n"));
  const earlier = state.answers[step.id];
  if (!brief && earlier && !earlier.skipped) parts.push(m.get("flow.terug.vorig", { answer: earlier.text }));
  return { text: parts.join("\n\n"), buttons: buttons(flow, state, step, m) };
}
