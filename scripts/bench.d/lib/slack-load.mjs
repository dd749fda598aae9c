// Load generator for Slack over HTTP, shared by test/scale (assertions) and
// scripts/bench.d/slack-http.mjs (figures): real `aanzet serve` processes on loopback, a
// loopback Slack Web API that records chat.postMessage, and correctly signed Events API
// deliveries (Slack signing v0: HMAC-SHA256 over `v0:<ts>:<body>`).
import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import { join } from "node:path";

export const BOT_USER = "UAANZETBOT";
export const BOT_ID = "BAANZETBOT";

/** A loopback Slack Web API (records chat.postMessage) that is also a Bot Connector for
 * Teams (records activities POSTed to /v3/conversations/{id}/activities[/{replyToId}]). */
export async function startFakeSlack() {
  const posts = [];
  const teamsPosts = [];
  let calls = 0;
  let seq = 0;
  const server = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      calls++;
      const path = (req.url ?? "").split("?")[0];
      const connector = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
      if (connector) {
        const activity = safeJson(raw);
        teamsPosts.push({
          conversationId: decodeURIComponent(connector[1]),
          replyToId: connector[2] ? decodeURIComponent(connector[2]) : undefined,
          type: String(activity.type ?? ""),
          text: String(activity.text ?? ""),
        });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ id: `posted-${++seq}` }));
        return;
      }
      const method = path.replace(/^\/api\//, "");
      const body = (req.headers["content-type"] ?? "").includes("json")
        ? safeJson(raw)
        : Object.fromEntries(new URLSearchParams(raw));
      const ts = `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, "0")}`;
      let answer = { ok: true };
      if (method === "chat.postMessage") {
        posts.push({
          channel: String(body.channel ?? ""),
          thread_ts: body.thread_ts ? String(body.thread_ts) : undefined,
          text: String(body.text ?? ""),
          at: Date.now(),
        });
        answer = { ok: true, ts, channel: body.channel, message: { ts } };
      } else if (method === "auth.test") {
        answer = { ok: true, user_id: BOT_USER, bot_id: BOT_ID, team_id: "T0", user: "aanzet" };
      } else if (method === "chat.postEphemeral") {
        answer = { ok: true, message_ts: ts };
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(answer));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address();
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    /** serviceUrl for Teams activities. */
    serviceUrl: `http://127.0.0.1:${port}/teams/`,
    posts,
    teamsPosts,
    get calls() {
      return calls;
    },
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

function safeJson(raw) {
  try {
    return JSON.parse(raw);
  } catch {
    return {};
  }
}

/** Start `aanzet serve --port 0` with Slack over HTTP; resolves once it listens. */
export async function startServe({ root, env, name = "serve", startTimeoutMs = 20_000 }) {
  const child = spawn(
    process.execPath,
    [
      "--disable-warning=ExperimentalWarning",
      join(root, "bin/aanzet.js"),
      "serve",
      "--port",
      "0",
      "--host",
      "127.0.0.1",
    ],
    {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stdout.resume();
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${stderr.slice(-500)}`)), startTimeoutMs);
    child.stderr.on("data", (d) => {
      stderr += d.toString();
      const m = /listening on port (\d+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before listening: ${stderr.slice(-500)}`));
    });
  });
  return {
    name,
    port,
    url: `http://127.0.0.1:${port}/slack/events`,
    child,
    stderr: () => stderr,
    /** SIGTERM and wait; resolves with the exit code. */
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        const t = setTimeout(() => child.kill("SIGKILL"), 10_000);
        child.once("exit", (code) => {
          clearTimeout(t);
          resolve(code);
        });
        child.kill("SIGTERM");
      }),
  };
}

/** Slack's request signature headers for `body`. */
export function signature(body, secret, ts = Math.floor(Date.now() / 1000)) {
  const sig = createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex");
  return { "x-slack-request-timestamp": String(ts), "x-slack-signature": `v0=${sig}` };
}

/** An Events API delivery body for one message event. */
export function eventBody({ team, eventId, event }) {
  return JSON.stringify({
    token: "legacy",
    team_id: team,
    api_app_id: "A0AANZET",
    event: { event_ts: event.ts, ...event },
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: team, user_id: BOT_USER, is_bot: true }],
  });
}

/** POST a signed body; resolves with status and ack latency in ms. */
export async function deliver(url, body, secret, { retryNum, contentType = "application/json" } = {}) {
  const headers = { "content-type": contentType, ...signature(body, secret) };
  if (retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(retryNum);
    headers["x-slack-retry-reason"] = "http_timeout";
  }
  const t0 = performance.now();
  try {
    const res = await fetch(url, { method: "POST", headers, body });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - t0 };
  } catch (err) {
    return { status: 0, ms: performance.now() - t0, error: String(err?.cause?.code ?? err?.message ?? err) };
  }
}

/** Run async jobs with at most `limit` in flight; results in job order. */
export async function pool(jobs, limit) {
  const out = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return out;
}

/** Wait until `done()` is true or nothing changed in `quietMs`; gives up after `timeoutMs`. */
export async function settle(progress, done, { quietMs = 3000, timeoutMs = 60_000 } = {}) {
  const end = Date.now() + timeoutMs;
  let last = progress();
  let lastChange = Date.now();
  while (!done() && Date.now() < end && Date.now() - lastChange < quietMs) {
    await new Promise((r) => setTimeout(r, 50));
    const now = progress();
    if (now !== last) {
      last = now;
      lastChange = Date.now();
    }
  }
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Questions the map answers (answered status), to vary the load. */
export const QUESTIONS = [
  "wie betaalt een traplift?",
  "wie regelt huishoudelijke hulp voor een oudere?",
  "wie betaalt een scootmobiel?",
  "wie is aan zet bij schulden en dreigende huisuitzetting?",
  "wie betaalt dagbesteding voor iemand met dementie?",
  "wie regelt beschermd wonen?",
  "wie betaalt een rolstoel?",
  "wie regelt jeugdhulp thuis?",
];
