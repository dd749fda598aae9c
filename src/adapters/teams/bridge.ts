// Proactive sending through botbuilder's CloudAdapter: the one place (with channel.ts) that
// knows the SDK. The M365 Agents SDK has the same two calls (continueConversation and
// createConversationAsync on its CloudAdapter); a switch rewrites this file and channel.ts.
import type {
  CloudAdapter,
  ConversationParameters,
  ConversationReference,
  ResourceResponse,
  TurnContext,
} from "botbuilder";
import type { ChannelAccountLike } from "./activity.js";
import type { OutgoingActivity } from "./render.js";

/** A conversation the bot writes to outside the HTTP request that started the work. */
export interface ConversationTarget {
  conversationId: string;
  serviceUrl: string;
  tenantId?: string | undefined;
  /** Reply under this activity (a thread, or the message being answered); unset: a new post. */
  replyToId?: string | undefined;
  bot?: ChannelAccountLike | undefined;
}

/** What the turn logic needs beyond the current turn; tests pass a recording fake. */
export interface TeamsBridge {
  /** Post to a conversation; resolves with the ids Teams gave the posted activities. */
  post(target: ConversationTarget, activities: Array<OutgoingActivity | { type: "typing" }>): Promise<string[]>;
  /** Open the 1:1 chat with a user (Teams returns the existing one) and post there. */
  postToUser(
    user: { id: string; tenantId: string; serviceUrl: string; bot?: ChannelAccountLike | undefined },
    activities: OutgoingActivity[],
  ): Promise<string[]>;
}

function ids(responses: ResourceResponse[] | undefined): string[] {
  return (responses ?? []).map((r) => r?.id).filter((id): id is string => typeof id === "string");
}

/** Sent activities carry replyToId from the (synthetic) continuation activity: put in the
 * real one, or drop it so the connector posts a new message (sendToConversation). */
function fixReplyTo(ctx: TurnContext, replyToId: string | undefined): void {
  ctx.onSendActivities(async (_c, activities, next) => {
    for (const a of activities) {
      if (replyToId) a.replyToId = replyToId;
      else delete a.replyToId;
    }
    return next();
  });
}

/** The bridge over a CloudAdapter. `appId` is empty in emulator mode (no auth). */
export function cloudBridge(adapter: CloudAdapter, appId: string | undefined): TeamsBridge {
  const defaultBot: ChannelAccountLike = appId
    ? { id: `28:${appId}`, name: "aanzet" }
    : { id: "aanzet", name: "aanzet" };
  return {
    async post(target, activities) {
      const reference: Partial<ConversationReference> = {
        channelId: "msteams",
        serviceUrl: target.serviceUrl,
        conversation: {
          id: target.conversationId,
          tenantId: target.tenantId,
          isGroup: true,
          conversationType: "",
          name: "",
        },
        bot: { id: target.bot?.id ?? defaultBot.id!, name: target.bot?.name ?? defaultBot.name! },
      };
      let out: string[] = [];
      await adapter.continueConversationAsync(appId ?? "", reference, async (ctx) => {
        fixReplyTo(ctx, target.replyToId);
        out = ids(await ctx.sendActivities(activities));
      });
      return out;
    },
    async postToUser(user, activities) {
      const bot = { id: user.bot?.id ?? defaultBot.id!, name: user.bot?.name ?? defaultBot.name! };
      const params: ConversationParameters = {
        isGroup: false,
        bot,
        members: [{ id: user.id, name: "" }],
        tenantId: user.tenantId,
        channelData: { tenant: { id: user.tenantId } },
      };
      let out: string[] = [];
      // Audience undefined: the connector factory uses the cloud's default scope.
      await adapter.createConversationAsync(
        appId ?? "",
        "msteams",
        user.serviceUrl,
        undefined as unknown as string,
        params,
        async (ctx) => {
          fixReplyTo(ctx, undefined);
          out = ids(await ctx.sendActivities(activities));
        },
      );
      return out;
    },
  };
}
