// Scale-out: two real `aanzet serve` processes sharing one Redis (and, separately, one
// PostgreSQL) behave as one bot. Every Slack event reaches both processes, some again as
// retries (x-slack-retry-num); the bot must answer each exactly once, log each question
// exactly once, and a flow must continue on whichever process gets the next message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { silentLog } from "../../src/core/ports.js";
import { openStore, type GuardedStore } from "../../src/store/open-store.js";
import {
  deliver,
  eventBody,
  pool,
  QUESTIONS,
  settle,
  startFakeSlack,
  startServe,
  BOT_USER,
  BOT_ID,
  type Served,
} from "../../scripts/bench.d/lib/slack-load.mjs";
import {
  announceSkips,
  freshPostgres,
  freshRedis,
  POSTGRES,
  REDIS,
  SKIP_POSTGRES,
  SKIP_REDIS,
} from "../store/servers.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SECRET = "scale-test-signing-secret-0123456789";
const TENANTS = ["T0SCALEA", "T0SCALEB", "T0SCALEC"];
const PER_TENANT = 400;
const RETRIES = 300;
announceSkips("two-processes");

interface Ev {
  tenant: string;
  id: string;
  ts: string;
  body: string;
}

function events(): Ev[] {
  const out: Ev[] = [];
  // Message times are now: older messages would be past retention and stored already expired.
  const base = Math.floor(Date.now() / 1000);
  let n = 0;
  for (const tenant of TENANTS) {
    for (let i = 0; i < PER_TENANT; i++) {
      n++;
      const ts = `${base}.${String(n).padStart(6, "0")}`;
      const id = `Ev${tenant}${i}`;
      const event = {
        type: "app_mention",
        user: `UW${i % 40}`,
        text: `<@${BOT_USER}> ${QUESTIONS[i % QUESTIONS.length]}`,
        ts,
        channel: `C0${tenant.slice(-1)}${i % 5}`,
        channel_type: "channel",
      };
      out.push({ tenant, id, ts, body: eventBody({ team: tenant, eventId: id, event }) });
    }
  }
  return out;
}

/** How many of one tenant's questions the pattern detector places, in one process, one at a
 * time: what two racing processes must reach too. */
let baseline: Promise<number> | undefined;
function placedInOneProcess(): Promise<number> {
  baseline ??= (async () => {
    const app = await createApp(
      loadConfig({
        AANZET_STORE: "memory://",
        AANZET_PSEUDONYM_SECRET: "scale-baseline-secret-0123",
        AANZET_TODAY: "2026-11-22",
        LOG_LEVEL: "silent",
        AANZET_RATE_USER_PER_MIN: "0",
        AANZET_RATE_CHANNEL_PER_MIN: "0",
      }),
      { root: ROOT, log: silentLog },
    );
    try {
      for (const e of events().filter((x) => x.tenant === TENANTS[0])) {
        const ev = (JSON.parse(e.body) as { event: { user: string; text: string; channel: string; ts: string } }).event;
        await app.bot.handle({
          id: e.id,
          channel: "slack",
          tenant: e.tenant,
          team: ev.channel,
          thread: `${ev.channel}:${ev.ts}`,
          user: ev.user,
          role: "worker",
          text: ev.text.replace(/<@[A-Z0-9]+>\s*/, ""),
          direct: true,
          at: new Date(Number(ev.ts) * 1000),
        });
      }
      return await countKind(app.store as GuardedStore, `qgroup:${TENANTS[0]}:`);
    } finally {
      await app.close();
    }
  })();
  return baseline;
}

async function countKind(store: GuardedStore, prefix: string): Promise<number> {
  let n = 0;
  for await (const [k] of store.scan(prefix)) if (k) n++;
  return n;
}

