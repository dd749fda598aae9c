// One open-loop run against running `serve` processes: the generator (own process) sends at
// `rate` events/s; the loopback Slack Web API here records the answers. Figures: ack p50/p99
// and max (what Slack sees; it retries after 3 s), answer p99 (sent -> chat.postMessage seen),
// how many got an answer, a "druk" reply, or nothing. With `metricsUrl`, GET /metrics is
// sampled every 250 ms for the work queue depth.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { percentile } from "./stats.mjs";
import { settle } from "./slack-load.mjs";

const BUSY = /druk/i;

function generate(root, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, "scripts/bench.d/lib/open-loop-gen.mjs"), JSON.stringify(args)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`generator exited ${code}`))));
  });
}

async function queueDepth(url) {
  try {
    const res = await fetch(url);
    const text = await res.text();
    const m = /^aanzet_work_queue_depth(?:\{[^}]*\})?\s+(\S+)/m.exec(text);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

export async function openLoop({ root, procs, fake, rate, seconds, secret, tenants, runId, metricsUrl }) {
  const start = fake.posts.length;
  const samples = [];
  let sampling = !!metricsUrl;
  const sampler = (async () => {
    while (sampling) {
      const d = await queueDepth(metricsUrl);
      if (d !== undefined) samples.push(d);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  const { events, lateByMs } = await generate(root, {
    urls: procs.map((p) => p.url),
    rate,
    seconds,
    secret,
    tenants,
    runId,
  });
  const want = new Set(events.map((e) => e.key));
  const answeredKeys = () => {
    let n = 0;
    for (let i = start; i < fake.posts.length; i++)
      if (want.has(`${fake.posts[i].channel}:${fake.posts[i].thread_ts}`)) n++;
    return n;
  };
  await settle(answeredKeys, () => answeredKeys() >= events.length, { quietMs: 5000, timeoutMs: 90_000 });
  sampling = false;
  await sampler;
  const firstPost = new Map();
  for (let i = start; i < fake.posts.length; i++) {
    const p = fake.posts[i];
    const key = `${p.channel}:${p.thread_ts}`;
    if (want.has(key) && !firstPost.has(key)) firstPost.set(key, p);
  }
  const acks = events.map((e) => e.ackMs).sort((a, b) => a - b);
  const answerMs = [];
  let busy = 0;
  for (const e of events) {
    const p = firstPost.get(e.key);
    if (!p) continue;
    if (BUSY.test(p.text)) busy++;
    else answerMs.push(p.at - e.sentAt);
  }
  answerMs.sort((a, b) => a - b);
  return {
    events: events.length,
    non200: events.filter((e) => e.status !== 200).length,
    ackP50: percentile(acks, 50),
    ackP99: percentile(acks, 99),
    ackMax: acks[acks.length - 1],
    answerP50: percentile(answerMs, 50),
    answerP99: percentile(answerMs, 99),
    answered: answerMs.length,
    busy,
    unanswered: events.length - firstPost.size,
    lateByMs,
    depth: samples,
  };
}
