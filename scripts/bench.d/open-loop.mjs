// Slack over HTTP, open loop, end to end on loopback: signed Events API deliveries at 50, 100,
// 200 and 400 events/s (a generator in its own process, on a schedule, not N in flight) to real
// `aanzet serve` processes; answers posted to a loopback Slack Web API. For one process on
// SQLite and two processes sharing Redis (AANZET_BENCH_REDIS, else a redis-server started here
// on a free port; skipped with the reason when there is none). Min and median over RUNS runs.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openLoop } from "./lib/open-loop.mjs";
import { BOT_ID, BOT_USER, startFakeSlack, startServe } from "./lib/slack-load.mjs";
import { RUNS, minMed, rssOf } from "./lib/stats.mjs";

export const SECRET = "bench-signing-secret-0123456789";
const RATES = (process.env.AANZET_BENCH_RATES ?? "50,100,200,400").split(",").map(Number);
const SECONDS = Number(process.env.AANZET_BENCH_SECONDS ?? 5);

export function serveEnv(store, apiUrl, extra = {}) {
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
    // The compiled map cache in a temp dir, not the checkout's data/ (first start cold, then warm).
    AANZET_MAP_CACHE_DIR: join(tmpdir(), "aanzet-bench-map-cache"),
    ...extra,
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

let runId = 0;

function depthLine(samples) {
  if (samples.length === 0) return "queue depth: n/a (no /metrics)";
  const max = Math.max(...samples);
  const peakAt = samples.indexOf(max);
  const fallsTo = Math.min(...samples.slice(peakAt));
  return `queue depth from /metrics every 250 ms: ${samples.join(" ")} (rose to ${max}, fell to ${fallsTo})`;
}

async function ratesFor(label, procs, fake, root) {
  // Warm-up: index build, JIT, connections.
  await openLoop({ root, procs, fake, rate: 50, seconds: 2, secret: SECRET, tenants: ["T0BENCH"], runId: runId++ });
  for (const rate of RATES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(
        await openLoop({
          root,
          procs,
          fake,
          rate,
          seconds: SECONDS,
          secret: SECRET,
          tenants: ["T0BENCH"],
          runId: runId++,
          metricsUrl: rate === 400 ? `http://127.0.0.1:${procs[0].port}/metrics` : undefined,
        }),
      );
    }
    const all = runs.reduce((s, r) => s + r.events, 0);
    const answered = runs.reduce((s, r) => s + r.answered, 0);
    const busy = runs.reduce((s, r) => s + r.busy, 0);
    const none = runs.reduce((s, r) => s + r.unanswered, 0);
    const non200 = runs.reduce((s, r) => s + r.non200, 0);
    console.log(
      `open loop ${rate}/s x ${SECONDS} s, ${label}: ack p50 ${minMed(runs.map((r) => r.ackP50))}, p99 ${minMed(runs.map((r) => r.ackP99))}, ` +
        `max ${minMed(runs.map((r) => r.ackMax))}; answer p99 ${minMed(runs.map((r) => r.answerP99))}; ` +
        `${answered}/${all} answered, ${busy} "druk" replies, ${none} without reply${non200 ? `, ${non200} non-200 acks` : ""}; ` +
        `generator late by ${minMed(runs.map((r) => r.lateByMs))}`,
    );
    if (rate === 400)
      console.log(`  ${label}, 400/s, median run: ${depthLine(runs[Math.floor(runs.length / 2)].depth)}`);
  }
  for (const p of procs) {
    const m = rssOf(p.child.pid);
    console.log(`  ${label}: serve ${p.name} RSS ${m.rss.toFixed(0)} MiB (peak ${m.peak.toFixed(0)} MiB)`);
  }
}

export default async function openLoopBench({ root }) {
  const tmp = mkdtempSync(join(tmpdir(), "aanzet-bench-open-"));
  const fake = await startFakeSlack();
  try {
    const one = await startServe({
      root,
      env: serveEnv(`sqlite://${join(tmp, "bench.sqlite")}`, fake.apiUrl),
      name: "sqlite",
    });
    try {
      await ratesFor("1 process, SQLite", [one], fake, root);
    } finally {
      await one.stop();
    }
    const r = await redis();
    if (!r) {
      console.log("open loop, 2 processes on Redis: skipped (no AANZET_BENCH_REDIS and no redis-server binary)");
      return;
    }
    try {
      const procs = await Promise.all([
        startServe({ root, env: serveEnv(r.url, fake.apiUrl), name: "A" }),
        startServe({ root, env: serveEnv(r.url, fake.apiUrl), name: "B" }),
      ]);
      try {
        await ratesFor("2 processes, shared Redis", procs, fake, root);
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