function suite(
  name: string,
  skip: string | undefined,
  storeUrl: () => Promise<{ url: string; done: () => Promise<void> }>,
) {
  describe.skipIf(!!skip)(`two serve processes on ${name}${skip ? ` (${skip})` : ""}`, () => {
    let fake: Awaited<ReturnType<typeof startFakeSlack>>;
    let procs: Served[] = [];
    let store: GuardedStore;
    let done: () => Promise<void>;

    beforeAll(async () => {
      fake = await startFakeSlack();
      const s = await storeUrl();
      done = s.done;
      const env = {
        AANZET_STORE: s.url,
        SLACK_BOT_TOKEN: "xoxb-scale-test",
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: fake.apiUrl,
        SLACK_BOT_ID: BOT_ID,
        SLACK_BOT_USER_ID: BOT_USER,
        AANZET_PSEUDONYM_SECRET: "scale-test-pseudonym-secret-0123",
        AANZET_RATE_USER_PER_MIN: "0",
        AANZET_RATE_CHANNEL_PER_MIN: "0",
        AANZET_TODAY: "2026-11-22",
        AANZET_TEAMS_EMULATOR: "1",
        AANZET_TEAMS_TYPING_MS: "60000",
      };
      procs = await Promise.all([
        startServe({ root: ROOT, env, name: "A" }),
        startServe({ root: ROOT, env, name: "B" }),
      ]);
      store = await openStore(s.url);
    }, 60_000);

    afterAll(async () => {
      const codes = await Promise.all(procs.map((p) => p.stop()));
      await store?.close();
      await fake?.close();
      await done?.();
      expect(codes.every((c) => c === 0)).toBe(true);
    });

    it(`answers ${TENANTS.length * PER_TENANT} events delivered to both processes (+${RETRIES} retries) exactly once, and logs each once`, async () => {
      const evs = events();
      const t0 = performance.now();
      const jobs = evs.flatMap((e) => procs.map((p) => () => deliver(p.url, e.body, SECRET)));
      const acks = await pool(jobs, 64);
      const retried = evs.filter((_, i) => i % Math.floor(evs.length / RETRIES) === 0).slice(0, RETRIES);
      acks.push(
        ...(await pool(
          retried.map((e, i) => () => deliver(procs[i % 2]!.url, e.body, SECRET, { retryNum: 1 })),
          32,
        )),
      );
      await settle(
        () => fake.posts.length,
        () => fake.posts.length >= evs.length,
        { quietMs: 4000, timeoutMs: 45_000 },
      );
      const seconds = (performance.now() - t0) / 1000;
      const ms = acks.map((a) => a.ms).sort((a, b) => a - b);
      console.log(
        `[scale ${name}] ${acks.length} deliveries of ${evs.length} events in ${seconds.toFixed(1)} s: ` +
          `${Math.round(evs.length / seconds)} events/s answered, ack p50 ${ms[Math.floor(ms.length / 2)]!.toFixed(1)} ms, p99 ${ms[Math.floor(ms.length * 0.99)]!.toFixed(1)} ms`,
      );
      expect(acks.filter((a) => a.status !== 200)).toEqual([]);

      // One answer per event: posts are threaded under the event's ts.
      const perEvent = new Map<string, number>();
      for (const p of fake.posts) if (p.thread_ts) perEvent.set(p.thread_ts, (perEvent.get(p.thread_ts) ?? 0) + 1);
      const missing = evs.filter((e) => !perEvent.has(e.ts)).length;
      const duplicated = [...perEvent.values()].filter((n) => n > 1).length;
      expect({ missing, duplicated }).toEqual({ missing: 0, duplicated: 0 });
      expect(fake.posts).toHaveLength(evs.length);

      // No lost question records, none twice (keys are per message id).
      for (const t of TENANTS) expect(await countKind(store, `q:${t}:`)).toBe(PER_TENANT);
      // Recurring-question detection: each question placed once, with exactly one membership.
      const kinds = await store.kinds();
      const counts: string[] = [];
      for (const t of TENANTS) {
        const q = await countKind(store, `q:${t}:`);
        const placed = kinds.includes("qgroup") ? await countKind(store, `qgroup:${t}:`) : 0;
        const members = kinds.includes("member") ? await countKind(store, `member:${t}:`) : 0;
        expect(members).toBe(placed);
        expect(placed).toBe(await placedInOneProcess());
        counts.push(`${t}: ${q} questions, ${placed} placed, ${members} memberships`);
      }
      console.log(`[scale ${name}] ${counts.join("; ")}; ${fake.posts.length} answers for ${evs.length} events`);
    }, 90_000);

    it("continues a flow on whichever process gets the next message", async () => {
      const tenant = TENANTS[0]!;
      const channel = "C0FLOW";
      const base = Math.floor(Date.now() / 1000) + 1;
      const root = `${base}.000001`;
      const send = (text: string, ts: string, mention: boolean, eventId: string) => {
        const event = mention
          ? { type: "app_mention", user: "UFLOW", text: `<@${BOT_USER}> ${text}`, ts, channel, channel_type: "channel" }
          : { type: "message", user: "UFLOW", text, ts, thread_ts: root, channel, channel_type: "channel" };
        const body = eventBody({ team: tenant, eventId, event });
        // Both processes get every message at the same moment.
        return Promise.all(procs.map((p) => deliver(p.url, body, SECRET)));
      };
      const flowKey = `flow:${tenant}:${channel}:${root}`;
      const waitVersion = async (v: number) => {
        const end = Date.now() + 10_000;
        for (;;) {
          const s = await store.get<{ version: number; history: string[] }>(flowKey);
          if (s && s.version >= v) return s;
          if (Date.now() > end) throw new Error(`flow did not reach version ${v}: ${JSON.stringify(s)}`);
          await new Promise((r) => setTimeout(r, 25));
        }
      };
      await send("/toets", root, true, "EvFlow0");
      expect((await waitVersion(1)).history).toEqual(["wens"]);
      await send("De inwoner wil graag zelfstandig thuis blijven wonen.", `${base}.000002`, false, "EvFlow1");
      expect((await waitVersion(2)).history).toEqual(["wens", "doel"]);
      await send("ja", `${base}.000003`, false, "EvFlow2");
      const s = await waitVersion(3);
      expect(s.history).toEqual(["wens", "doel", "doel-waarom"]);
      await new Promise((r) => setTimeout(r, 300));
      // Exactly one step per message although both processes got each one.
      expect((await store.get<{ version: number }>(flowKey))!.version).toBe(3);
      const posts = fake.posts.filter((p) => p.thread_ts === root);
      expect(posts).toHaveLength(3);
    }, 30_000);

    it("answers each Teams activity once although both processes get it, some twice", async () => {
      const n = 200;
      const acts = Array.from({ length: n }, (_, i) => ({
        type: "message",
        id: `act-scale-${i}`,
        timestamp: new Date().toISOString(),
        channelId: "msteams",
        serviceUrl: fake.serviceUrl,
        from: { id: `29:scale-${i % 20}`, aadObjectId: `aad-scale-${i % 20}` },
        recipient: { id: "28:bot", name: "aanzet" },
        conversation: { id: `a:scale-${i}`, conversationType: "personal", tenantId: "tenant-scale" },
        text: QUESTIONS[i % QUESTIONS.length],
        channelData: { tenant: { id: "tenant-scale" } },
      }));
      const post = (url: string, a: unknown) =>
        fetch(url.replace("/slack/events", "/api/messages"), {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(a),
        }).then(async (r) => (await r.arrayBuffer(), r.status));
      const statuses = await pool(
        [
          ...acts.flatMap((a) => procs.map((p) => () => post(p.url, a))),
          ...acts.slice(0, 50).map((a, i) => () => post(procs[i % 2]!.url, a)),
        ],
        32,
      );
      expect(statuses.filter((s) => s >= 300)).toEqual([]);
      const answered = () =>
        fake.teamsPosts.filter((p) => p.type === "message" && p.conversationId.startsWith("a:scale-"));
      await settle(
        () => answered().length,
        () => answered().length >= n,
        { quietMs: 3000, timeoutMs: 30_000 },
      );
      const per = new Map<string, number>();
      for (const p of answered()) per.set(p.conversationId, (per.get(p.conversationId) ?? 0) + 1);
      expect(per.size).toBe(n);
      expect([...per.values()].filter((c) => c > 1)).toEqual([]);
      expect(await countKind(store, "q:tenant-scale:")).toBe(n);
    }, 60_000);

    it("neither process logged an error", () => {
      for (const p of procs) {
        const errors = p
          .stderr()
          .split("\n")
          .filter((l) => /"level":(50|60)/.test(l));
        expect(errors, p.name).toEqual([]);
      }
    });
  });
}

suite("Redis", REDIS ? undefined : SKIP_REDIS, async () => ({ url: await freshRedis(4), done: async () => {} }));
suite("PostgreSQL", POSTGRES ? undefined : SKIP_POSTGRES, async () => {
  const db = await freshPostgres("scale");
  return { url: db.url, done: db.drop };
});
