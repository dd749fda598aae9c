// The only file that reads process.env. Parsed once with zod; each part of the app gets its
// own slice. Operator-facing errors are English and name the variable.
import { z } from "zod";
import { AanzetError } from "./core/errors.js";

const flag = z
  .string()
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "yes");

const list = z
  .string()
  .optional()
  .transform((v) =>
    v
      ? v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  );

const EnvSchema = z.object({
  AANZET_STORE: z.string().default("sqlite://data/aanzet.sqlite"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  AANZET_TENANT: z.string().min(1).default("default"),
  AANZET_TEAM: z.string().min(1).default("console"),
  AANZET_MAP_DIR: z.string().optional(),
  /** Compiled map cache (validated map/ keyed by its content hash); "off" switches it off. */
  AANZET_MAP_CACHE_DIR: z.string().default("data/map-cache"),
  /** Answer jobs running at once in `aanzet serve`, and how many may wait before "druk". */
  AANZET_WORK_CONCURRENCY: z.coerce.number().int().min(1).default(8),
  AANZET_WORK_QUEUE_MAX: z.coerce.number().int().min(1).default(2000),
  AANZET_FLOWS_DIR: z.string().optional(),
  AANZET_PROMPTS_DIR: z.string().optional(),
  AANZET_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "AANZET_TODAY must be YYYY-MM-DD")
    .optional(),
  AANZET_MAX_MESSAGE_CHARS: z.coerce.number().int().min(100).default(4000),
  AANZET_RETENTION_DAYS: z.coerce.number().int().min(1).default(365),
  /** Per-kind retention overrides in days: "audit=730,flow=90" (see docs/data-and-retention.md). */
  AANZET_RETENTION: z.string().optional(),
  /** Hours between purges in `aanzet serve` (0 = no timer; `aanzet purge` still works). */
  AANZET_PURGE_HOURS: z.coerce.number().min(0).default(24),
  /** Longest wait for one store operation before the bot carries on without the store. */
  AANZET_STORE_TIMEOUT_MS: z.coerce.number().int().min(50).default(5000),
  AANZET_DATA_DIR: z.string().default("data"),
  /** Messages per minute per user and per channel (Slack, Teams); 0 switches the limit off. */
  AANZET_RATE_USER_PER_MIN: z.coerce.number().int().min(0).default(20),
  AANZET_RATE_CHANNEL_PER_MIN: z.coerce.number().int().min(0).default(120),
  AANZET_FLOW_IDLE_DAYS: z.coerce.number().min(0.001).default(7),
  AANZET_PSEUDONYM_SECRET: z.string().min(16).optional(),
  AANZET_COACHES: list,
  AANZET_LEADS: list,
  AANZET_ADMINS: list,
  AANZET_COACHES_CHANNEL: z.string().optional(),
  AANZET_LEADS_CHANNEL: z.string().optional(),
  SLACK_BOT_TOKEN: z.string().optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_APP_TOKEN: z.string().optional(),
  SLACK_API_URL: z.string().url("SLACK_API_URL must be a URL").optional(),
  SLACK_BOT_USER_ID: z.string().optional(),
  SLACK_BOT_ID: z.string().optional(),
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppType: z.string().optional(),
  MicrosoftAppTenantId: z.string().optional(),
  AANZET_TEAMS_EMULATOR: flag,
  AANZET_TEAMS_LEADS_CONVERSATION: z.string().optional(),
  AANZET_TEAMS_COACHES_CONVERSATION: z.string().optional(),
  AANZET_TEAMS_SERVICE_URL: z
    .string()
    .url("AANZET_TEAMS_SERVICE_URL must be a URL")
    .default("https://smba.trafficmanager.net/teams/"),
  AANZET_TEAMS_TYPING_MS: z.coerce.number().int().min(0).default(2000),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url("OPENAI_BASE_URL must be a URL").optional(),
  AANZET_LLM_MODEL: z.string().default("gpt-4o-mini"),
  AANZET_EMBED_MODEL: z.string().default("text-embedding-3-small"),
  AANZET_LLM_BUDGET_MS: z.coerce.number().int().min(100).default(2500),
  /** SRU search service of the Basiswettenbestand, asked only by `aanzet map watch`. */
  AANZET_BWB_SRU_URL: z
    .string()
    .url("AANZET_BWB_SRU_URL must be a URL")
    .default("https://zoekservice.overheid.nl/sru/Search"),
  AANZET_BWB_TIMEOUT_MS: z.coerce.number().int().min(100).default(10000),
});

export type Env = z.infer<typeof EnvSchema>;

/** Retention in days: `defaultDays` (AANZET_RETENTION_DAYS) unless a kind has its own. */
export interface Retention {
  defaultDays: number;
  perKind: Record<string, number>;
}

