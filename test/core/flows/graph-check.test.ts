// The flow checks a coach relies on: each problem names file, flow/step and field.
import { describe, expect, it } from "vitest";
import { checkFlow, checkFlowSet, parseFlow } from "../../../src/core/flows/graph-check.js";
import { ENGINE_KEYS, Messages } from "../../../src/core/flows/messages.js";
import type { FlowDef } from "../../../src/core/flows/schema.js";
import { loadFlows } from "../../../src/content/flow-loader.js";
import { fileURLToPath } from "node:url";

const FILE = "flows/test.yaml";
const KEYS = ["t.titel", "t.intro", "t.verslag", "t.a", "t.b", "t.c", "t.ja", "t.nee", "t.note"];
const messages = new Messages(Object.fromEntries([...KEYS, ...ENGINE_KEYS].map((k) => [k, `tekst ${k}`])));

function flowData(steps: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "test-flow",
    title: "t.titel",
    intro: "t.intro",
    start: { commands: ["test"] },
    record: { title: "t.verslag" },
    steps,
    ...extra,
  };
}

function check(steps: unknown[], extra?: Record<string, unknown>) {
  const { flow, problems } = parseFlow(flowData(steps, extra), FILE);
  if (!flow) return problems;
  return [...problems, ...checkFlow(flow, messages, ["maatwerkbudget"])];
}

const text = (id: string, next: unknown, more: Record<string, unknown> = {}) => ({
  id,
  message: "t.a",
  input: "text",
  next,
  ...more,
});

describe("flow graph checks", () => {
  it("accepts a valid flow with a branch and an outcome", () => {
    const problems = check(
      [
        {
          id: "eerste",
          message: "t.a",
          input: "yesno",
          next: [{ when: "nee", goto: "tweede", outcome: "o" }, { default: "tweede" }],
        },
        text("tweede", "end"),
      ],
      { outcomes: { o: { label: "t.b", advice: "t.c", route: "maatwerkbudget" } } },
    );
    expect(problems).toEqual([]);
  });

  it("reports a next to an unknown step with file, flow/step and field", () => {
    const problems = check([text("eerste", "derde"), text("tweede", "end")]);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: FILE,
        item: "test-flow/eerste",
        field: "next",
        message: expect.stringContaining('unknown step "derde"'),
      }),
    );
  });

  it("reports an unreachable step", () => {
    const problems = check([text("eerste", "end"), text("los", "end")]);
    expect(problems).toContainEqual(
      expect.objectContaining({ item: "test-flow/los", field: "id", message: expect.stringContaining("unreachable") }),
    );
    expect(problems.filter((p) => p.item === "test-flow/eerste")).toEqual([]);
  });

  it("reports a message key missing from the catalogue", () => {
    const problems = check([text("eerste", "end", { help: "t.bestaat-niet" })]);
    expect(problems).toContainEqual(
      expect.objectContaining({
        item: "test-flow/eerste",
        field: "help",
        message: expect.stringContaining('"t.bestaat-niet" is missing'),
      }),
    );
  });

  it("reports a duplicate step id", () => {
    const problems = check([text("eerste", "tweede"), text("tweede", "end"), text("tweede", "end")]);
    expect(problems).toContainEqual(
      expect.objectContaining({
        item: "test-flow/tweede",
        field: "id",
        message: expect.stringContaining("duplicate step id"),
      }),
    );
  });

  it("reports a loop that can never finish", () => {
    const problems = check([text("eerste", "tweede"), text("tweede", "eerste")]);
    expect(problems).toContainEqual(
      expect.objectContaining({ item: "test-flow/eerste", message: expect.stringContaining("never finish") }),
    );
  });

  it("reports a branch on a value the step cannot have, and a missing default", () => {
    const problems = check([
      {
        id: "eerste",
        message: "t.a",
        input: "choice",
        options: [
          { value: "a", label: "t.b" },
          { value: "b", label: "t.c" },
        ],
        next: [{ when: "z", goto: "end" }],
      },
    ]);
    expect(problems).toContainEqual(
      expect.objectContaining({ field: "next", message: expect.stringContaining('branch on "z"') }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ field: "next", message: expect.stringContaining("exactly one `- default") }),
    );
  });

  it("reports an unknown outcome and an unknown route", () => {
    const problems = check(
      [
        {
          id: "eerste",
          message: "t.a",
          input: "yesno",
          next: [{ when: "ja", goto: "end", outcome: "weg" }, { default: "end" }],
        },
      ],
      { outcomes: { o: { label: "t.b", advice: "t.c", route: "geen-route" } } },
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('unknown outcome "weg"') }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ field: "outcomes.o.route", message: expect.stringContaining('"geen-route"') }),
    );
  });

  it("names the step id (not its index) for a shape error, e.g. a wrong input kind", () => {
    const problems = check([text("eerste", "end", { input: "getal" })]);
    expect(problems).toContainEqual(
      expect.objectContaining({
        item: "test-flow/eerste",
        field: "input",
        message: "input must be text, choice or yesno",
      }),
    );
  });

  it("reports a note placeholder that is no step", () => {
    const withNote = new Messages({
      ...Object.fromEntries([...KEYS, ...ENGINE_KEYS].map((k) => [k, "x"])),
      "t.note": "Notitie {eerste} {onbekend}",
    });
    const { flow } = parseFlow(
      flowData([text("eerste", "end")], { record: { title: "t.verslag", note: "t.note" } }),
      FILE,
    );
    const problems = checkFlow(flow as FlowDef, withNote);
    expect(problems).toEqual([
      expect.objectContaining({ field: "record.note", message: expect.stringContaining("{onbekend}") }),
    ]);
  });

  it("requires the engine's own keys in the catalogue and unique flow ids and commands", () => {
    const { flow } = parseFlow(flowData([text("eerste", "end")]), FILE);
    const problems = checkFlowSet(
      [flow as FlowDef, { ...(flow as FlowDef), file: "flows/b.yaml" }],
      new Messages({}),
      "flows/messages.nl.yaml",
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: "flows/b.yaml",
        field: "id",
        message: expect.stringContaining("duplicate flow id"),
      }),
    );
    expect(problems).toContainEqual(expect.objectContaining({ file: "flows/messages.nl.yaml", field: "flow.hint" }));
  });

  it("passes the real flows/ directory without problems", () => {
    const dir = fileURLToPath(new URL("../../../flows", import.meta.url));
    const { flows, problems } = loadFlows(dir);
    expect(problems).toEqual([]);
    expect(flows.map((f) => f.id).sort()).toEqual(["escalatie", "omgekeerde-toets"]);
  });
});
