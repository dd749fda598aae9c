// The open-loop load generator, run in its own process so its work does not share a core's
// event loop with the measured parent: sends signed Slack app_mention deliveries on a fixed
// schedule (rate per second, never waiting for an ack before the next one) and prints one
// JSON line with, per event, its thread ts, the wall time it was sent and its ack latency.
import { BOT_USER, QUESTIONS, deliver, eventBody } from "./slack-load.mjs";

const { urls, rate, seconds, secret, tenants, runId } = JSON.parse(process.argv[2]);
const total = Math.round(rate * seconds);
const wall = () => performance.timeOrigin + performance.now();
const sec = Math.floor(Date.now() / 1000);
const events = [];
const inflight = [];
const begin = performance.now();
for (let i = 0; i < total; i++) {
  const due = begin + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 1) await new Promise((r) => setTimeout(r, wait));
  const ts = `${sec}.${String(runId * 10000 + i).padStart(6, "0")}`;
  const channel = `C0BENCH${i % 8}`;
  const team = tenants[i % tenants.length];
  const body = eventBody({
    team,
    eventId: `EvBench${runId}x${i}`,
    event: {
      type: "app_mention",
      user: `UB${i % 50}`,
      text: `<@${BOT_USER}> ${QUESTIONS[i % QUESTIONS.length]}`,
      ts,
      channel,
      channel_type: "channel",
    },
  });
  const rec = { key: `${channel}:${ts}`, sentAt: wall(), ackMs: NaN, status: 0 };
  events.push(rec);
  inflight.push(
    deliver(urls[i % urls.length], body, secret).then((a) => {
      rec.ackMs = a.ms;
      rec.status = a.status;
    }),
  );
}
const lateBy = performance.now() - begin - (total * 1000) / rate;
await Promise.all(inflight);
process.stdout.write(`${JSON.stringify({ events, lateByMs: lateBy })}\n`);
