// Transcript format and its two runners: against the core (createApp, fake clock, temp
// sqlite store) and through the real `aanzet chat` with piped stdin. Format: see README.md.
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderReply } from "../../src/adapters/console/render.js";
import { createApp, type App } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { loadFlows } from "../../src/content/flow-loader.js";
import { formatProblem } from "../../src/core/map/problems.js";
import { silentLog, type Clock } from "../../src/core/ports.js";
import type { Button, Reply } from "../../src/core/types.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const HERE = fileURLToPath(new URL("./", import.meta.url));
const FIXTURE_MAP = join(HERE, "fixtures", "map");
const SECRET = "transcript-secret-0123456789";
const THREAD = "t1";

export type Item =
  | { kind: "say"; text: string; line: number }
  | { kind: "expect" | "forbid"; text: string; line: number }
  | { kind: "user" | "app" | "advance"; arg: string; line: number }
  | { kind: "restart" | "check" | "start"; line: number };

export interface Transcript {
  name: string;
  cli: boolean;
  tenant: string;
  /** Fixture folder (under test/transcripts) with flow files replacing flows/*.yaml. */
  flows?: string;
  items: Item[];
}

/** Parse a transcript file; unknown lines fail loudly so a typo cannot make a test pass. */
export function parseTranscript(name: string, text: string): Transcript {
  const t: Transcript = { name, cli: false, tenant: "default", items: [] };
  text.split("\n").forEach((raw, i) => {
    const line = i + 1;
    const s = raw.replace(/\r$/, "");
    if (s.trim() === "" || s.startsWith("#")) return;
    let m: RegExpExecArray | null;
    if ((m = /^> ?(.*)$/.exec(s))) t.items.push({ kind: "say", text: m[1]!, line });
    else if ((m = /^<! ?(.*)$/.exec(s))) t.items.push({ kind: "forbid", text: m[1]!, line });
    else if ((m = /^< ?(.*)$/.exec(s))) t.items.push({ kind: "expect", text: m[1]!, line });
    else if (s === "@cli") t.cli = true;
    else if ((m = /^@tenant (\S+)$/.exec(s))) t.tenant = m[1]!;
    else if ((m = /^@flows (\S+)$/.exec(s))) t.flows = m[1]!;
    else if ((m = /^@(user|app|advance) (\S+)$/.exec(s))) t.items.push({ kind: m[1] as "user", arg: m[2]!, line });
    else if ((m = /^@(restart|check|start)$/.exec(s))) t.items.push({ kind: m[1] as "restart", line });
    else throw new Error(`${name}:${line}: cannot read this line: ${s}`);
  });
  return t;
}

/** The flows directory for a transcript: flows/ itself, or fixture files plus the real catalogue. */
function flowsDir(t: Transcript): string | undefined {
  if (!t.flows) return undefined;
  const dir = mkdtempSync(join(tmpdir(), "aanzet-flows-"));
  copyFileSync(join(ROOT, "flows", "messages.nl.yaml"), join(dir, "messages.nl.yaml"));
  const from = join(HERE, t.flows);
  for (const f of readdirSync(from)) copyFileSync(join(from, f), join(dir, f));
  return dir;
}

function env(t: Transcript, flows: string | undefined, store: string): Record<string, string> {
  return {
    AANZET_STORE: store,
    AANZET_MAP_DIR: FIXTURE_MAP,
    AANZET_TENANT: t.tenant,
    AANZET_PSEUDONYM_SECRET: SECRET,
    LOG_LEVEL: "silent",
    ...(flows ? { AANZET_FLOWS_DIR: flows } : {}),
  };
}

function where(t: Transcript, line: number): string {
  return `${t.name}:${line}`;
}

function checkOutput(t: Transcript, item: Item, output: string): void {
  if (item.kind === "expect" && !output.includes(item.text)) {
    throw new Error(`${where(t, item.line)}: expected "${item.text}" in:\n${output}`);
  }
  if (item.kind === "forbid" && output.includes(item.text)) {
    throw new Error(`${where(t, item.line)}: did not expect "${item.text}" in:\n${output}`);
  }
}