/** Parse AANZET_RETENTION ("audit=730,flow=90"); throws naming the bad part. */
export function parseRetention(raw: string | undefined, defaultDays: number): Retention {
  const perKind: Record<string, number> = {};
  for (const part of (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([A-Za-z0-9_-]+)\s*=\s*(\d+(?:\.\d+)?)$/.exec(part);
    if (!m || Number(m[2]) <= 0) {
      throw new AanzetError(
        "CONFIG_INVALID",
        `invalid environment: AANZET_RETENTION: "${part}" is not <kind>=<days> (days > 0), e.g. "audit=730,flow=90"`,
      );
    }
    perKind[m[1]!] = Number(m[2]);
  }
  return { defaultDays, perKind };
}

export interface Config {
  env: Env;
  store: string;
  /** Where `store` came from, for error lines: "--store" or "AANZET_STORE". */
  storeSource?: string;
  port: number;
  logLevel: Env["LOG_LEVEL"];
  /** Log level of one-shot CLI commands: LOG_LEVEL when the operator set it, else "error" (human output only). */
  cliLogLevel: Env["LOG_LEVEL"];
  tenant: string;
  team: string;
  /** Override of "today" for date-bound rules (tests, replays); undefined = the clock. */
  today?: string | undefined;
  retention: Retention;
  /** The law watch (`aanzet map watch`): BWB SRU endpoint and per-request timeout. */
  bwb: { sruUrl: string; timeoutMs: number };
  slack?: {
    botToken: string;
    signingSecret?: string | undefined;
    appToken?: string | undefined;
    apiUrl?: string | undefined;
    botUserId?: string | undefined;
    botId?: string | undefined;
  };
  teams?: {
    appId?: string | undefined;
    appPassword?: string | undefined;
    appType?: string | undefined;
    appTenantId?: string | undefined;
    emulator: boolean;
    /** Where lead notices (new candidate knelpunten) go; unset: they are only logged. */
    leads?: TeamsConversationRef | undefined;
    /** Where anonymous sparring questions go; unset: sparring is off in Teams. */
    coaches?: TeamsConversationRef | undefined;
    /** Work taking longer than this gets a typing indicator and a proactive answer. */
    typingAfterMs: number;
  };
  llm?: {
    apiKey?: string | undefined;
    baseUrl?: string | undefined;
    model: string;
    embedModel: string;
    budgetMs: number;
  };
}

/** A Teams conversation the bot posts to proactively (leads channel, coaches chat). */
export interface TeamsConversationRef {
  conversationId: string;
  serviceUrl: string;
  tenantId?: string | undefined;
}

const TeamsRefSchema = z.object({
  conversation: z.object({ id: z.string().min(1), tenantId: z.string().optional() }),
  serviceUrl: z.string().url(),
});

/** A conversation reference as JSON (`{"conversation":{"id":..},"serviceUrl":..}`, as botbuilder
 * stores it), or a bare conversation id that uses AANZET_TEAMS_SERVICE_URL. */
function teamsConversation(
  name: string,
  raw: string | undefined,
  serviceUrl: string,
): TeamsConversationRef | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (!value.startsWith("{")) return { conversationId: value, serviceUrl };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new AanzetError(
      "CONFIG_INVALID",
      `invalid environment: ${name}: not valid JSON; give a conversation id or a conversation reference`,
    );
  }
  const ref = TeamsRefSchema.safeParse(parsed);
  if (!ref.success) {
    const msg = ref.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new AanzetError("CONFIG_INVALID", `invalid environment: ${name}: ${msg}`);
  }
  return {
    conversationId: ref.data.conversation.id,
    serviceUrl: ref.data.serviceUrl,
    tenantId: ref.data.conversation.tenantId,
  };
}

/** Parse the environment; throws an AanzetError naming the bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, overrides: { store?: string } = {}): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new AanzetError("CONFIG_INVALID", `invalid environment: ${msg}`);
  }
  const env = parsed.data;
  const config: Config = {
    env,
    store: overrides.store ?? env.AANZET_STORE,
    storeSource: overrides.store ? "--store" : "AANZET_STORE",
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    cliLogLevel: source.LOG_LEVEL ? env.LOG_LEVEL : "error",
    tenant: env.AANZET_TENANT,
    team: env.AANZET_TEAM,
    today: env.AANZET_TODAY,
    retention: parseRetention(env.AANZET_RETENTION, env.AANZET_RETENTION_DAYS),
    bwb: { sruUrl: env.AANZET_BWB_SRU_URL, timeoutMs: env.AANZET_BWB_TIMEOUT_MS },
  };
  if (env.SLACK_BOT_TOKEN) {
    config.slack = {
      botToken: env.SLACK_BOT_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET,
      appToken: env.SLACK_APP_TOKEN,
      apiUrl: env.SLACK_API_URL,
      botUserId: env.SLACK_BOT_USER_ID,
      botId: env.SLACK_BOT_ID,
    };
  }
  if (env.MicrosoftAppId || env.AANZET_TEAMS_EMULATOR) {
    config.teams = {
      appId: env.MicrosoftAppId,
      appPassword: env.MicrosoftAppPassword,
      appType: env.MicrosoftAppType,
      appTenantId: env.MicrosoftAppTenantId,
      emulator: env.AANZET_TEAMS_EMULATOR,
      leads: teamsConversation(
        "AANZET_TEAMS_LEADS_CONVERSATION",
        env.AANZET_TEAMS_LEADS_CONVERSATION,
        env.AANZET_TEAMS_SERVICE_URL,
      ),
      coaches: teamsConversation(
        "AANZET_TEAMS_COACHES_CONVERSATION",
        env.AANZET_TEAMS_COACHES_CONVERSATION,
        env.AANZET_TEAMS_SERVICE_URL,
      ),
      typingAfterMs: env.AANZET_TEAMS_TYPING_MS,
    };
  }
  if (env.OPENAI_API_KEY || env.OPENAI_BASE_URL) {
    config.llm = {
      apiKey: env.OPENAI_API_KEY,
      baseUrl: env.OPENAI_BASE_URL,
      model: env.AANZET_LLM_MODEL,
      embedModel: env.AANZET_EMBED_MODEL,
      budgetMs: env.AANZET_LLM_BUDGET_MS,
    };
  }
  return config;
}
