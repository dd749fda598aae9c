// Fuzz: more than 10,000 random and malformed inputs at every door: Slack payloads at
// POST /slack/events (signed, so they get past the signature check), Teams activities at
// POST /api/messages (emulator mode), YAML map files for the map loader, and lines for the
// replay importers. Asserted: no crash, no unhandled rejection, a clear answer for each
// (a 2xx/4xx status, a problem naming file and field, an error naming the line), and no
// message text in any log line. Seeded, so a failure reproduces (AANZET_FUZZ_SEED).
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { createApp, type App } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { loadMap } from "../../src/content/map-loader.js";
import type { Log } from "../../src/core/ports.js";
import { parseJsonl, parseWhatsApp, replay } from "../../src/import/index.js";
import { serve, type Running } from "../../src/server/serve.js";
import {
  BOT_ID,
  BOT_USER,
  eventBody,
  pool,
  settle,
  signature,
  startFakeSlack,
} from "../../scripts/bench.d/lib/slack-load.mjs";
import { Rng } from "./prng.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SEED = Number(process.env.AANZET_FUZZ_SEED ?? 20261122);
const SECRET = "fuzz-signing-secret-0123456789";
/** Put into every text we send: it must never show up in a log line. */
const MARK = "FUZZTEKSTMARKER";
const N = { slack: 2800, teams: 1800, yaml: 1500, lines: 4500 };

const unhandled: unknown[] = [];
const onUnhandled = (err: unknown) => unhandled.push(err);

/** A Log that keeps every line as JSON, to check for message text. */
function capture(lines: string[], bindings: Record<string, unknown> = {}): Log {
  const write = (level: string) => (obj: Record<string, unknown>, msg: string) => {
    lines.push(JSON.stringify({ level, ...bindings, ...obj, msg }));
  };
  return {
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    debug: write("debug"),
    child: (b) => capture(lines, { ...bindings, ...b }),
  };
}

const logLines: string[] = [];
let app: App;
let running: Running;
let fake: Awaited<ReturnType<typeof startFakeSlack>>;
let base: string;

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  process.on("uncaughtException", onUnhandled);
  fake = await startFakeSlack();
  const config = loadConfig({
    AANZET_STORE: "memory://",
    AANZET_PSEUDONYM_SECRET: "fuzz-pseudonym-secret-0123456789",
    AANZET_TODAY: "2026-11-22",
    LOG_LEVEL: "debug",
    SLACK_BOT_TOKEN: "xoxb-fuzz",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    SLACK_BOT_ID: BOT_ID,
    SLACK_BOT_USER_ID: BOT_USER,
    AANZET_TEAMS_EMULATOR: "1",
    AANZET_TEAMS_TYPING_MS: "60000",
  });
  app = await createApp(config, { root: ROOT, log: capture(logLines) });
  running = await serve(app, 0, "127.0.0.1");
  base = `http://127.0.0.1:${running.port}`;
}, 30_000);

afterAll(async () => {
  await running?.close();
  await app?.close();
  await fake?.close();
  process.off("unhandledRejection", onUnhandled);
  process.off("uncaughtException", onUnhandled);
});

const timing = new Map<string, { n: number; ms: number; max: number }>();

async function post(
  path: string,
  body: string | Uint8Array,
  headers: Record<string, string>,
  kind = path,
): Promise<number> {
  const t0 = performance.now();
  try {
    const res = await fetch(`${base}${path}`, { method: "POST", headers, body });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return -1; // connection reset: counted as a failure below
  } finally {
    const ms = performance.now() - t0;
    const t = timing.get(kind) ?? { n: 0, ms: 0, max: 0 };
    timing.set(kind, { n: t.n + 1, ms: t.ms + ms, max: Math.max(t.max, ms) });
  }
}

interface Outcome {
  kind: string;
  status: number;
  expect: number[];
}

/** Signed Slack payloads of every kind, malformed ones included, get a 2xx or a 4xx, never a
 * 500: the guard refuses non-envelopes before Bolt, and a payload whose inner fields Bolt
 * cannot read gets a 400 from the receiver's error handler (src/adapters/slack/guard.ts). */
