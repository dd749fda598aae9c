// Answers say which day's rules they give, and a question about a coming year gets that
// year's entry (the real map: eigen-risico-zorgverzekering ends 2026-12-31, its 2027
// successor starts 2027-01-01).
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

async function ask(question: string, today: string): Promise<Record<string, unknown>> {
  const r = await runCli(["ask", "--store", "memory://", "--json", question], { env: { AANZET_TODAY: today } });
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

const firstEntry = (a: Record<string, unknown>) => (a.entries as Array<{ id: string }>)[0]?.id;

describe("ask --json: the day an answer applies to", () => {
  it("answers a question about next year with next year's entry and says from when", async () => {
    const a = await ask("wat is het eigen risico in 2027?", "2026-12-04");
    expect(a.status).toBe("answered");
    expect(firstEntry(a)).toBe("eigen-risico-zorgverzekering-2027");
    expect(a.appliesOn).toBe("2027-01-01");
    expect(a.answer).toContain("Geldt op 01-01-2027.");
    expect(a.answer).toContain("Dit zijn de regels van 2027.");
  });

  it("answers the same question without a year with today's entry and today's date", async () => {
    const a = await ask("wat is het eigen risico?", "2026-12-04");
    expect(firstEntry(a)).toBe("eigen-risico-zorgverzekering");
    expect(a.appliesOn).toBe("2026-12-04");
    expect(a.answer).toContain("Geldt op 04-12-2026.");
    expect(a.answer).not.toContain("regels van");
  });

  it("leaves out the date for a rule that is not bound to a year", async () => {
    const a = await ask("wie betaalt een traplift?", "2026-12-04");
    expect(a.status).toBe("answered");
    expect(a.appliesOn).toBeUndefined();
    expect(a.answer).not.toContain("Geldt op");
  });
});
