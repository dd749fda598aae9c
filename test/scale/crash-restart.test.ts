// A crash (kill -9) of `aanzet chat` in the middle of a flow loses at most the message being
// processed: every earlier step is in the store, the database is intact, and a restarted
// chat continues the flow where the store says it is.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open-store.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "aanzet-crash-"));
const DB = join(tmp, "crash.sqlite");
const STORE = `sqlite://${DB}`;
const THREAD = "crash-thread";
const FLOW_KEY = `flow:default:${THREAD}`;
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface FlowState {
  version: number;
  history: string[];
  status: string;
}

function chat(): ChildProcessWithoutNullStreams {
  const child = spawn(
    process.execPath,
    [
      "--disable-warning=ExperimentalWarning",
      join(ROOT, "bin/aanzet.js"),
      "chat",
      "--store",
      STORE,
      "--thread",
      THREAD,
      "--user",
      "crash-worker",
    ],
    {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: "silent", AANZET_TODAY: "2026-11-22" },
    },
  );
  child.stdout.resume();
  child.stderr.resume();
  return child;
}

async function state(): Promise<FlowState | undefined> {
  const s = await openStore(STORE);
  try {
    return await s.get<FlowState>(FLOW_KEY);
  } finally {
    await s.close();
  }
}

async function untilVersion(v: number): Promise<FlowState> {
  const end = Date.now() + 15_000;
  for (;;) {
    const s = await state();
    if (s && s.version >= v) return s;
    if (Date.now() > end) throw new Error(`flow never reached version ${v}: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

const killed = (c: ChildProcessWithoutNullStreams) =>
  new Promise<void>((resolve) => {
    c.once("exit", () => resolve());
    c.kill("SIGKILL");
  });

describe("kill -9 mid-flow", () => {
  it("loses at most the message in flight; the restarted chat continues the flow", async () => {
    const first = chat();
    first.stdin.write("/toets\n");
    expect((await untilVersion(1)).history).toEqual(["wens"]);
    first.stdin.write("De inwoner wil graag zelfstandig thuis blijven wonen.\n");
    expect((await untilVersion(2)).history).toEqual(["wens", "doel"]);
    // The next answer and the crash at once: it may or may not have been written.
    first.stdin.write("ja\n");
    await killed(first);

    const db = new DatabaseSync(DB);
    expect(db.prepare("PRAGMA integrity_check").get()).toEqual({ integrity_check: "ok" });
    db.close();
    const after = (await state())!;
    expect(after.status).toBe("active");
    expect([2, 3]).toContain(after.version);
    expect(after.history.slice(0, 2)).toEqual(["wens", "doel"]);

    // Restart: answer from where the store says the flow is.
    const second = chat();
    if (after.version === 2) {
      second.stdin.write("ja\n");
      expect((await untilVersion(3)).history).toEqual(["wens", "doel", "doel-waarom"]);
    }
    second.stdin.write("Het past bij wat de wet wil bereiken.\n");
    const resumed = await untilVersion(4);
    expect(resumed.history).toEqual(["wens", "doel", "doel-waarom", "effecten"]);
    second.stdin.end();
    await new Promise<void>((resolve) => second.once("exit", () => resolve()));
  }, 40_000);
});
