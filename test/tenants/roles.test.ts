// Roles per tenant: configured (AANZET_COACHES/LEADS/ADMINS) plus what an admin grants with
// /instellingen or `aanzet roles`. Only admins change settings, only coaches curate, only
// leads review; every change is in the append-only audit log.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { AuditLog } from "../../src/core/learning/audit.js";
import { LEARN_MSG } from "../../src/core/learning/messages.js";
import { silentLog, type Clock } from "../../src/core/ports.js";
import type { Role, Turn } from "../../src/core/types.js";
import { OPS_MSG } from "../../src/features/ops-settings.js";
import { runCli } from "../helpers/cli.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
let app: App;
let seq = 0;
const say = async (tenant: string, user: string, text: string, role: Role = "worker") => {
  const t: Turn = {
    id: `r-${++seq}`,
    channel: "slack",
    tenant,
    team: "C1",
    thread: `C1:${seq}`,
    user,
    role,
    text,
    direct: true,
  };
  return (await app.bot.handle(t)).map((r) => r.text).join("\n");
};
const audit = async (tenant: string) => new AuditLog(app.store, app.clock).list(tenant);

beforeAll(async () => {
  app = await createApp(
    loadConfig({
      AANZET_STORE: "memory://",
      AANZET_PSEUDONYM_SECRET: "roles-test-secret-0123456789",
      AANZET_ADMINS: "T1:UADMIN",
      AANZET_LEADS: "ULEAD",
      LOG_LEVEL: "silent",
    }),
    { root: ROOT, log: silentLog },
  );
});
afterAll(() => app.close());

describe("roles", () => {
  it("only an admin sees or changes settings", async () => {
    expect(await say("T1", "UWORKER", "/instellingen")).toBe(OPS_MSG.forbidden);
    expect(await say("T1", "UWORKER", "/instellingen admin toevoegen UWORKER")).toBe(OPS_MSG.forbidden);
    expect(await say("T1", "ULEAD", "/instellingen coach toevoegen UX")).toBe(OPS_MSG.forbidden);
    // UADMIN is admin in T1 only.
    expect(await say("T2", "UADMIN", "/instellingen")).toBe(OPS_MSG.forbidden);
    expect(await say("T1", "UADMIN", "/instellingen")).toMatch(/^Instellingen voor deze organisatie/);
    expect(await app.roles.resolve("T1", "UWORKER")).toBe("worker");
  });

  it("an admin's grant makes a coach in that tenant only, within the same process at once", async () => {
    expect(await say("T1", "UCOACH", "/corrigeer traplift De gemeente betaalt.")).toBe(LEARN_MSG.onlyCoaches);
    expect(await say("T1", "UADMIN", "/instellingen coach toevoegen UCOACH")).toBe(OPS_MSG.granted("UCOACH", "coach"));
    expect(await app.roles.resolve("T1", "UCOACH")).toBe("coach");
    expect(await app.roles.resolve("T2", "UCOACH")).toBe("worker");
    // The adapter still says "worker"; the bot lifts the turn to the stored role.
    expect(await say("T1", "UCOACH", "/corrigeer traplift De gemeente betaalt.")).not.toBe(LEARN_MSG.onlyCoaches);
    expect(await say("T2", "UCOACH", "/corrigeer traplift De gemeente betaalt.")).toBe(LEARN_MSG.onlyCoaches);
    const events = await audit("T1");
    expect(events).toContainEqual(
      expect.objectContaining({
        action: "roles.grant",
        target: "UCOACH",
        who: app.bot.pseudonym("T1", "UADMIN"),
        role: "admin",
      }),
    );
    expect(await say("T1", "UADMIN", "/instellingen coach verwijderen UCOACH")).toBe(
      OPS_MSG.revoked("UCOACH", "coach"),
    );
    app.roles.forget("T1");
    expect(await app.roles.resolve("T1", "UCOACH")).toBe("worker");
    expect((await audit("T1")).map((e) => e.action)).toEqual(expect.arrayContaining(["roles.grant", "roles.revoke"]));
  });

  it("only leads review knelpunten", async () => {
    expect(await say("T1", "UWORKER", "/knelpunten")).toBe(LEARN_MSG.onlyLeads);
    expect(await say("T1", "ULEAD", "/knelpunten")).not.toBe(LEARN_MSG.onlyLeads);
  });

  it("what the environment grants, the stored settings cannot take away; bad ids are refused", async () => {
    expect(await say("T1", "UADMIN", "/instellingen admin verwijderen UADMIN")).toBe(
      OPS_MSG.revoked("UADMIN", "admin"),
    );
    expect(await app.roles.resolve("T1", "UADMIN")).toBe("admin");
    expect(await say("T1", "UADMIN", "/instellingen coach toevoegen <script>")).toBe(OPS_MSG.badId);
    expect(await say("T1", "UADMIN", "/instellingen patronen minCases 4")).toBe(OPS_MSG.patternSet("minCases", 4));
    expect(await say("T1", "UADMIN", "/instellingen patronen minCases 1")).toBe(OPS_MSG.badValue("minCases"));
  });

  it("`aanzet roles set` grants per tenant and is audited", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "aanzet-roles-"));
    try {
      const store = `sqlite://${join(dir, "r.sqlite")}`;
      const set = await runCli([
        "roles",
        "set",
        "--store",
        store,
        "--tenant",
        "T1",
        "--coach",
        "U1",
        "--lead",
        "G-LEADS",
      ]);
      expect(set.code, set.stderr).toBe(0);
      const show = await runCli(["roles", "show", "--store", store, "--tenant", "T1", "--json"]);
      expect(JSON.parse(show.stdout)).toMatchObject({ tenant: "T1", coaches: ["U1"], leads: ["G-LEADS"], admins: [] });
      const other = await runCli(["roles", "show", "--store", store, "--tenant", "T10", "--json"]);
      expect(JSON.parse(other.stdout)).toMatchObject({ coaches: [], leads: [] });
      const exp = await runCli(["export", "--store", store, "--tenant", "T1"]);
      const audits = (
        JSON.parse(exp.stdout) as {
          records: { audit: Array<{ value: { action: string; who: string; target: string } }> };
        }
      ).records.audit.map((a) => a.value);
      expect(audits).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: "roles.grant", who: "cli", target: "U1" }),
          expect.objectContaining({ action: "roles.grant", target: "G-LEADS" }),
        ]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("audit log", () => {
  it("is append-only: events written in the same millisecond all stay", async () => {
    const frozen: Clock = { now: () => new Date("2026-11-22T12:00:00.000Z") };
    const log = new AuditLog(app.store, frozen);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        log.record({ tenant: "T-audit", who: "u", action: "test", target: String(i) }),
      ),
    );
    expect((await log.list("T-audit")).map((e) => e.target).sort()).toHaveLength(50);
  });

  it("no code path writes or deletes audit records other than by store.add (erase and purge go by kind, generically)", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith(".ts")) files.push(p);
      }
    };
    walk(join(ROOT, "src"));
    const offenders = files.flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .map((line, i) => ({ f, i, line }))
        .filter(({ line }) => /audit:/.test(line) && /\.(set|delete)\s*\(/.test(line)),
    );
    expect(offenders.map((o) => `${o.f}:${o.i + 1}`)).toEqual([]);
  });
});
