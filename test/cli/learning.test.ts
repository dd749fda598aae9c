// The learning loop through the real CLI (bin/aanzet.js, built): replay, knelpunten --json,
// lead review by typing into `aanzet chat --role lead`, reports and map proposals.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { readSlackFolder } from "../../src/import/slack.js";
import { ROOT, runCli } from "../helpers/cli.js";

const FIX = join(ROOT, "test/fixtures/patterns");
const env = { LOG_LEVEL: "warn", AANZET_TENANT: "gemeente-x" };

interface K {
  id: string;
  status: string;
  title: string;
  cases: number;
  teams: string[];
  firstSeen: string;
  lastSeen: string;
  messageIds: string[];
  entries: string[];
  laws: string[];
}

function tempStore(): { dir: string; store: string } {
  const dir = mkdtempSync(join(tmpdir(), "aanzet-learning-"));
  return { dir, store: `sqlite://${join(dir, "store.sqlite")}` };
}

async function knelpunten(store: string, extra: string[] = []): Promise<K[]> {
  const r = await runCli(["knelpunten", "--json", "--store", store, ...extra], { env });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as K[];
}

describe("aanzet replay + knelpunten (done-when)", () => {
  it("one problem in three wordings from two teams is exactly one candidate; bad lines are reported and skipped", async () => {
    const { dir, store } = tempStore();
    const lines = readFileSync(join(FIX, "done-when.jsonl"), "utf8").trimEnd().split("\n");
    lines.splice(3, 0, '{"id":"broken", "team":');
    lines.splice(6, 0, '{"id":"no-ts","team":"noord","user":"x","text":"geen tijd"}');
    const file = join(dir, "history.jsonl");
    writeFileSync(file, lines.join("\n") + "\n");
    const r = await runCli(["replay", file, "--store", store], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/line 4: not valid JSON \(skipped\)/);
    expect(r.stderr).toMatch(/line 7: field "ts"/);
    expect(r.stdout).toMatch(/8 messages replayed .* 2 bad lines; 1 new candidate/);
    const list = await knelpunten(store);
    expect(list).toHaveLength(1);
    expect(list[0]!.status).toBe("candidate");
    expect([...list[0]!.messageIds].sort()).toEqual(["dw-02", "dw-04", "dw-07"]);
    expect(Object.keys(list[0]!)).toEqual([
      "id",
      "status",
      "title",
      "cases",
      "teams",
      "firstSeen",
      "lastSeen",
      "messageIds",
      "entries",
      "laws",
    ]);
    // Other tenants see nothing.
    expect(await knelpunten(store, ["--tenant", "elders"])).toEqual([]);
  });

  it("replays a Slack export zip and a WhatsApp export, keeping their ids; shows progress", async () => {
    const { dir, store } = tempStore();
    const files = readSlackFolder(join(FIX, "slack-export"));
    const zip = join(dir, "slack.zip");
    writeFileSync(zip, zipSync(Object.fromEntries(files.map((f) => [f.path, strToU8(f.content)]))));
    const slack = await runCli(["replay", zip, "--store", store, "--progress", "2"], { env });
    expect(slack.code, slack.stderr).toBe(0);
    expect(slack.stderr).toMatch(/2\/4 messages/);
    expect(slack.stderr).toMatch(/wijkteam-zuid\/2026-02-12\.json, item 3/);
    const [k] = await knelpunten(store);
    expect([...k!.messageIds].sort()).toEqual(["1770109200.000200", "1770891300.000100", "1771935600.000100"]);
    expect(k!.teams).toEqual(["wijkteam-noord", "wijkteam-zuid"]);
    const wa = await runCli(
      ["replay", join(FIX, "whatsapp-nl.txt"), "--team", "wijkteam-oost", "--tenant", "wa", "--store", store, "--json"],
      { env },
    );
    expect(wa.code, wa.stderr).toBe(0);
    const summary = JSON.parse(wa.stdout) as { format: string; messages: number; errors: Array<{ line: number }> };
    expect(summary).toMatchObject({ format: "whatsapp", messages: 3, errors: [{ line: 6 }] });
    expect(await knelpunten(store, ["--tenant", "wa"])).toEqual([]);
  });

  it("refuses an unknown format with a usage error", async () => {
    const r = await runCli(["replay", join(FIX, "stream.jsonl"), "--format", "csv", "--store", "memory://"], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown format "csv"/);
  });
});