function slackRequest(r: Rng, i: number): () => Promise<Outcome> {
  // Mostly two workspaces; a few random ones (each new tenant builds its own map index).
  const team = r.chance(0.02) ? r.text(12) : r.pick(["T0FUZZ", "T0FUZZ2"]);
  const ts = `${Math.floor(Date.now() / 1000)}.${String(i).padStart(6, "0")}`;
  const text = `${MARK} ${r.text(120)}`;
  const kind = r.chance(0.03)
    ? "huge"
    : r.pick([
        "garbage",
        "json",
        "event",
        "event",
        "event",
        "event",
        "mutated",
        "mutated",
        "challenge",
        "interaction",
        "command",
        "unsigned",
      ] as const);
  let body: string;
  let type = "application/json";
  let headers: Record<string, string> | undefined;
  switch (kind) {
    case "garbage":
      body = r.text(300);
      break;
    case "json":
      body = JSON.stringify(r.json(4));
      break;
    case "event":
    case "mutated": {
      const event = {
        type: r.pick(["app_mention", "message", "app_home_opened", "reaction_added", r.text(10)]),
        user: r.pick(["UFUZZ1", "UFUZZ2", `U${r.int(1e6)}`]),
        text: `<@${BOT_USER}> ${text}`,
        ts,
        channel: r.pick(["C0FUZZ", "D0FUZZ", "G0FUZZ", r.text(6)]),
        ...(r.chance(0.3) ? { thread_ts: ts } : {}),
        ...(r.chance(0.1) ? { subtype: r.pick(["bot_message", "message_changed", "file_share"]) } : {}),
      };
      const raw = JSON.parse(eventBody({ team, eventId: `EvFuzz${i}`, event })) as Record<string, unknown>;
      body = JSON.stringify(kind === "mutated" ? r.mutate(raw, 0.35) : raw);
      break;
    }
    case "challenge":
      body = JSON.stringify({
        type: "url_verification",
        token: "x",
        challenge: r.chance(0.5) ? r.text(40) : r.json(2),
      });
      break;
    case "interaction":
      type = "application/x-www-form-urlencoded";
      body = new URLSearchParams({
        payload: r.chance(0.3)
          ? r.text(100)
          : JSON.stringify(
              r.mutate(
                {
                  type: r.pick(["block_actions", "view_submission", "shortcut"]),
                  team: { id: team },
                  user: { id: "UFUZZ1" },
                  actions: [
                    {
                      action_id: r.pick(["feedback:useful", "flow:start", "coach:confirm", "lead:accept", r.text(10)]),
                      value: r.text(20),
                    },
                  ],
                  container: { channel_id: "C0FUZZ", message_ts: ts },
                  trigger_id: "t",
                },
                0.3,
              ),
            ),
      }).toString();
      break;
    case "command":
      type = "application/x-www-form-urlencoded";
      body = new URLSearchParams(
        Object.fromEntries(
          Object.entries(
            r.mutate(
              {
                command: r.pick(["/aanzet", "/toets", "/escalatie", "/knelpunten", `/${r.text(8)}`]),
                text,
                team_id: team,
                channel_id: "C0FUZZ",
                user_id: "UFUZZ1",
                trigger_id: "t",
                response_url: `${fake.apiUrl}response`,
              },
              0.3,
            ),
          ).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
        ),
      ).toString();
      break;
    case "unsigned":
      body = JSON.stringify({ type: "event_callback", event: { type: "app_mention", text } });
      headers = r.chance(0.5) ? {} : signature(body, "wrong-secret");
      break;
    case "huge":
      body = JSON.stringify({
        type: "event_callback",
        team_id: team,
        event_id: `EvHuge${i}`,
        event: {
          type: "app_mention",
          user: "UFUZZ1",
          ts,
          channel: "C0FUZZ",
          text: `${MARK} ${"x".repeat(1_200_000 + r.int(500_000))}`,
        },
      });
      break;
  }
  const h = {
    "content-type": r.chance(0.03) ? r.pick(["text/plain", "application/xml", ""]) : type,
    ...(headers ?? signature(body, SECRET)),
  };
  // Signed requests get 200 (acked, maybe ignored), 4xx for what Slack never sends; unsigned 401.
  const expect = kind === "unsigned" ? [401] : [200, 400, 401, 404, 413, 415];
  return async () => ({
    kind,
    status: await post("/slack/events", body, h, `slack ${kind}`),
    expect,
  });
}

