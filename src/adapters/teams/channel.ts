// The Teams channel: botbuilder's CloudAdapter at POST /api/messages on the shared express app.
// Auth: with MicrosoftAppId the Bot Framework JWT is checked on every request (401 without
// it); AANZET_TEAMS_EMULATOR=1 without an app id turns auth off and accepts loopback only.
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from "botbuilder";
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import type { App } from "../../features/feature.js";
import { errorCode } from "../../core/errors.js";
import { MSG } from "../../core/messages.js";
import type { Log } from "../../core/ports.js";
import type { ChannelAdapter } from "../../features/feature.js";
import { cloudBridge } from "./bridge.js";
import { activityShapeProblem, unacceptableToken } from "./guard.js";
import { createTurnHandler, type TurnIO, type WireActivity } from "./handler.js";
import { isLoopback } from "./loopback.js";
import { textActivity } from "./render.js";

export const TEAMS_PATH = "/api/messages";

/** CloudAdapter.process() prints auth failures with console.error and hides the status; this
 * exposes processActivity so the route can answer and log in aanzet's own way. */
class AanzetCloudAdapter extends CloudAdapter {
  run(
    authHeader: string,
    activity: Activity,
    logic: (ctx: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

export interface TeamsChannel extends ChannelAdapter {
  /** Resolves when every proactive (slow-path) delivery has finished. */
  settled(): Promise<void>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The Bot Framework sends ISO timestamps; the SDK expects Date objects (as its own
 * validateAndFixActivity does inside CloudAdapter.process). */
function toActivity(body: Record<string, unknown>): Activity {
  const a = { ...body } as Record<string, unknown>;
  for (const key of ["timestamp", "localTimestamp", "expiration"]) {
    if (typeof a[key] === "string") a[key] = new Date(a[key] as string);
  }
  return a as unknown as Activity;
}

function statusOf(err: unknown): number | undefined {
  const s = isRecord(err) ? err.statusCode : undefined;
  return typeof s === "number" ? s : undefined;
}

/** Never a crash: log the code and tell the user in Dutch (any BotAdapter's onTurnError). */
export function turnErrorHandler(log: Log): (ctx: TurnContext, err: Error) => Promise<void> {
  return async (ctx, err) => {
    const code = errorCode(err);
    log.error(
      { code, turnId: ctx.activity?.id, err: err instanceof Error ? err.name : typeof err },
      "teams turn failed",
    );
    try {
      if (ctx.activity?.type === "message") await ctx.sendActivity(textActivity(MSG.failure(code)));
    } catch (sendErr) {
      log.warn({ code: "TEAMS_SEND_FAILED", cause: errorCode(sendErr) }, "apology not sent");
    }
  };
}

/** The SDK turn callback around the SDK-free handler (CloudAdapter, TestAdapter). */
export function sdkLogic(handle: (io: TurnIO) => Promise<void>): (ctx: TurnContext) => Promise<void> {
  return async (ctx) => {
    await handle({
      activity: ctx.activity as unknown as TurnIO["activity"],
      send: async (activities: WireActivity[]) => {
        if (activities.length === 0) return [];
        const sent = await ctx.sendActivities(activities as Partial<Activity>[]);
        return sent.map((r) => r?.id).filter((id): id is string => typeof id === "string");
      },
    });
  };
}

/** The Teams channel for `app`, or undefined when Teams is not configured. */
export function createTeamsChannel(app: App): TeamsChannel | undefined {
  const settings = app.config.teams;
  if (!settings) return undefined;
  const log: Log = app.log.child({ channel: "teams" });
  const appId = settings.appId?.trim() || undefined;
  const authOn = !!appId;
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: settings.appPassword,
    MicrosoftAppType: settings.appType,
    MicrosoftAppTenantId: settings.appTenantId,
  });
  const adapter = new AanzetCloudAdapter(auth);
  const bridge = cloudBridge(adapter, appId);
  const pending = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>): void => {
    const p = work.finally(() => pending.delete(p));
    pending.add(p);
  };
  const handle = createTurnHandler({ app, bridge, track });

  adapter.onTurnError = turnErrorHandler(log);
  const logic = sdkLogic(handle);

  const guard = (req: Request, res: Response, next: NextFunction): void => {
    if (authOn) {
      // No token, or one that cannot be a signed Bot Framework token (e.g. `alg: none`):
      // refuse before reading the body (the SDK would refuse too, but some forms become a 500).
      if (unacceptableToken(req.headers.authorization)) {
        log.warn({ code: "TEAMS_UNAUTHORIZED", reason: "no signed token" }, "teams request refused");
        res.status(401).json({ error: "unauthorized" });
        return;
      }
    } else if (!isLoopback(req.socket.remoteAddress)) {
      log.warn({ code: "FORBIDDEN", reason: "emulator mode accepts loopback only" }, "teams request refused");
      res.status(403).json({ error: "forbidden" });
      return;
    }
    next();
  };

  const route = async (req: Request, res: Response): Promise<void> => {
    const body: unknown = req.body;
    if (!isRecord(body) || typeof body.type !== "string") {
      res.status(400).json({ error: "expected a Bot Framework activity" });
      return;
    }
    const problem = activityShapeProblem(body);
    if (problem) {
      res.status(400).json({ error: `invalid activity: ${problem}` });
      return;
    }
    try {
      const invoke = await adapter.run(req.headers.authorization ?? "", toActivity(body), logic);
      res.status(invoke?.status ?? 200);
      if (invoke?.body !== undefined) res.json(invoke.body);
      else res.end();
    } catch (err) {
      if (statusOf(err) === 401) {
        log.warn({ code: "TEAMS_UNAUTHORIZED", reason: "invalid token" }, "teams request refused");
        res.status(401).json({ error: "unauthorized" });
        return;
      }
      log.error(
        { code: errorCode(err), turnId: typeof body.id === "string" ? body.id : undefined },
        "teams request failed",
      );
      if (!res.headersSent) res.status(500).json({ error: "internal error" });
    }
  };

  return {
    name: "teams",
    mount(web: Express) {
      if (!authOn)
        log.warn(
          { code: "TEAMS_NO_AUTH" },
          "Teams endpoint without Bot Framework auth (AANZET_TEAMS_EMULATOR=1): loopback only",
        );
      else if (!settings.appPassword && !/msi/i.test(settings.appType ?? "")) {
        log.warn(
          { code: "TEAMS_NO_PASSWORD" },
          "MicrosoftAppId is set without MicrosoftAppPassword: replies will fail to authenticate",
        );
      }
      web.post(TEAMS_PATH, guard, express.json({ limit: "512kb" }), (req, res, next) => {
        route(req, res).catch(next);
      });
      // A body that is not JSON: 400 here rather than the generic 500.
      web.use(TEAMS_PATH, (err: unknown, _req: Request, res: Response, next: NextFunction) => {
        if (statusOf(err) === 400 || (isRecord(err) && err.type === "entity.parse.failed")) {
          if (!res.headersSent) res.status(400).json({ error: "invalid JSON" });
          return;
        }
        next(err);
      });
    },
    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    async stop() {
      // Let proactive answers finish (they are promised to people), but not forever.
      await Promise.race([this.settled(), new Promise((r) => setTimeout(r, 10_000).unref())]);
    },
  };
}
