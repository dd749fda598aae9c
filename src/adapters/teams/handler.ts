// The turn logic: one activity in, replies out, within Teams' 15-second limit. Work that takes
// longer than `typingAfterMs` gets a typing indicator at once; its result is then posted
// proactively after the HTTP request has been answered. SDK-free: the caller passes `send`
// (the SDK's turn context) and a TeamsBridge for proactive posts.
import type { App } from "../../features/feature.js";
import { errorCode } from "../../core/errors.js";
import { MSG } from "../../core/messages.js";
import type { Reply } from "../../core/types.js";
import { runQueued } from "../../server/work-queue.js";
import { isPersonal, tenantOf, type TeamsActivity } from "./activity.js";
import type { TeamsBridge } from "./bridge.js";
import { Deliverer, type SendHere } from "./deliver.js";
import { textActivity, type OutgoingActivity } from "./render.js";
import { teamsPort } from "./port.js";
import { toTurn } from "./to-turn.js";

export type WireActivity =
  | OutgoingActivity
  | { type: "typing" }
  | { type: "invokeResponse"; value: { status: number; body?: unknown } };

/** The current turn as the handler sees it. */
export interface TurnIO {
  activity: TeamsActivity & { membersAdded?: Array<{ id?: string }> };
  /** Send into the activity's conversation, as replies to it; resolves with posted ids. */
  send(activities: WireActivity[]): Promise<string[]>;
}

export interface HandlerDeps {
  app: App;
  bridge: TeamsBridge;
  /** Keeps background deliveries visible (graceful stop, tests). */
  track(work: Promise<unknown>): void;
}

const UNIVERSAL_ACTION_OK = {
  status: 200,
  body: { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: "" },
};
const TYPING_RENEW_MS = 3000;

async function within<T>(work: Promise<T>, ms: number): Promise<{ value: T } | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work.then((value) => ({ value })), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Build the handler for one Teams turn. Throws only when answering here fails (the SDK's
 * onTurnError then apologises). */
export function createTurnHandler(deps: HandlerDeps): (io: TurnIO) => Promise<void> {
  const { app, bridge } = deps;
  const settings = app.config.teams ?? { emulator: true, typingAfterMs: 2000 };
  const deliverer = new Deliverer(bridge, settings, app.config.tenant);
  return async (io) => {
    const a = io.activity;
    if (a.type === "invoke") {
      if (a.name !== "adaptiveCard/action") {
        await io.send([{ type: "invokeResponse", value: { status: 501 } }]);
        return;
      }
      await io.send([{ type: "invokeResponse", value: UNIVERSAL_ACTION_OK }]);
    } else if (a.type === "conversationUpdate") {
      // Installed in a personal chat: say what the bot does, once.
      if (isPersonal(a) && (a.membersAdded ?? []).some((m) => m.id && m.id === a.recipient?.id))
        await io.send([textActivity(MSG.help)]);
      return;
    } else if (a.type !== "message") {
      return;
    }
    const tenant = tenantOf(a, app.config.tenant);
    const log = app.log.child({ channel: "teams", tenant, turnId: a.id });

    const turn = toTurn(a, app.config);
    if (!turn) return;
    const here: SendHere = (activities) => io.send(activities);
    // Through the work queue (bounded); full: a short "druk" reply, not silence.
    const work = runQueued(app.work, () => app.bot.handle(turn, teamsPort(a, tenant, settings, bridge)));
    if (!work) {
      await io.send([textActivity(MSG.busy)]);
      return;
    }
    const quick = await within(work, settings.typingAfterMs);
    if (quick) {
      await deliverer.deliver(quick.value, a, here, log);
      return;
    }
    // Teams gives up on a turn after 15 s: show we are busy and answer proactively.
    await io.send([{ type: "typing" }]);
    log.info({ code: "TEAMS_SLOW_TURN", afterMs: settings.typingAfterMs }, "answering proactively");
    const target = {
      conversationId: a.conversation?.id ?? "",
      serviceUrl: a.serviceUrl ?? "",
      tenantId: tenant,
      replyToId: a.id,
      bot: a.recipient,
    };
    const later: SendHere = (activities) => bridge.post(target, activities);
    // Teams shows a typing indicator for about 3 s: renew it while the work goes on.
    const typing = setInterval(() => {
      bridge.post(target, [{ type: "typing" }]).catch(() => undefined);
    }, TYPING_RENEW_MS);
    typing.unref();
    deps.track(
      work
        .then((replies: Reply[]) => deliverer.deliver(replies, a, later, log))
        .catch(async (err: unknown) => {
          const code = errorCode(err);
          log.error({ code, stage: "proactive" }, "proactive answer failed");
          await later([textActivity(MSG.failure(code))]).catch((e: unknown) =>
            log.warn({ code: "TEAMS_SEND_FAILED", cause: errorCode(e) }, "apology not sent"),
          );
        })
        .finally(() => clearInterval(typing)),
    );
  };
}