function teamsRequest(r: Rng, i: number): () => Promise<Outcome> {
  const good = {
    type: "message",
    id: `act-${i}`,
    timestamp: new Date().toISOString(),
    serviceUrl: r.chance(0.9) ? `${fake.apiUrl.replace(/\/api\/$/, "")}/teams/` : "not a url",
    channelId: r.pick(["msteams", "emulator", r.text(5)]),
    from: { id: `29:fuzz-${r.int(50)}`, aadObjectId: `aad-${r.int(50)}`, name: r.text(10) },
    conversation: {
      id: `a:conv-${r.int(20)}`,
      conversationType: r.pick(["personal", "channel", "groupChat"]),
      tenantId: r.pick(["tenant-fuzz", r.text(10)]),
    },
    recipient: { id: "28:bot", name: "aanzet" },
    text: `${MARK} <at>aanzet</at> ${r.text(150)}`,
    channelData: { tenant: { id: "tenant-fuzz" } },
    ...(r.chance(0.1) ? { value: r.json(3) } : {}),
  };
  const kind = r.chance(0.03) ? "huge" : r.pick(["good", "mutated", "mutated", "random", "garbage"] as const);
  const body =
    kind === "good"
      ? JSON.stringify(good)
      : kind === "mutated"
        ? JSON.stringify(r.mutate(good, 0.4))
        : kind === "random"
          ? JSON.stringify(r.json(4))
          : kind === "huge"
            ? JSON.stringify({ ...good, text: `${MARK} ${"y".repeat(600_000)}` })
            : r.text(200);
  return async () => ({
    kind,
    status: await post("/api/messages", body, { "content-type": "application/json" }, `teams ${kind}`),
    expect: [200, 201, 202, 400, 404, 413, 415, 501],
  });
}