describe("lead review from the console", () => {
  let store = "";
  let ids: string[] = [];
  beforeAll(async () => {
    store = tempStore().store;
    const r = await runCli(["replay", join(FIX, "stream.jsonl"), "--store", store], { env });
    expect(r.code, r.stderr).toBe(0);
    ids = (await knelpunten(store)).filter((k) => k.status === "candidate").map((k) => k.id);
    expect(ids.length).toBeGreaterThanOrEqual(4);
  });

  it("a worker cannot review", async () => {
    const r = await runCli(["chat", "--store", store], { env, input: `/accepteer ${ids[0]}\n/knelpunten\n` });
    expect(r.code).toBe(0);
    expect(r.stdout.match(/alleen een programmalead/gi)).toHaveLength(2);
    expect((await knelpunten(store)).find((k) => k.id === ids[0])!.status).toBe("candidate");
  });

  it("a lead accepts, rejects and merges by typing", async () => {
    const [a, b, c, d] = ids as [string, string, string, string];
    const before = await knelpunten(store);
    const input = [
      `/knelpunten`,
      `/accepteer ${a}`,
      `/afwijzen ${b} past binnen bestaande regels`,
      `Kaartvoorstel ${b}`,
      `/samenvoegen ${c} ${d}`,
      "",
    ].join("\n");
    const r = await runCli(["chat", "--role", "lead", "--as-operator-role", "--store", store], { env, input });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/kandidaat-knelpunten/);
    expect(r.stdout).toMatch(new RegExp(`Geaccepteerd: knelpunt ${a}`));
    expect(r.stdout).toMatch(new RegExp(`Afgewezen: knelpunt ${b}`));
    expect(r.stdout).toMatch(/Voorstel p[0-9a-z]+ gemaakt/);
    expect(r.stdout).toMatch(new RegExp(`Samengevoegd: ${d} hoort nu bij ${c}`));
    const after = new Map((await knelpunten(store)).map((k) => [k.id, k]));
    expect(after.get(a)!.status).toBe("accepted");
    expect(after.get(b)!.status).toBe("rejected");
    expect(after.get(d)!.status).toBe("merged");
    expect(after.get(c)!.status).toBe("candidate");
    const union = [...before.find((k) => k.id === c)!.messageIds, ...before.find((k) => k.id === d)!.messageIds].sort();
    expect([...after.get(c)!.messageIds].sort()).toEqual(union);
    expect(after.get(c)!.cases).toBe(before.find((k) => k.id === c)!.cases + before.find((k) => k.id === d)!.cases);
  });

  it("lists and exports map proposals as a YAML patch", async () => {
    const list = await runCli(["map", "proposals", "--json", "--store", store], { env });
    expect(list.code, list.stderr).toBe(0);
    const proposals = JSON.parse(list.stdout) as Array<{ id: string; kind: string; groupId?: string }>;
    expect(proposals).toHaveLength(1);
    expect(proposals[0]!.kind).toBe("faq");
    const text = await runCli(["map", "proposals", "--store", store], { env });
    expect(text.stdout).toContain(proposals[0]!.id);
    const exported = await runCli(["map", "proposals", "--export", proposals[0]!.id, "--store", store], { env });
    expect(exported.code, exported.stderr).toBe(0);
    const yaml = parseYaml(exported.stdout) as Record<string, unknown>;
    expect(yaml).toMatchObject({ proposal: proposals[0]!.id, kind: "faq", knelpunt: proposals[0]!.groupId });
    expect(yaml.patch ?? yaml.entries).toBeDefined();
    const missing = await runCli(["map", "proposals", "--export", "pnope", "--store", store], { env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no map proposal "pnope"/);
  });

  it("writes the report: Markdown, CSV and HTML with its charts", async () => {
    const out = join(tempStore().dir, "rapport");
    const r = await runCli(["report", "--out", out, "--store", store], { env });
    expect(r.code, r.stderr).toBe(0);
    for (const f of ["knelpunten.md", "knelpunten.csv", "knelpunten.html"])
      expect(existsSync(join(out, f)), f).toBe(true);
    const html = readFileSync(join(out, "knelpunten.html"), "utf8");
    for (const id of ["chart-time", "chart-teams", "chart-laws"])
      expect(html).toMatch(new RegExp(`<svg id="${id}"[^>]*>[\\s\\S]*?<rect class="bar"`));
    expect(html).not.toMatch(/<script|src=|<link/);
    expect(readFileSync(join(out, "knelpunten.md"), "utf8")).toMatch(/Voorgestelde structurele oplossing/);
  });

  it("shows and changes the per-tenant settings", async () => {
    const r = await runCli(["knelpunten", "settings", "--min-cases", "4", "--store", store], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ tenant: "gemeente-x", minCases: 4, minTeams: 2, windowDays: 56 });
    const bad = await runCli(["knelpunten", "settings", "--min-cases", "0", "--store", store], { env });
    expect(bad.code).toBe(2);
  });
});
