// A municipality starts in minutes: `aanzet tenant init <id>` creates its overlay folder from the
// template (tenant.yaml with roles and channels, an example local rule), stores the roles, and
// `aanzet map check --tenant <id>` then passes on a fresh store. The map is a temp copy, so the
// repo's map/ is never written.
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";

const tmp = mkdtempSync(join(tmpdir(), "aanzet-tenant-"));
const MAP = join(tmp, "map");
const STORE = `sqlite://${join(tmp, "fresh.sqlite")}`;
const env = { AANZET_MAP_DIR: MAP, LOG_LEVEL: "warn", AANZET_TODAY: "2026-12-04" };
const cli = (...args: string[]) => runCli([...args, "--store", STORE], { env, timeoutMs: 60_000 });
// Each case runs the real CLI several times; on a loaded machine one run can take seconds.
const SLOW = 240_000;

beforeAll(() => {
  cpSync(join(ROOT, "map"), MAP, { recursive: true });
});

describe("aanzet tenant init", () => {
  it(
    "creates the overlay folder and stores the roles; map check --tenant passes",
    async () => {
      const init = await cli(
        "tenant",
        "init",
        "leiden",
        "--name",
        "Gemeente Leiden",
        "--coach",
        "UCOACH1",
        "--lead",
        "ULEAD1",
      );
      expect(init.code, init.stderr).toBe(0);
      expect(init.stdout).toMatch(/tenant leiden \(Gemeente Leiden\) is ready; 2 roles stored/);
      const dir = join(MAP, "tenants", "leiden");
      const yaml = readFileSync(join(dir, "tenant.yaml"), "utf8");
      expect(yaml).toContain('name: "Gemeente Leiden"');
      expect(yaml).toContain('coaches: ["UCOACH1"]');
      expect(existsSync(join(dir, "lokaal.yaml.voorbeeld"))).toBe(true);

      const check = await cli("map", "check", "--tenant", "leiden");
      expect(check.code, check.stderr).toBe(0);
      expect(check.stdout).toMatch(/overlays for leiden, voorbeeldstad; 0 errors/);

      const roles = await cli("roles", "show", "--tenant", "leiden", "--json");
      expect(JSON.parse(roles.stdout)).toMatchObject({ coaches: ["UCOACH1"], leads: ["ULEAD1"] });

      // The example rule is valid once copied to a .yaml name.
      copyFileSync(join(dir, "lokaal.yaml.voorbeeld"), join(dir, "lokaal.yaml"));
      const withRule = await cli("map", "check", "--tenant", "leiden");
      expect(withRule.code, withRule.stderr).toBe(0);
      const ask = await cli("ask", "--tenant", "leiden", "--json", "hoeveel mag ik uit het maatwerkbudget halen?");
      expect(JSON.parse(ask.stdout).answer).toContain("Gemeente Leiden");
    },
    SLOW,
  );

  it(
    "refuses to overwrite, and map check --tenant names what is wrong",
    async () => {
      const again = await cli("tenant", "init", "leiden");
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/already exists; use --force/);

      const missing = await cli("map", "check", "--tenant", "utrecht");
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/no overlay folder for "utrecht": create it with aanzet tenant init utrecht/);

      const init = await cli("tenant", "init", "delft");
      expect(init.code, init.stderr).toBe(0);
      const file = join(MAP, "tenants", "delft", "tenant.yaml");
      writeFileSync(file, readFileSync(file, "utf8").replace("coaches: []", 'coaches: ["Jan de Vries"]'));
      const bad = await cli("map", "check", "--tenant", "delft");
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/tenants\/delft\/tenant\.yaml.*roles\.coaches\.0.*not a name/);

      writeFileSync(file, readFileSync(file, "utf8").replace('["Jan de Vries"]', '["UCOACH2"]'));
      const apply = await cli("tenant", "apply", "delft");
      expect(apply.code, apply.stderr).toBe(0);
      const roles = await cli("roles", "show", "--tenant", "delft", "--json");
      expect(JSON.parse(roles.stdout).coaches).toEqual(["UCOACH2"]);
    },
    SLOW,
  );

  it("rejects an id that cannot be a folder or store key", async () => {
    const r = await cli("tenant", "init", "../evil");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/lowercase letters, digits and hyphens/);
  });
});
