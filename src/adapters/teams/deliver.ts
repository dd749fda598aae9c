// Where each core Reply goes: the conversation the message came from (the thread, in a
// channel), the leads' or coaches' conversation, or the asker's personal chat.
import type { Config, TeamsConversationRef } from "../../config.js";
import { errorCode } from "../../core/errors.js";
import type { Log } from "../../core/ports.js";
import type { Reply } from "../../core/types.js";
import { isPersonal, tenantOf, userOf, type TeamsActivity } from "./activity.js";
import type { TeamsBridge } from "./bridge.js";
import { TEAMS_MSG } from "./messages.js";
import { renderReply, textActivity, type OutgoingActivity } from "./render.js";

/** Sends into the conversation of the activity being answered (in-turn or proactive). */
export type SendHere = (activities: OutgoingActivity[]) => Promise<string[]>;

type TeamsSettings = NonNullable<Config["teams"]>;

export class Deliverer {
  constructor(
    private readonly bridge: TeamsBridge,
    private readonly settings: TeamsSettings,
    private readonly tenantFallback: string,
  ) {}

  /** Deliver a turn's replies. A failure to answer here throws (the turn's error handler
   * apologises); a failed notice elsewhere is logged and the rest still goes out. */
  async deliver(replies: Reply[], origin: TeamsActivity, here: SendHere, log: Log): Promise<void> {
    for (const reply of replies) {
      const activities = renderReply(reply);
      if (activities.length === 0) continue;
      const kind = reply.target?.kind;
      if (kind === "leads" || kind === "coaches") {
        await this.toConfigured(kind, activities, origin, log);
      } else if (kind === "user" && reply.target?.id && reply.target.id !== userOf(origin)) {
        await this.toUser(reply.target.id, activities, origin, log);
      } else if ((reply.private || kind === "user") && !isPersonal(origin)) {
        await this.privately(activities, origin, here, log);
      } else {
        await here(activities);
      }
    }
  }

  private async toConfigured(
    kind: "leads" | "coaches",
    activities: OutgoingActivity[],
    origin: TeamsActivity,
    log: Log,
  ): Promise<void> {
    const ref: TeamsConversationRef | undefined = kind === "leads" ? this.settings.leads : this.settings.coaches;
    if (!ref) {
      log.info(
        { code: kind === "leads" ? "TEAMS_LEADS_NOT_CONFIGURED" : "TEAMS_COACHES_NOT_CONFIGURED" },
        "notice not sent: no conversation configured",
      );
      return;
    }
    try {
      await this.bridge.post(
        {
          conversationId: ref.conversationId,
          serviceUrl: ref.serviceUrl,
          tenantId: ref.tenantId ?? tenantOf(origin, this.tenantFallback),
        },
        activities,
      );
      log.info({ code: "TEAMS_NOTICE_SENT", target: kind, activities: activities.length }, "notice sent");
    } catch (err) {
      log.warn({ code: "TEAMS_NOTICE_FAILED", target: kind, cause: errorCode(err) }, "notice not sent");
    }
  }

  private async toUser(userId: string, activities: OutgoingActivity[], origin: TeamsActivity, log: Log): Promise<void> {
    try {
      await this.bridge.postToUser(
        {
          id: userId,
          tenantId: tenantOf(origin, this.tenantFallback),
          serviceUrl: origin.serviceUrl ?? "",
          bot: origin.recipient,
        },
        activities,
      );
    } catch (err) {
      log.warn({ code: "TEAMS_DIRECT_FAILED", cause: errorCode(err) }, "direct message not sent");
    }
  }

  /** Teams has no ephemeral messages in channels: private replies go to the personal chat. */
  private async privately(
    activities: OutgoingActivity[],
    origin: TeamsActivity,
    here: SendHere,
    log: Log,
  ): Promise<void> {
    try {
      await this.bridge.postToUser(
        {
          id: origin.from?.id ?? "",
          tenantId: tenantOf(origin, this.tenantFallback),
          serviceUrl: origin.serviceUrl ?? "",
          bot: origin.recipient,
        },
        activities,
      );
      await here([textActivity(TEAMS_MSG.privateSent)]);
    } catch (err) {
      log.warn({ code: "TEAMS_DIRECT_FAILED", cause: errorCode(err) }, "private reply not sent");
      await here([textActivity(TEAMS_MSG.privateFailed)]);
    }
  }
}
