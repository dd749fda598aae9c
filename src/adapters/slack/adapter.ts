// The Slack channel for `aanzet serve`: a Bolt App over HTTP (ExpressReceiver on the shared
// express app at POST /slack/events; guard.ts checks signature, timestamp and shape first, then Bolt) or over Socket Mode when
// SLACK_APP_TOKEN is set. Listeners live in events/commands/actions/views.ts.
import { malformedPayloadHandler, slackGuard } from "./guard.js";
import { App as BoltApp, ExpressReceiver, SocketModeReceiver, webApi, type Receiver } from "@slack/bolt";
import express from "express";
import type { App } from "../../features/feature.js";
import { AanzetError } from "../../core/errors.js";
import type { Log } from "../../core/ports.js";
import type { ChannelAdapter } from "../../features/feature.js";
import { onBlockAction } from "./actions.js";
import { boltLogger } from "./bolt-logger.js";
import { commandListeners } from "./commands.js";
import { roleResolver, slackErrorCode, type SlackDeps } from "./context.js";
import { eventListeners } from "./events.js";
import { SLACK_ENDPOINT, boltRegistrar, registerListeners } from "./registration.js";
import { viewListeners } from "./views.js";

type SlackConfig = NonNullable<App["config"]["slack"]>;

/** Web API client settings: rate limits (429 + Retry-After) are waited out and retried, never
 * dropped; network errors are retried a few times; no call waits forever. */
export function webClientOptions(slack: SlackConfig, log: Log): webApi.WebClientOptions {
  return {
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl.endsWith("/") ? slack.apiUrl : `${slack.apiUrl}/` } : {}),
    rejectRateLimitedCalls: false,
    retryConfig: { retries: 5, factor: 2, minTimeout: 200, maxTimeout: 10_000, randomize: true },
    timeout: 10_000,
    logger: boltLogger(log),
  };
}

/** The bot's ids: from config (SLACK_BOT_ID, SLACK_BOT_USER_ID), else one auth.test at start.
 * Bolt then never calls auth.test per event. */
async function botIdentity(
  slack: SlackConfig,
  options: webApi.WebClientOptions,
): Promise<{ botId: string; botUserId: string }> {
  if (slack.botId && slack.botUserId) return { botId: slack.botId, botUserId: slack.botUserId };
  try {
    const res = await new webApi.WebClient(slack.botToken, options).auth.test();
    if (!res.user_id || !res.bot_id) throw new Error("auth.test returned no bot ids");
    return { botId: slack.botId ?? res.bot_id, botUserId: slack.botUserId ?? res.user_id };
  } catch (err) {
    throw new AanzetError(
      "CONFIG_INVALID",
      `Slack auth.test failed (${slackErrorCode(err) ?? "no answer"}): check SLACK_BOT_TOKEN and SLACK_API_URL, or set SLACK_BOT_ID and SLACK_BOT_USER_ID`,
      { cause: err },
    );
  }
}

/** How long `serve` waits for the first Socket Mode connection before going on without it. */
const SOCKET_START_WAIT_MS = 10_000;

/** Connect Socket Mode. The client keeps reconnecting by itself, so an unreachable Slack must
 * not keep `serve` (and /healthz) from starting: wait a while, then log and go on. */
async function startSocket(bolt: BoltApp, log: Log): Promise<void> {
  const started = bolt.start().then(
    () => true,
    (err: unknown) => {
      log.error({ code: "HANDLER_FAILED", slackError: slackErrorCode(err) }, "slack socket mode failed to start");
      return true;
    },
  );
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), SOCKET_START_WAIT_MS);
    timer.unref();
  });
  const connected = await Promise.race([started, waited]);
  clearTimeout(timer);
  if (!connected)
    log.warn({ code: "HANDLER_FAILED" }, "slack socket mode not connected yet; retrying in the background");
}

/** Build the Slack channel, or undefined when SLACK_BOT_TOKEN is not set. */
export async function createSlackAdapter(app: App): Promise<ChannelAdapter | undefined> {
  const slack = app.config.slack;
  if (!slack) return undefined;
  const socketMode = !!slack.appToken;
  if (!socketMode && !slack.signingSecret) {
    throw new AanzetError(
      "CONFIG_INVALID",
      "SLACK_SIGNING_SECRET is required for Slack over HTTP (or set SLACK_APP_TOKEN for Socket Mode)",
    );
  }
  const log = app.log.child({ channel: "slack" });
  const logger = boltLogger(log);
  const clientOptions = webClientOptions(slack, log);
  const ids = await botIdentity(slack, clientOptions);

  const router = express.Router();
  let receiver: Receiver;
  if (socketMode) {
    receiver = new SocketModeReceiver({ appToken: slack.appToken!, logger, installerOptions: { clientOptions } });
  } else {
    // processBeforeResponse false: Bolt answers 200 on ack(), then the listener does the work.
    receiver = new ExpressReceiver({
      signingSecret: slack.signingSecret!,
      endpoints: SLACK_ENDPOINT,
      router,
      logger,
      processBeforeResponse: false,
      processEventErrorHandler: malformedPayloadHandler((status, reason) =>
        log.warn({ code: "SLACK_BAD_REQUEST", status, reason }, "slack request refused"),
      ),
    });
  }
  const bolt = new BoltApp({
    token: slack.botToken,
    botId: ids.botId,
    botUserId: ids.botUserId,
    receiver,
    logger,
    clientOptions,
    convoStore: false,
  });
  // Last net: listeners catch their own failures; anything left is logged, never rethrown.
  bolt.error(async (err) => {
    log.error({ code: "HANDLER_FAILED", slackError: slackErrorCode(err), err: err.name }, "slack listener failed");
  });

  const deps: SlackDeps = {
    app,
    bot: app.bot,
    store: app.store,
    log,
    config: app.config,
    botUserId: ids.botUserId,
    coachesChannel: app.config.env.AANZET_COACHES_CHANNEL,
    leadsChannel: app.config.env.AANZET_LEADS_CHANNEL,
    roleOf: roleResolver(app.config, log, app.roles),
  };
  registerListeners(boltRegistrar(bolt, deps), {
    events: eventListeners(deps),
    commands: commandListeners(deps),
    actions: onBlockAction(deps),
    views: viewListeners(deps),
  });

  return {
    name: "slack",
    mount(web) {
      if (socketMode) return;
      const guard = slackGuard({ signingSecret: slack.signingSecret!, now: () => app.clock.now() }, (status, reason) =>
        log.warn(
          { code: status === 401 ? "SLACK_UNAUTHORIZED" : "SLACK_BAD_REQUEST", reason },
          "slack request refused",
        ),
      );
      web.post(SLACK_ENDPOINT, ...guard);
      web.use(router);
    },
    async start() {
      if (socketMode) await startSocket(bolt, log);
      log.info({ mode: socketMode ? "socket" : "http", botUserId: ids.botUserId }, "slack channel ready");
    },
    async stop() {
      if (socketMode) await bolt.stop();
    },
  };
}
