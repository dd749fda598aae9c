import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const tmpStore = () => {
  const dir = mkdtempSync(join(tmpdir(), "aanzet-ask-"));
  return { dir, url: `sqlite://${join(dir, "store.sqlite")}` };
};

describe("aanzet ask", () => {
  it("names gemeente-wmo as primary for a traplift (--json)", async () => {
    const { url } = tmpStore();
    const r = await runCli(["ask", "--json", "--store", url, "wie betaalt een traplift?"]);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.status).toBe("answered");
    expect(a.aanZet.find((x: { role: string }) => x.role === "primary").actor).toBe("gemeente-wmo");
    expect(a.sources[0].url).toMatch(/^https?:\/\//);
    for (const key of ["question", "status", "answer", "aanZet", "routes", "entries", "sources"])
      expect(a).toHaveProperty(key);
  });

  it("abstains on an off-topic question and points to the coach", async () => {
    const r = await runCli(["ask", "--json", "--store", "memory://", "wie wint het WK voetbal?"]);
    const a = JSON.parse(r.stdout);
    expect(a.status).toBe("abstained");
    expect(a.aanZet).toEqual([]);
    expect(a.answer).toMatch(/coach/);
  });

  it("prints plain Dutch text without --json", async () => {
    const r = await runCli(["ask", "--store", "memory://", "wie betaalt een traplift?"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Aan zet: Gemeente - Wmo/);
    expect(r.stdout).toMatch(/Bronnen:/);
  });

  it("keeps a BSN out of the store and the logs", async () => {
    const { dir, url } = tmpStore();
    const bsn = "111222333"; // passes the 11-proef
    const r = await runCli(
      ["ask", "--json", "--store", url, `mevrouw Jansen bsn ${bsn} kan de trap niet op, traplift?`],
      {
        env: { LOG_LEVEL: "trace" },
      },
    );
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.question).not.toContain(bsn);
    expect(a.question).toContain("[BSN]");
    expect(r.stderr).not.toContain(bsn);
    expect(r.stderr).not.toContain("Jansen");
    for (const f of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, f)).toString("latin1");
      expect(bytes, f).not.toContain(bsn);
      expect(bytes, f).not.toContain("Jansen");
    }
    // ...while the scrubbed question itself was stored.
    const all = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f)).toString("latin1"))
      .join("");
    expect(all).toContain("[BSN]");
  });

  it("answers --jsonl line by line, reporting a bad line and going on", async () => {
    const input = [
      "wie betaalt een traplift?",
      '{"text": "wie betaalt wijkverpleging?", "team": "noord"}',
      '{"broken json',
      '{"team": "x"}',
      "wat is de hoofdstad van Peru?",
    ].join("\n");
    const r = await runCli(["ask", "--jsonl", "--store", "memory://"], { input });
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0].status).toBe("answered");
    expect(lines[1].status).toBe("answered");
    expect(lines[2]).toMatchObject({ line: 3, status: "error" });
    expect(lines[3]).toMatchObject({ line: 4, status: "error" });
    expect(lines[4].status).toBe("abstained");
  });

  it("rejects an unknown command with one clear line and exit 2", async () => {
    const r = await runCli(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toMatch(/unknown command "frobnicate"/);
  });

  it("refuses a bad store URL in one line", async () => {
    const r = await runCli(["ask", "--store", "ftp://x", "traplift"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown store URL/);
  });
});
