// Slack over HTTP, end to end on loopback: correctly signed Events API deliveries to real
// `aanzet serve` processes, answers posted to a loopback Slack Web API. Figures:
// - saturation: events answered per second (all posts seen) with 32 deliveries in flight,
//   and the ack latency (HTTP 200 from Bolt) p50/p99 under that load;
// - paced: 50 events/s for 10 s, ack p50/p99 (what Slack sees on a busy day; Slack retries
//   after 3 s without an ack).
// For one process on SQLite, and for two processes sharing Redis (AANZET_BENCH_REDIS, else a
// redis-server started here on a free port when the binary exists).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  BOT_ID,
  BOT_USER,
  QUESTIONS,
  deliver,
  eventBody,
  percentile,
  pool,
  settle,
  startFakeSlack,
  startServe,
} from "./lib/slack-load.mjs";

const SECRET = "bench-signing-secret-0123456789";
const SATURATION_EVENTS = 2000;
const PACED_RATE = 50;
const PACED_SECONDS = 10;

let seq = 0;
function nextEvent(tenant) {
  const n = ++seq;
  const ts = `${Math.floor(Date.now() / 1000)}.${String(n).padStart(6, "0")}`;
  const event = {
    type: "app_mention",
    user: `UB${n % 50}`,
    text: `<@${BOT_USER}> ${QUESTIONS[n % QUESTIONS.length]}`,
    ts,
    channel: `C0BENCH${n % 8}`,
    channel_type: "channel",
  };
  return eventBody({ team: tenant, eventId: `EvBench${n}`, event });
}

function fmt(ms) {
  return `${ms.toFixed(1)} ms`;
}

async function run(label, procs, fake) {
  const tenant = "T0BENCH";
  // Warm-up: index build, JIT, connections.
  const base = fake.posts.length;
  await pool(
    Array.from({ length: 100 }, (_, i) => () => deliver(procs[i % procs.length].url, nextEvent(tenant), SECRET)),
    16,
  );
  await settle(
    () => fake.posts.length,
    () => fake.posts.length - base >= 100,
    { quietMs: 1000, timeoutMs: 20_000 },
  );

  const start = fake.posts.length;
  const t0 = performance.now();
  const acks = await pool(
    Array.from(
      { length: SATURATION_EVENTS },
      (_, i) => () => deliver(procs[i % procs.length].url, nextEvent(tenant), SECRET),
    ),
    32,
  );
  await settle(
    () => fake.posts.length,
    () => fake.posts.length - start >= SATURATION_EVENTS,
    { quietMs: 3000, timeoutMs: 120_000 },
  );
  const secs = (performance.now() - t0) / 1000;
  const answered = fake.posts.length - start;
  const ms = acks.map((a) => a.ms).sort((a, b) => a - b);
  const failed = acks.filter((a) => a.status !== 200).length;
  console.log(
    `slack http, ${label}, saturation: ${answered}/${SATURATION_EVENTS} events answered in ${secs.toFixed(1)} s = ${Math.round(answered / secs)} events/s; ` +
      `ack p50 ${fmt(percentile(ms, 50))}, p99 ${fmt(percentile(ms, 99))}${failed ? `, ${failed} non-200 acks` : ""} (32 in flight)`,
  );

  const paced = [];
  const total = PACED_RATE * PACED_SECONDS;
  const begin = performance.now();
  const inflight = [];
  for (let i = 0; i < total; i++) {
    const due = begin + (i * 1000) / PACED_RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(deliver(procs[i % procs.length].url, nextEvent(tenant), SECRET).then((a) => paced.push(a.ms)));
  }
  await Promise.all(inflight);
  // Answers follow the acks: let them land before the next run counts its own.
  await settle(
    () => fake.posts.length,
    () => false,
    { quietMs: 1000, timeoutMs: 20_000 },
  );
  paced.sort((a, b) => a - b);
  console.log(
    `slack http, ${label}, paced ${PACED_RATE} events/s for ${PACED_SECONDS} s: ack p50 ${fmt(percentile(paced, 50))}, p99 ${fmt(percentile(paced, 99))}, max ${fmt(paced[paced.length - 1])}`,
  );
}

function env(store, apiUrl) {
  return {
    AANZET_STORE: store,
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: apiUrl,
    SLACK_BOT_ID: BOT_ID,
    SLACK_BOT_USER_ID: BOT_USER,
    AANZET_PSEUDONYM_SECRET: "bench-pseudonym-secret-0123456789",
    AANZET_RATE_USER_PER_MIN: "0",
    AANZET_RATE_CHANNEL_PER_MIN: "0",
    LOG_LEVEL: "warn",
  };
}

async function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** A Redis for the two-process run: AANZET_BENCH_REDIS, or one started here. */
async function redis() {
  if (process.env.AANZET_BENCH_REDIS) return { url: process.env.AANZET_BENCH_REDIS, stop: async () => {} };
  if (spawnSync("redis-server", ["--version"]).status !== 0) return undefined;
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "ignore"] },
  );
  await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("redis-server did not start")), 5000);
    child.stdout.on("data", (d) => /Ready to accept/i.test(String(d)) && (clearTimeout(t), resolve()));
  });
  return { url: `redis://127.0.0.1:${port}/0`, stop: async () => void child.kill("SIGTERM") };
}

export default async function slackHttp({ root }) {
  const tmp = mkdtempSync(join(tmpdir(), "aanzet-bench-slack-"));
  const fake = await startFakeSlack();
  try {
    const one = await startServe({
      root,
      env: env(`sqlite://${join(tmp, "bench.sqlite")}`, fake.apiUrl),
      name: "sqlite",
    });
    try {
      await run("1 process, SQLite", [one], fake);
    } finally {
      await one.stop();
    }
    const r = await redis();
    if (!r) {
      console.log("slack http, 2 processes on Redis: skipped (set AANZET_BENCH_REDIS or install redis-server)");
      return;
    }
    try {
      const procs = await Promise.all([
        startServe({ root, env: env(r.url, fake.apiUrl), name: "A" }),
        startServe({ root, env: env(r.url, fake.apiUrl), name: "B" }),
      ]);
      try {
        await run("2 processes, shared Redis", procs, fake);
      } finally {
        await Promise.all(procs.map((p) => p.stop()));
      }
    } finally {
      await r.stop();
    }
  } finally {
    await fake.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