const DURATION = /^(\d+(?:\.\d+)?)(d|h|m)$/;

/** Run a transcript against the core: one createApp per "process", a fake clock, sqlite. */
export async function runCore(t: Transcript): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "aanzet-transcript-"));
  const flows = flowsDir(t);
  const config = loadConfig(env(t, flows, `sqlite://${join(dir, "store.sqlite")}`));
  let now = Date.parse("2026-11-23T09:00:00Z");
  const clock: Clock = { now: () => new Date(now) };
  const apps = new Map<string, App>();
  let current = "a";
  let user = "anna";
  let output = "";
  let buttons: Button[] = [];
  let n = 0;
  const app = async (): Promise<App> => {
    let a = apps.get(current);
    if (!a) {
      a = await createApp(config, { clock, log: silentLog });
      apps.set(current, a);
    }
    return a;
  };
  const closeAll = async () => {
    for (const a of apps.values()) await a.close();
    apps.clear();
  };
  try {
    for (const item of t.items) {
      switch (item.kind) {
        case "say": {
          const a = await app();
          const label = /^\[(.+)\]$/.exec(item.text.trim())?.[1];
          const button = label ? buttons.find((b) => b.label === label) : undefined;
          if (label && !button) throw new Error(`${where(t, item.line)}: no button [${label}] in the last reply`);
          const replies: Reply[] = await a.bot.handle({
            id: `m${++n}`,
            channel: "console",
            tenant: t.tenant,
            team: "team",
            thread: THREAD,
            user,
            role: "worker",
            text: button ? "" : item.text,
            direct: true,
            ...(button
              ? { action: { id: button.action, ...(button.value !== undefined ? { value: button.value } : {}) } }
              : {}),
          });
          buttons = replies.flatMap((r) => r.buttons ?? []);
          output = replies.map(renderReply).join("\n\n");
          break;
        }
        case "expect":
        case "forbid":
          checkOutput(t, item, output);
          break;
        case "user":
          user = item.arg;
          break;
        case "app":
          current = item.arg;
          break;
        case "advance": {
          const m = DURATION.exec(item.arg);
          if (!m) throw new Error(`${where(t, item.line)}: use @advance <n>d|h|m`);
          now += Number(m[1]) * { d: 86_400_000, h: 3_600_000, m: 60_000 }[m[2] as "d"];
          break;
        }
        case "restart":
          await closeAll();
          break;
        case "start":
          await closeAll();
          try {
            await app();
            output = "started";
          } catch (err) {
            output = (err as Error).message;
          }
          break;
        case "check":
          output = loadFlows(flows ?? join(ROOT, "flows"), ROOT)
            .problems.map(formatProblem)
            .join("\n");
          break;
      }
    }
  } finally {
    await closeAll();
  }
}

interface Segment {
  kind: "chat" | "check" | "start";
  user: string;
  inputs: string[];
  /** Expectations per input (index = input number; -1 = before any input). */
  checks: Array<{ turn: number; item: Item }>;
  kill: boolean;
}

/** Ordered substring matching over one process's output; returns the first failure. */
function matchSegment(t: Transcript, seg: Segment, out: string): string | undefined {
  let cursor = 0;
  const firstMatch = new Map<number, number>();
  const regions: Array<{ turn: number; from: number }> = [];
  for (const { turn, item } of seg.checks) {
    if (item.kind !== "expect") continue;
    const at = out.indexOf(item.text, cursor);
    if (at < 0)
      return `${where(t, item.line)}: expected "${item.text}" (in order) in:\n${out.slice(cursor) || "(nothing more)"}`;
    if (!firstMatch.has(turn)) {
      firstMatch.set(turn, at);
      regions.push({ turn, from: at });
    }
    cursor = at + item.text.length;
  }
  for (const { turn, item } of seg.checks) {
    if (item.kind !== "forbid") continue;
    const i = regions.findIndex((r) => r.turn === turn);
    if (i < 0) continue; // no anchor for this turn in CLI mode; the core run checks it
    const region = out.slice(regions[i]!.from, regions[i + 1]?.from ?? out.length);
    if (region.includes(item.text)) return `${where(t, item.line)}: did not expect "${item.text}" in:\n${region}`;
  }
  return undefined;
}

