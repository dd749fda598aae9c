// Engine transitions that transcripts cannot reach easily: stale buttons, outcomes after
// `terug`, and the path a record is built from.
import { describe, expect, it } from "vitest";
import type { FlowEnv } from "../../../src/core/flows/computed.js";
import { back, startState, submit } from "../../../src/core/flows/engine.js";
import { parseFlow } from "../../../src/core/flows/graph-check.js";
import { ENGINE_KEYS, Messages } from "../../../src/core/flows/messages.js";
import { answeredPath, currentStep, outcomesOf } from "../../../src/core/flows/path.js";
import type { FlowDef } from "../../../src/core/flows/schema.js";
import type { FlowState } from "../../../src/core/flows/state.js";

const messages = new Messages(Object.fromEntries([...ENGINE_KEYS, "k"].map((key) => [key, `tekst ${key}`])));
const { flow } = parseFlow(
  {
    id: "proef",
    title: "k",
    intro: "k",
    start: {},
    record: { title: "k" },
    outcomes: { hulp: { label: "k", advice: "k" } },
    steps: [
      {
        id: "vraag",
        message: "k",
        input: "yesno",
        next: [{ when: "nee", goto: "tekst", outcome: "hulp" }, { default: "tekst" }],
      },
      { id: "tekst", message: "k", input: "text", validation: { minLength: 3 }, next: "end" },
    ],
  },
  "flows/proef.yaml",
) as { flow: FlowDef };
// No step shows map content, so the map and answerer are never touched.
const env = { messages, tenant: "t", today: "2026-11-23" } as unknown as FlowEnv;
const start = (): FlowState =>
  startState(flow, { id: "P-1", tenant: "t", thread: "th", owner: "u", now: new Date(0), version: 1 });

function ok(r: ReturnType<typeof submit>): FlowState {
  if (!r.ok) throw new Error(r.error);
  return r.state;
}

describe("flow engine", () => {
  it("does not take an older question's button as a free-text answer", () => {
    const s = ok(submit(flow, start(), env, { text: "nee" }));
    const r = submit(flow, s, env, { text: "", value: "ja" });
    expect(r).toEqual({ ok: false, error: "tekst flow.fout.tekst" });
  });

  it("drops an outcome when `terug` changes the answer that led to it", () => {
    const s = ok(submit(flow, start(), env, { text: "nee" }));
    expect(outcomesOf(flow, ok(submit(flow, s, env, { text: "klaar" }))).map(([id]) => id)).toEqual(["hulp"]);
    const again = ok(back(s, messages));
    expect(again.answers.vraag?.value).toBe("nee"); // kept for editing
    const changed = ok(submit(flow, ok(submit(flow, again, env, { text: "ja" })), env, { text: "klaar" }));
    expect(changed.status).toBe("done");
    expect(outcomesOf(flow, changed)).toEqual([]);
    expect(answeredPath(flow, changed).map((p) => `${p.step.id}=${p.answer.value}`)).toEqual([
      "vraag=ja",
      "tekst=klaar",
    ]);
  });

  it("validates free text and stays on the step", () => {
    const s = ok(submit(flow, start(), env, { text: "ja" }));
    const r = submit(flow, s, env, { text: "ok" });
    expect(r.ok).toBe(false);
    expect(currentStep(flow, s)?.id).toBe("tekst");
  });
});
