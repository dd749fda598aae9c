// Precision and recall of candidate knelpunten on our own labelled streams.
// Pairwise: every pair of messages that the labels put in one candidate is a positive; a pair
// in one predicted candidate is a predicted positive. Precision = correct predicted pairs /
// predicted pairs; recall = correct predicted pairs / labelled pairs. Per group we also report
// how many labelled candidates were found exactly (same message ids).
import { describe, expect, it } from "vitest";
import { knelpuntJson } from "../../../src/core/learning/index.js";
import { labels, learningBot, replayFixture, type Labels } from "./helpers.js";

export interface Scores {
  precision: number;
  recall: number;
  exact: number;
  labelled: number;
  predicted: number;
}

export function pairwise(predicted: string[][], expected: Labels["candidates"]): Scores {
  const lab = new Map<string, number>();
  expected.forEach((c, i) => c.messageIds.forEach((id) => lab.set(id, i)));
  const pred = new Map<string, number>();
  predicted.forEach((c, i) => c.forEach((id) => pred.set(id, i)));
  const ids = [...new Set([...lab.keys(), ...pred.keys()])];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i]!;
      const b = ids[j]!;
      const sameLabel = lab.has(a) && lab.get(a) === lab.get(b);
      const samePred = pred.has(a) && pred.get(a) === pred.get(b);
      if (sameLabel && samePred) tp++;
      else if (samePred) fp++;
      else if (sameLabel) fn++;
    }
  }
  const key = (ids: string[]) => [...ids].sort().join(",");
  const predictedKeys = new Set(predicted.map(key));
  const exact = expected.filter((c) => predictedKeys.has(key(c.messageIds))).length;
  return {
    precision: tp / Math.max(1, tp + fp),
    recall: tp / Math.max(1, tp + fn),
    exact,
    labelled: expected.length,
    predicted: predicted.length,
  };
}

async function score(stream: string, labelFile: string): Promise<Scores> {
  const { bot, loop } = await learningBot();
  await replayFixture(bot, stream);
  const list = (await loop.knelpunten.list("t1")).map(knelpuntJson).filter((k) => k.status === "candidate");
  return pairwise(
    list.map((k) => k.messageIds),
    labels(labelFile).candidates,
  );
}

function show(name: string, s: Scores): void {
  // Printed on purpose: the figures go into the closing note of issue 4.
  console.log(
    `[patterns] ${name}: pairwise precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}; ` +
      `${s.exact}/${s.labelled} labelled candidates found exactly, ${s.predicted} predicted`,
  );
}

describe("recurring-question detection quality", () => {
  it("finds the labelled candidates of stream.jsonl with precision and recall >= 0.9", async () => {
    const s = await score("stream.jsonl", "labels.json");
    show("stream.jsonl", s);
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.recall).toBeGreaterThanOrEqual(0.9);
  });

  it("reports the figures on the other labelled streams", async () => {
    // dev: written while tuning; holdout-a: written later, looked at once; holdout-b: never
    // tuned on. They show how the method does on wording it has not seen: precision holds,
    // recall drops (paraphrases that share no telling word stay apart).
    const floors: Record<string, number> = { "dev.jsonl": 0.7, "holdout-a.jsonl": 0.6, "holdout-b.jsonl": 0.6 };
    for (const [stream, labelFile] of [
      ["dev.jsonl", "dev.labels.json"],
      ["holdout-a.jsonl", "holdout-a.labels.json"],
      ["holdout-b.jsonl", "holdout-b.labels.json"],
    ] as const) {
      const s = await score(stream, labelFile);
      show(stream, s);
      // A floor on precision only: a wrong candidate costs a lead's time, a missed one waits.
      expect(s.precision, stream).toBeGreaterThanOrEqual(floors[stream]!);
    }
  });

  it("scores pairs as documented", () => {
    const s = pairwise([["a", "b", "x"]], [{ name: "g", messageIds: ["a", "b", "c"] }]);
    // predicted pairs ab, ax, bx: 1 correct; labelled pairs ab, ac, bc: 1 found.
    expect(s.precision).toBeCloseTo(1 / 3);
    expect(s.recall).toBeCloseTo(1 / 3);
    expect(s.exact).toBe(0);
  });
});
