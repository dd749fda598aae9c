// Outages: with the store down or hanging, the bot still answers from the map (in memory),
// says logging is delayed, and writes the missed question records when the store is back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { AanzetError } from "../../src/core/errors.js";
import { MSG } from "../../src/core/messages.js";
import { silentLog, systemClock, type Store } from "../../src/core/ports.js";
import { QUEUE_LIMIT, QuestionLog, type QuestionRecord } from "../../src/core/question-log.js";
import type { Turn } from "../../src/core/types.js";
import { openStore } from "../../src/store/open-store.js";
import { PrivateRedis, REDIS_BINARY } from "./redis-server.js";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const QUESTION = "wie betaalt een traplift?";

/** A Store that fails like an unreachable one while `down` is set. */
class SwitchableStore implements Store {
  down = false;
  constructor(private readonly inner: Store) {}
  private gate(): void {
    if (this.down) throw new AanzetError("STORE_UNAVAILABLE", "store unavailable (test switch)");
  }
  async get<T>(k: string) {
    this.gate();
    return this.inner.get<T>(k);
  }
  async set<T>(k: string, v: T, ttl?: number) {
    this.gate();
    return this.inner.set(k, v, ttl);
  }
  async delete(k: string) {
    this.gate();
    return this.inner.delete(k);
  }
  async add<T>(k: string, v: T, ttl?: number) {
    this.gate();
    return this.inner.add(k, v, ttl);
  }
  async *scan<T>(p: string): AsyncIterable<[string, T]> {
    this.gate();
    yield* this.inner.scan<T>(p);
  }
  async close() {
    return this.inner.close();
  }
}

let seq = 0;
function turn(text: string, o: Partial<Turn> = {}): Turn {
  return {
    id: `m-${++seq}`,
    channel: "console",
    tenant: "t1",
    team: "wijk-a",
    thread: `th-${seq}`,
    user: "u1",
    role: "worker",
    text,
    direct: true,
    ...o,
  };
}

async function count(store: Store, prefix: string): Promise<number> {
  let n = 0;
  for await (const [k] of store.scan(prefix)) if (k) n++;
  return n;
}

function config(store: string, extra: Record<string, string> = {}) {
  return loadConfig({
    AANZET_STORE: store,
    LOG_LEVEL: "silent",
    AANZET_PSEUDONYM_SECRET: "outage-test-secret-0123456789",
    AANZET_TODAY: "2026-11-22",
    // The outage spill file goes to a temporary folder, not the repo's data/.
    AANZET_DATA_DIR: join(tmpdir(), `aanzet-outage-${process.pid}`),
    ...extra,
  });
}

