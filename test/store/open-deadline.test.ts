// A misconfigured store through the real CLI (issue 15): an unwritable, unreachable, silent or
// malformed store URL ends `ask` and `serve` with one English line on stderr naming the flag or
// variable and the cause, and a non-zero exit, instead of a hang. Needs `npm run build` (the
// test script builds first).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "./redis-server.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run bin/aanzet.js on the project's Node with a clean environment. Killed after 30 s (a hang
 * then shows as a null exit code, not as a stuck suite). */
function aanzet(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${ROOT}bin/aanzet.js`, ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "info", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("close", (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
  });
}

let dir: string;
let closedPort: number;
/** Accepts connections and never answers: a store that hangs. */
let silent: Server;
let silentPort: number;
const sockets: Socket[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "aanzet-open-"));
  writeFileSync(join(dir, "a-file"), "not a folder");
  closedPort = await freePort();
  silent = createServer((s) => sockets.push(s));
  await new Promise<void>((r) => silent.listen(0, "127.0.0.1", () => r()));
  silentPort = (silent.address() as { port: number }).port;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => silent.close(r));
  rmSync(dir, { recursive: true, force: true });
});

/** Exit 1, nothing on stdout, exactly one line on stderr that names `source` and matches `cause`. */
function expectOneLine(run: Run, source: string, cause: RegExp): void {
  const lines = run.stderr.split("\n").filter((l) => l.trim().length > 0);
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^aanzet: /);
  expect(lines[0]).toContain(source);
  expect(lines[0]).toMatch(cause);
  expect(run.code).toBe(1);
  expect(run.stdout).toBe("");
}

describe("a store that cannot be opened", () => {
  it("ask --store with a folder under /proc that cannot be made: one line naming --store and ENOENT", async () => {
    const run = await aanzet(["ask", "--store", "sqlite:///proc/nope/x.sqlite", "wie betaalt traplift"]);
    expectOneLine(run, "--store sqlite:///proc/nope/x.sqlite", /ENOENT/);
  }, 40_000);

  it("AANZET_STORE with a path below a file: one line naming AANZET_STORE and ENOTDIR", async () => {
    const run = await aanzet(["ask", "wie betaalt traplift"], { AANZET_STORE: `sqlite://${dir}/a-file/x.sqlite` });
    expectOneLine(run, "AANZET_STORE", /ENOTDIR/);
  }, 40_000);

  it("AANZET_STORE with Redis on a closed port: one line with the refused connection", async () => {
    const run = await aanzet(["ask", "wie betaalt traplift"], { AANZET_STORE: `redis://127.0.0.1:${closedPort}` });
    expectOneLine(run, `AANZET_STORE redis://127.0.0.1:${closedPort}`, /ECONNREFUSED/);
  }, 40_000);

  it("AANZET_STORE with PostgreSQL on a closed port, password hidden: one line with the refused connection", async () => {
    const run = await aanzet(["ask", "wie betaalt traplift"], {
      AANZET_STORE: `postgres://aanzet:geheim@127.0.0.1:${closedPort}/aanzet`,
    });
    expectOneLine(run, "AANZET_STORE postgres://aanzet:***@", /ECONNREFUSED/);
    expect(run.stderr).not.toContain("geheim");
  }, 40_000);

  it("AANZET_STORE with a Redis that accepts and never answers: one line saying it did not answer", async () => {
    const run = await aanzet(["ask", "wie betaalt traplift"], { AANZET_STORE: `redis://127.0.0.1:${silentPort}` });
    expectOneLine(run, "AANZET_STORE", /no answer within \d+ ms|timed? ?out|timeout/i);
  }, 40_000);

  it("a malformed or unknown URL: one line saying so", async () => {
    expectOneLine(await aanzet(["ask", "x"], { AANZET_STORE: "redis://[bad" }), "AANZET_STORE", /malformed URL/);
    expectOneLine(await aanzet(["ask", "--store", "mongodb://x", "x"]), "--store", /unknown store URL scheme/);
  }, 60_000);

  it("serve refuses to start the same way", async () => {
    const run = await aanzet(["serve", "--port", "0", "--host", "127.0.0.1"], {
      AANZET_STORE: `redis://127.0.0.1:${closedPort}`,
      AANZET_PSEUDONYM_SECRET: "pseudonym-secret-for-tests-0123",
    });
    expectOneLine(run, "AANZET_STORE", /ECONNREFUSED/);
  }, 40_000);
});
