// The console takes roles from configuration only (issue 12, item 4). `aanzet chat --role lead`
// is a request: refused unless the console user is configured as a lead, or the operator takes
// the role explicitly with --as-operator-role, which the audit log records. Role ids without a
// tenant prefix are global on purpose (docs/data-and-retention.md, "Roles"); with a prefix they
// hold in that tenant only.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { resolveRole } from "../../src/roles.js";
import { LEARN_MSG } from "../../src/core/learning/messages.js";
import { runCli } from "../helpers/cli.js";

const tmp = mkdtempSync(join(tmpdir(), "aanzet-console-roles-"));
const env = (extra: Record<string, string> = {}) => ({
  AANZET_STORE: `sqlite://${join(tmp, "roles.sqlite")}`,
  AANZET_PSEUDONYM_SECRET: "console-roles-secret-0123456789",
  AANZET_TODAY: "2026-11-22",
  AANZET_LEADS: "",
  AANZET_ADMINS: "",
  AANZET_COACHES: "",
  ...extra,
});

describe("console roles", () => {
  it("--role lead on the user's word alone is refused", async () => {
    const r = await runCli(["chat", "--role", "lead"], { env: env(), input: "/knelpunten\n" });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/role lead is not configured for console user "console"/);
    expect(r.stderr).toMatch(/--as-operator-role/);
    expect(r.stdout).not.toMatch(/knelpunt/i);
  });

  it("a console user configured as lead gets the lead's commands", async () => {
    const r = await runCli(["chat", "--role", "lead"], {
      env: env({ AANZET_LEADS: "default:console" }),
      input: "/knelpunten\n",
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain(LEARN_MSG.onlyLeads);
  });

  it("the same configuration in another tenant grants nothing there", async () => {
    const r = await runCli(["chat", "--role", "lead", "--tenant", "T2"], {
      env: env({ AANZET_LEADS: "default:console" }),
      input: "/knelpunten\n",
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/not configured for console user "console" in tenant T2/);
  });

  it("--as-operator-role takes the role and writes it to the audit log", async () => {
    const r = await runCli(["chat", "--role", "lead", "--as-operator-role", "--tenant", "T3"], {
      env: env(),
      input: "/knelpunten\n",
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain(LEARN_MSG.onlyLeads);
    const x = await runCli(["export", "--tenant", "T3"], { env: env() });
    expect(x.code, x.stderr).toBe(0);
    const events = (JSON.parse(x.stdout) as { records: Record<string, Array<{ value: Record<string, unknown> }>> })
      .records.audit;
    expect(events?.map((e) => e.value)).toContainEqual(
      expect.objectContaining({ action: "console.operator-role", who: "cli", role: "lead", target: "console" }),
    );
  });

  it("a worker needs no configuration", async () => {
    const r = await runCli(["chat"], { env: env(), input: "/knelpunten\n" });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(LEARN_MSG.onlyLeads);
  });
});

describe("role ids without a tenant prefix", () => {
  const config = loadConfig({ AANZET_STORE: "memory://", AANZET_LEADS: "ULEAD,T1:UT1LEAD" });
  it("are global: the id is a lead in every tenant", () => {
    expect(resolveRole(config, "T1", "ULEAD")).toBe("lead");
    expect(resolveRole(config, "T2", "ULEAD")).toBe("lead");
  });
  it("with a prefix hold in that tenant only", () => {
    expect(resolveRole(config, "T1", "UT1LEAD")).toBe("lead");
    expect(resolveRole(config, "T2", "UT1LEAD")).toBe("worker");
    expect(resolveRole(config, "T10", "UT1LEAD")).toBe("worker");
  });
});