describe("store down (a failing Store)", () => {
  let app: App;
  let store: SwitchableStore;
  beforeAll(async () => {
    store = new SwitchableStore(await openStore("memory://"));
    app = await createApp(config("memory://"), { root: ROOT, log: silentLog, store });
  });
  afterAll(() => app.close());

  it("answers from the map, says logging is delayed, writes the records when the store is back", async () => {
    const [up] = await app.bot.handle(turn(QUESTION));
    expect(up!.answer?.status).toBe("answered");
    expect(up!.text).not.toContain(MSG.loggingDelayed);

    store.down = true;
    const replies = await Promise.all([1, 2, 3].map(() => app.bot.handle(turn(QUESTION))));
    for (const [r] of replies) {
      expect(r!.answer?.status).toBe("answered");
      expect(r!.text).toContain(up!.answer!.answer.split("\n")[0]!);
      expect(r!.text).toContain(MSG.loggingDelayed);
    }
    expect(app.bot.questions.pending).toBe(3);

    store.down = false;
    expect(await app.bot.questions.flush()).toBe(3);
    expect(app.bot.questions.pending).toBe(0);
    expect(await count(store, "q:t1:")).toBe(4);
  });

  it("a running flow does not block answers during an outage", async () => {
    const thread = "th-flow-outage";
    const started = await app.bot.handle(turn("/toets", { thread }));
    expect(started.length).toBeGreaterThan(0);
    store.down = true;
    try {
      const [r] = await app.bot.handle(turn(QUESTION, { thread }));
      expect(r!.answer?.status).toBe("answered");
      expect(r!.text).toContain(MSG.loggingDelayed);
    } finally {
      store.down = false;
    }
    await app.bot.questions.flush();
  });

  it(`keeps at most ${QUEUE_LIMIT} records; past that the oldest go and are counted`, async () => {
    const s = new SwitchableStore(await openStore("memory://"));
    const log = new QuestionLog(s, systemClock, silentLog, 86_400_000);
    s.down = true;
    const rec = (i: number): QuestionRecord => ({
      id: `console:${i}`,
      messageId: String(i),
      tenant: "t1",
      team: "a",
      user: "u",
      thread: "t",
      channel: "console",
      text: "x",
      status: "answered",
      entries: [],
      actors: [],
      laws: [],
      at: new Date().toISOString(),
    });
    for (let i = 0; i < QUEUE_LIMIT + 3; i++) expect(await log.write(rec(i))).toBe(false);
    expect(log.pending).toBe(QUEUE_LIMIT);
    expect(log.droppedCount).toBe(3);
    s.down = false;
    // Two overlapping flushes write every record once and drop none.
    const [a, b] = await Promise.all([log.flush(), log.flush()]);
    expect(a + (b === a ? 0 : b)).toBe(QUEUE_LIMIT);
    expect(await count(s, "q:t1:")).toBe(QUEUE_LIMIT);
    expect(await s.get("q:t1:console:0")).toBeUndefined();
    expect(await s.get(`q:t1:console:${QUEUE_LIMIT + 2}`)).toBeDefined();
  });
});

describe.skipIf(!REDIS_BINARY)(
  `a real Redis stopped and started${REDIS_BINARY ? "" : " (SKIPPED: no redis-server binary)"}`,
  () => {
    let redis: PrivateRedis;
    let app: App;
    beforeAll(async () => {
      redis = await PrivateRedis.start();
      app = await createApp(config(redis.url, { AANZET_STORE_TIMEOUT_MS: "400" }), { root: ROOT, log: silentLog });
    });
    afterAll(async () => {
      await app?.close();
      await redis?.destroy();
    });

    async function waitUntilUp(): Promise<void> {
      const until = Date.now() + 8000;
      for (;;) {
        try {
          await app.store.get("probe:t1:x");
          return;
        } catch (err) {
          if (Date.now() > until) throw err;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    }

    it("killed: answers fast with the delayed-logging notice; restarted: every record is written", async () => {
      const [first] = await app.bot.handle(turn(QUESTION));
      expect(first!.text).not.toContain(MSG.loggingDelayed);

      await redis.stop();
      for (let i = 0; i < 3; i++) {
        const t0 = Date.now();
        const [r] = await app.bot.handle(turn(QUESTION));
        expect(Date.now() - t0).toBeLessThan(1500);
        expect(r!.answer?.status).toBe("answered");
        expect(r!.text).toContain(MSG.loggingDelayed);
      }
      expect(app.bot.questions.pending).toBe(3);

      await redis.start();
      await waitUntilUp();
      const [after] = await app.bot.handle(turn(QUESTION));
      expect(after!.text).not.toContain(MSG.loggingDelayed);
      expect(app.bot.questions.pending).toBe(0);
      expect(await count(app.store, "q:t1:")).toBe(5);
    });

    it("hanging (SIGSTOP): each turn waits at most the store timeout, then the records follow", async () => {
      const before = await count(app.store, "q:t1:");
      redis.pause();
      try {
        const t0 = Date.now();
        const replies = await Promise.all([1, 2].map(() => app.bot.handle(turn(QUESTION))));
        expect(Date.now() - t0).toBeLessThan(3000);
        for (const [r] of replies) expect(r!.text).toContain(MSG.loggingDelayed);
      } finally {
        redis.resume();
      }
      await waitUntilUp();
      await app.bot.questions.flush();
      expect(await count(app.store, "q:t1:")).toBe(before + 2);
    });
  },
);