function segments(t: Transcript): Segment[] {
  const out: Segment[] = [];
  let user = "anna";
  let seg: Segment | undefined;
  const chat = () => (seg ??= (out.push({ kind: "chat", user, inputs: [], checks: [], kill: false }), out.at(-1)!));
  for (const item of t.items) {
    switch (item.kind) {
      case "say":
        chat().inputs.push(item.text.trim().replace(/^\[(.+)\]$/, "$1"));
        break;
      case "expect":
      case "forbid": {
        const s = seg ?? out.at(-1);
        if (!s) throw new Error(`${where(t, item.line)}: an expectation before anything happened`);
        s.checks.push({ turn: s.inputs.length - 1, item });
        break;
      }
      case "user":
        user = item.arg;
        seg = undefined;
        break;
      case "restart":
        if (seg) seg.kill = true;
        seg = undefined;
        break;
      case "check":
      case "start":
        out.push({ kind: item.kind, user, inputs: [], checks: [], kill: false });
        seg = undefined;
        break;
      default:
        throw new Error(
          `${where(t, item.line)}: @${item.kind} cannot run through the CLI; drop @cli from this transcript`,
        );
    }
  }
  return out;
}

/** Run `aanzet <args>` with the fixture map and piped input; resolves with stdout+stderr and the exit code. */
export function aanzet(
  args: string[],
  input: string,
  extraEnv: Record<string, string> = {},
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "bin", "aanzet.js"), ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        AANZET_MAP_DIR: FIXTURE_MAP,
        AANZET_PSEUDONYM_SECRET: SECRET,
        LOG_LEVEL: "silent",
        NODE_OPTIONS: "--disable-warning=ExperimentalWarning",
        ...extraEnv,
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
    child.stdin.end(input);
  });
}

/** Run a transcript through `aanzet chat` (piped stdin); @restart kills the process (SIGKILL). */
export async function runCli(t: Transcript): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "aanzet-transcript-cli-"));
  const store = `sqlite://${join(dir, "store.sqlite")}`;
  const flows = flowsDir(t);
  const vars = { ...process.env, ...env(t, flows, store), NODE_OPTIONS: "--disable-warning=ExperimentalWarning" };
  for (const seg of segments(t)) {
    const args =
      seg.kind === "check"
        ? ["flows", "check"]
        : ["chat", "--store", store, "--thread", THREAD, "--user", seg.user, "--tenant", t.tenant];
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [join(ROOT, "bin", "aanzet.js"), ...args], {
        cwd: ROOT,
        env: vars,
        stdio: ["pipe", "pipe", "pipe"],
      });
      let text = "";
      let killed = false;
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`${t.name}: aanzet ${args[0]} timed out; output so far:\n${text}`));
      }, 30_000);
      const onData = (d: Buffer) => {
        text += d.toString();
        // Kill mid-flow once everything this process should show has been shown.
        if (seg.kill && !killed && matchSegment(t, seg, text) === undefined) {
          killed = true;
          child.kill("SIGKILL");
        }
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.on("error", reject);
      child.on("close", () => {
        clearTimeout(timer);
        resolve(text);
      });
      child.stdin.write(seg.inputs.map((l) => `${l}\n`).join(""));
      if (!seg.kill) child.stdin.end();
    });
    const failure = matchSegment(t, seg, out);
    if (failure) throw new Error(`[cli] ${failure}`);
  }
}
