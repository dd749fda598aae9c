// Tenants: two municipalities share one store. Their ids are chosen to collide as prefixes
// ("T1" and "T10"), they ask the same question, and one has a second topic. No command,
// report, export or erase for one shows or touches the other's data.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type StoredEntry } from "../../src/store/open-store.js";
import { runCli } from "../helpers/cli.js";

const tmp = mkdtempSync(join(tmpdir(), "aanzet-tenants-"));
const STORE = `sqlite://${join(tmp, "tenants.sqlite")}`;
const env = { AANZET_PSEUDONYM_SECRET: "tenant-test-secret-0123456789", LOG_LEVEL: "warn" };
const cli = (...args: string[]) => runCli([...args, "--store", STORE], { env });
const now = Math.floor(Date.now() / 1000);

function history(tenant: string, topics: Array<[string, string]>): string {
  const file = join(tmp, `${tenant}.jsonl`);
  const lines = topics.flatMap(([tag, text]) =>
    [1, 2, 3, 4].map((i) =>
      JSON.stringify({
        id: `${tenant}-${tag}-${i}`,
        team: `wijk-${i}`,
        user: i === 1 ? "USHARED" : `U${tenant}${i}`,
        ts: now - 3600 * i,
        text,
      }),
    ),
  );
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

const TRAPLIFT = "Wie betaalt de traplift voor mevrouw als de woning niet geschikt is?";
const SCOOT = "Wie betaalt de scootmobiel als de bus niet rijdt?";

async function dump(): Promise<StoredEntry[]> {
  const s = await openStore(STORE);
  const out: StoredEntry[] = [];
  for (const kind of await s.kinds()) for await (const e of s.entries(`${kind}:`)) out.push(e);
  await s.close();
  return out;
}

beforeAll(async () => {
  for (const [tenant, topics] of [
    ["T1", [["tl", TRAPLIFT]]],
    [
      "T10",
      [
        ["tl", TRAPLIFT],
        ["sc", SCOOT],
      ],
    ],
  ] as const) {
    const r = await cli("replay", history(tenant, topics as unknown as Array<[string, string]>), "--tenant", tenant);
    expect(r.code, r.stderr).toBe(0);
  }
}, 60_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("tenant isolation", () => {
  it("knelpunten: each tenant sees its own groups, counts and message ids only", async () => {
    const t1 = JSON.parse((await cli("knelpunten", "--json", "--tenant", "T1")).stdout) as Array<{
      cases: number;
      messageIds: string[];
      title: string;
    }>;
    const t10 = JSON.parse((await cli("knelpunten", "--json", "--tenant", "T10")).stdout) as Array<{
      cases: number;
      messageIds: string[];
    }>;
    expect(t1).toHaveLength(1);
    expect(t1[0]!.cases).toBe(4);
    expect(t1[0]!.messageIds.sort()).toEqual(["T1-tl-1", "T1-tl-2", "T1-tl-3", "T1-tl-4"]);
    expect(t10).toHaveLength(2);
    expect(t10.flatMap((k) => k.messageIds).every((id) => id.startsWith("T10-"))).toBe(true);
  });

  it("a lead's /knelpunten in chat lists only their tenant's", async () => {
    const r = await runCli(["chat", "--store", STORE, "--tenant", "T1", "--role", "lead", "--as-operator-role"], {
      env,
      input: "/knelpunten\n",
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/traplift/i);
    expect(r.stdout).not.toMatch(/scootmobiel|vervoer/i);
  });

  it("report: the files for T1 hold nothing of T10", async () => {
    const out = join(tmp, "report-T1");
    const r = await cli("report", "--tenant", "T1", "--out", out);
    expect(r.code, r.stderr).toBe(0);
    const all = readdirSync(out)
      .map((f) => readFileSync(join(out, f), "utf8"))
      .join("\n");
    expect(all).toMatch(/T1-tl-1|traplift/i);
    expect(all).not.toMatch(/T10-|scootmobiel/i);
  });

  it("export: every record of the tenant, and no record of another", async () => {
    const file = join(tmp, "export-T1.json");
    const r = await cli("export", "--tenant", "T1", "--out", file);
    expect(r.code, r.stderr).toBe(0);
    const data = JSON.parse(readFileSync(file, "utf8")) as {
      tenant: string;
      records: Record<string, Array<{ key: string; value: unknown }>>;
    };
    const records = Object.values(data.records).flat();
    expect(records.length).toBeGreaterThan(4);
    for (const rec of records) expect(rec.key.split(":")[1]).toBe("T1");
    // Tenant T10's ids and keys, not any "T10" (a timestamp such as 2026-12-04T10:... has one).
    expect(JSON.stringify(data)).not.toMatch(/"tenant":"T10"|:T10:|T10-/);
    // Everything of T1 in the store is in the export.
    const inStore = (await dump())
      .filter((e) => e.key.split(":")[1] === "T1" && !e.key.startsWith("audit:"))
      .map((e) => e.key);
    const exported = new Set(records.map((x) => x.key));
    expect(inStore.filter((k) => !exported.has(k))).toEqual([]);
  });

  it("erase --user in one tenant leaves the same person's records in the other", async () => {
    const before = (await dump()).filter((e) => e.key.split(":")[1] === "T10");
    const r = await cli("erase", "--user", "USHARED", "--tenant", "T1", "--json");
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout.trim().split("\n").pop()!) as {
      tenants: string[];
      deleted: Record<string, number>;
    };
    expect(report.tenants).toEqual(["T1"]);
    expect(report.deleted.q).toBe(1);
    const after = (await dump()).filter((e) => e.key.split(":")[1] === "T10" && !e.key.startsWith("audit:"));
    expect(after.map((e) => e.key).sort()).toEqual(
      before
        .filter((e) => !e.key.startsWith("audit:"))
        .map((e) => e.key)
        .sort(),
    );
  });

  it("map overlays apply per tenant: the local entry answers only in its own municipality", async () => {
    const q = "hoeveel mag ik uit het maatwerkbudget halen?";
    const local = JSON.parse(
      (await runCli(["ask", "--json", "--store", "memory://", "--tenant", "voorbeeldstad", q], { env })).stdout,
    ) as { answer: string; entries: Array<{ id: string }> };
    const other = JSON.parse(
      (await runCli(["ask", "--json", "--store", "memory://", "--tenant", "T1", q], { env })).stdout,
    ) as { answer: string };
    expect(local.answer).toMatch(/Voorbeeldstad/);
    expect(other.answer).not.toMatch(/Voorbeeldstad/);
  });
});