describe(`fuzz (seed ${SEED})`, () => {
  it(`${N.slack} Slack payloads and ${N.teams} Teams activities: every one answered with a 2xx/4xx, the server stays up`, async () => {
    const r = new Rng(SEED);
    const jobs = [
      ...Array.from({ length: N.slack }, (_, i) => slackRequest(r, i)),
      ...Array.from({ length: N.teams }, (_, i) => teamsRequest(r, i)),
    ];
    const t0 = performance.now();
    const results = await pool(jobs, 256);
    console.log(
      `[fuzz] ${jobs.length} HTTP requests in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
        [...timing]
          .map(([k, t]) => `${k}: ${t.n} avg ${(t.ms / t.n).toFixed(0)} ms max ${t.max.toFixed(0)} ms`)
          .join("; "),
    );
    // Let Bolt's and Teams' work after the ack finish before looking at the logs.
    await settle(
      () => fake.calls + logLines.length,
      () => false,
      { quietMs: 1500, timeoutMs: 20_000 },
    );
    const bad = results.filter((x) => !x.expect.includes(x.status));
    const tally = new Map<string, number>();
    for (const x of bad) tally.set(`${x.kind}:${x.status}`, (tally.get(`${x.kind}:${x.status}`) ?? 0) + 1);
    const summary = [...tally].map(([k, n]) => `${k} x${n}`);
    expect(summary).toEqual([]);
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(results.filter((x) => x.status === 200).length).toBeGreaterThan(N.slack / 3);
    expect(fake.posts.length).toBeGreaterThan(100); // well-formed questions in the mix were answered
  }, 60_000);

  it(`${N.yaml} YAML map files: the loader never throws and names file, item and field for each problem`, () => {
    const r = new Rng(SEED + 1);
    const dir = mkdtempSync(join(tmpdir(), "aanzet-fuzz-map-"));
    try {
      mkdirSync(join(dir, "map/entries"), { recursive: true });
      // Two real entries as the seed (a whole file costs ~20 ms to load; two keep it quick).
      const file0 = parse(readFileSync(join(ROOT, "map/entries/hulpmiddelen.yaml"), "utf8")) as { entries: unknown[] };
      const real = { ...file0, entries: file0.entries.slice(0, 2) };
      writeFileSync(join(dir, "map/laws.yaml"), readFileSync(join(ROOT, "map/laws.yaml")));
      const file = join(dir, "map/entries/fuzz.yaml");
      let invalid = 0;
      for (let i = 0; i < N.yaml; i++) {
        const kind = r.pick(["mutated", "mutated", "random", "text", "bomb", "deep"] as const);
        const yaml =
          kind === "mutated"
            ? stringify(r.mutate(real, 0.15))
            : kind === "random"
              ? stringify(r.json(5))
              : kind === "text"
                ? r.text(400)
                : kind === "bomb"
                  ? `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`
                  : `${"entries:\n".repeat(1)}${"- ".repeat(200)}x\n`;
        writeFileSync(file, yaml);
        const { problems } = loadMap(join(dir, "map"), dir);
        const errors = problems.filter((p) => p.severity === "error");
        if (errors.length > 0) invalid++;
        for (const p of problems) {
          expect(typeof p.file).toBe("string");
          expect(p.file.length).toBeGreaterThan(0);
          expect(typeof p.message).toBe("string");
          expect(p.message.length).toBeGreaterThan(0);
          expect(typeof p.field).toBe("string");
        }
      }
      expect(invalid).toBeGreaterThan(N.yaml / 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it(`${N.lines} replay import lines: a message or an error naming the line, for every line; replay never throws`, async () => {
    const r = new Rng(SEED + 2);
    const lines: string[] = [];
    for (let i = 0; i < N.lines; i++) {
      const good = {
        id: `fz-${i}`,
        team: r.pick(["wijk-a", "wijk-b"]),
        user: `U${r.int(9)}`,
        ts: Math.floor(Date.now() / 1000) - r.int(86_400),
        text: `${MARK} ${r.text(100)}`,
      };
      const kind = r.int(5);
      lines.push(
        kind === 0
          ? JSON.stringify(good)
          : kind === 1
            ? JSON.stringify(r.mutate(good, 0.5))
            : kind === 2
              ? JSON.stringify(r.json(3))
              : kind === 3
                ? r.text(150).replace(/[\r\n]/g, " ")
                : `${JSON.stringify(good).slice(0, r.int(60))}`,
      );
    }
    const parsed = parseJsonl(lines.join("\n"));
    const nonEmpty = lines.filter((l) => l.trim().length > 0).length;
    expect(parsed.messages.length + parsed.issues.length + parsed.skipped).toBe(nonEmpty);
    for (const issue of parsed.issues) {
      expect(issue.line).toBeGreaterThan(0);
      expect(issue.reason.length).toBeGreaterThan(0);
    }
    // WhatsApp exports: random text never throws either.
    for (let i = 0; i < 50; i++) expect(() => parseWhatsApp(r.text(2000), { team: "wijk-fuzz" })).not.toThrow();
    // The valid ones go through the real pipeline (scrub, log, pattern detection).
    const summary = await replay(app.bot, parsed.messages.slice(0, 300), { tenant: "t-replay-fuzz", progressEvery: 0 });
    expect(summary.messages).toBe(Math.min(300, parsed.messages.length));
  }, 60_000);

  // Inputs this fuzz found to give a 500 once; the adapters' guards now answer them with a 4xx.
  it("Slack: a signed body that is not an Events API object gets a 4xx at once", async () => {
    for (const body of ["null", '{"type":"event_callback","event":5}']) {
      const status = await post("/slack/events", body, {
        "content-type": "application/json",
        ...signature(body, SECRET),
      });
      expect(status).toBeLessThan(500);
    }
  });

  it("Slack: signed payloads with inner fields of the wrong type get a 400, not Bolt's 500", async () => {
    const ts = Math.floor(Date.now() / 1000);
    const form = (p: unknown) => `payload=${encodeURIComponent(JSON.stringify(p))}`;
    const bodies: Array<[string, string]> = [
      [
        "application/x-www-form-urlencoded",
        form({ type: "view_submission", team: { id: "T0FUZZ" }, user: { id: "U1" } }),
      ],
      ["application/x-www-form-urlencoded", form({ type: "block_actions", team: { id: {} }, user: {}, actions: {} })],
      ["application/x-www-form-urlencoded", form({ type: "shortcut", team: { id: "T0FUZZ2" }, trigger_id: true })],
      [
        "application/json",
        JSON.stringify({
          type: "event_callback",
          team_id: "T0FUZZ",
          event_id: "EvBad1",
          event: { type: "reaction_added", user: "U1", ts: `${ts}.000001`, channel: {} },
          authorizations: [null],
        }),
      ],
    ];
    for (const [type, body] of bodies) {
      const status = await post("/slack/events", body, { "content-type": type, ...signature(body, SECRET) });
      expect(status, body).toBe(400);
    }
  });

  it("Teams: an activity whose serviceUrl is not a string gets a 400", async () => {
    const status = await post(
      "/api/messages",
      JSON.stringify({
        type: "message",
        id: "x",
        serviceUrl: 5,
        conversation: { id: "c" },
        from: { id: "f" },
        text: "hoi",
      }),
      { "content-type": "application/json" },
    );
    expect(status).toBe(400);
  });

  it("no unhandled rejection, no crash, and no message text in any log line", () => {
    expect(unhandled.map(String)).toEqual([]);
    const leaking = logLines.filter((l) => l.includes(MARK));
    expect(leaking.slice(0, 3)).toEqual([]);
    expect(logLines.length).toBeGreaterThan(0);
  });
});
