// The composition root: config in, a running core out. Reads content from disk, opens the
// store, builds the bot and wires the plugins of the features it is given (by default the
// list in features/index.ts). Adapters (console, Slack, Teams) get the App.
import { randomBytes } from "node:crypto";
import { join, resolve } from "node:path";
import type { Config } from "./config.js";
import { loadCompiledMap } from "./content/compiled-map-cache.js";
import { Answerer } from "./core/answer/answerer.js";
import { Bot } from "./core/bot.js";
import { AanzetError } from "./core/errors.js";
import { formatProblem } from "./core/map/problems.js";
import type { RegulationMap } from "./core/map/regulation-map.js";
import { systemClock, type Clock, type Log, type Store } from "./core/ports.js";
import { RateLimiter } from "./core/rate-limit.js";
import type { App, Feature } from "./features/feature.js";
import { FEATURES } from "./features/index.js";
import { createScrubber, mapVocabulary } from "./core/privacy/index.js";
import { createLogger } from "./logger.js";
import { PROJECT_ROOT } from "./project-root.js";
import { higherRole, RoleBook } from "./roles.js";
import { isAdminStore, openStore } from "./store/open-store.js";
import { outageSpill } from "./store/outage-buffer.js";
import { redactUrl } from "./store/redact-url.js";
import { isScrubbingStore, scrubbingStore } from "./store/scrubbing-store.js";

export type { App } from "./features/feature.js";
export { PROJECT_ROOT } from "./project-root.js";
export { redactUrl } from "./store/redact-url.js";
import { WorkQueue } from "./server/work-queue.js";

export interface AppOptions {
  clock?: Clock;
  log?: Log;
  store?: Store;
  /** Project directory holding map/, flows/ and prompts/. */
  root?: string;
  /** The features to wire in; default every feature (features/index.ts). */
  features?: readonly Feature[];
}

/** Load and validate the regulation map; refuses to start on errors (English, for operators). */
export function loadValidMap(config: Config, root: string): RegulationMap {
  const mapDir = config.env.AANZET_MAP_DIR ?? join(root, "map");
  const cache = config.env.AANZET_MAP_CACHE_DIR;
  const { map, problems } = loadCompiledMap(mapDir, root, cache === "off" ? undefined : resolve(cache));
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    const shown = errors.slice(0, 5).map(formatProblem).join("\n");
    throw new AanzetError(
      "MAP_INVALID",
      `the regulation map has ${errors.length} error(s); run \`aanzet map check\`:\n${shown}`,
    );
  }
  return map;
}

/** The pseudonymisation secret: from the environment, or created once and kept in the store. */
async function pseudonymSecret(config: Config, store: Store): Promise<string> {
  if (config.env.AANZET_PSEUDONYM_SECRET) return config.env.AANZET_PSEUDONYM_SECRET;
  const fresh = randomBytes(32).toString("hex");
  await store.add("meta:pseudonym-secret", fresh);
  return (await store.get<string>("meta:pseudonym-secret")) ?? fresh;
}

export async function createApp(config: Config, opts: AppOptions = {}): Promise<App> {
  const root = opts.root ?? PROJECT_ROOT;
  const log = opts.log ?? createLogger(config.logLevel);
  const clock = opts.clock ?? systemClock;
  const map = loadValidMap(config, root);
  // One scrubber for everything that is kept: it knows the map's words, so "Participatiewet" or
  // an insurer's name is never taken for a person's name. Every record is scrubbed on its way
  // into the store, whoever writes it (see store/scrubbing-store.ts).
  const scrubber = createScrubber({ vocabulary: mapVocabulary(map) });
  const scrubText = (text: string) => scrubber(text).text;
  const opened =
    opts.store ??
    (await openStore(config.store, process.cwd(), {
      timeoutMs: config.env.AANZET_STORE_TIMEOUT_MS,
      ...(config.storeSource ? { source: config.storeSource } : {}),
      ...outageSpill(config),
    }));
  const store = isScrubbingStore(opened) ? opened : scrubbingStore(opened, scrubText);
  let app: App | undefined;
  if (isAdminStore(store)) {
    // One line per transition, not per failed call: an outage must not flood the log.
    store.onAvailability((up, detail) => {
      if (up) log.info({ code: "STORE_AVAILABLE", pending: app?.bot.questions.pending }, "store available again");
      else
        log.warn(
          { code: "STORE_UNAVAILABLE", detail },
          "store unavailable; answering from the map, queueing question records",
        );
    });
  }
  const roles = new RoleBook(config, store, clock);
  let secret: string;
  try {
    secret = await pseudonymSecret(config, store);
  } catch (err) {
    if (!opts.store) await store.close().catch(() => undefined);
    throw new AanzetError(
      "STORE_UNAVAILABLE",
      `cannot reach the store at ${redactUrl(config.store)}: ${(err as Error).message}`,
      { cause: err },
    );
  }
  const bot = new Bot({
    map,
    answerer: new Answerer(map),
    store,
    clock,
    log,
    secret,
    maxMessageChars: config.env.AANZET_MAX_MESSAGE_CHARS,
    retentionDays: config.env.AANZET_RETENTION_DAYS,
    today: config.today,
    rateLimit: new RateLimiter(
      { userPerMinute: config.env.AANZET_RATE_USER_PER_MIN, channelPerMinute: config.env.AANZET_RATE_CHANNEL_PER_MIN },
      clock,
    ),
    roleOf: async (turn) => higherRole(turn.role, await roles.resolve(turn.tenant, turn.user)),
    scrub: scrubber,
  });
  const close = async () => {
    // Answers already promised get a while to finish, not forever.
    await Promise.race([work.idle(), new Promise((r) => setTimeout(r, 10_000).unref())]);
    // Queued question records get one last chance before the handle goes.
    await bot.questions.flush().catch(() => 0);
    if (bot.questions.pending > 0)
      log.warn(
        { code: "STORE_UNAVAILABLE", lost: bot.questions.pending },
        "question records not written before shutdown",
      );
    await store.close();
  };
  const work = new WorkQueue({
    concurrency: config.env.AANZET_WORK_CONCURRENCY,
    capacity: config.env.AANZET_WORK_QUEUE_MAX,
  });
  app = { config, log, store, map, bot, clock, roles, work, close, features: opts.features ?? FEATURES, parts: {} };
  if (config.llm) {
    // Only with an endpoint configured: the openai client is not even loaded otherwise.
    const { createLlmRuntime } = await import("./llm/index.js");
    app.llm = createLlmRuntime(config.llm, {
      store,
      log,
      retentionDays: config.env.AANZET_RETENTION_DAYS,
      tenant: config.tenant,
      scrub: scrubText,
    });
  }
  // Each feature (flows, learning loop, LLM, ...) wires its plugins into the bot, in list order.
  for (const feature of app.features) {
    const parts = await feature.plugins?.(app);
    if (parts) Object.assign(app.parts, parts);
  }
  return app;
}
