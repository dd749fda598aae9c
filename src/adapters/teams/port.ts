// The core's channel port for one Teams turn: what Teams can do, and how to post for it.
import type { Config } from "../../config.js";
import type { ChannelCapabilities, ChannelPort } from "../../core/channel/port.js";
import { isPersonal, type TeamsActivity } from "./activity.js";
import type { TeamsBridge } from "./bridge.js";
import { renderReply } from "./render.js";

/** Teams: channel threads, a shared tenant (rate-limited), card forms; only messages that
 * @mention the bot arrive, so it overhears nothing. */
export const TEAMS_CAPABILITIES: ChannelCapabilities = {
  hasThreads: true,
  rateLimited: true,
  overhears: false,
  inlineForms: true,
};

/** The raw address of a conversation: its id and the connector that serves it. */
interface Address {
  conversationId: string;
  serviceUrl: string;
}

type TeamsSettings = NonNullable<Config["teams"]>;

/** The port for the turn of activity `a` in `tenant`. */
export function teamsPort(a: TeamsActivity, tenant: string, settings: TeamsSettings, bridge: TeamsBridge): ChannelPort {
  return {
    capabilities: TEAMS_CAPABILITIES,
    // No ephemeral messages in Teams: only a personal chat is private.
    privateHere: isPersonal(a),
    async post(place, reply) {
      const ref = place === "coaches" ? settings.coaches : undefined;
      if (!ref) return undefined;
      const ids = await bridge.post(
        { conversationId: ref.conversationId, serviceUrl: ref.serviceUrl, tenantId: ref.tenantId ?? tenant },
        renderReply(reply),
      );
      // In a channel, replies to the new post live in the conversation `<channel>;messageid=<post>`.
      return ids[0] ? `${ref.conversationId};messageid=${ids[0]}` : ref.conversationId;
    },
    async announce(reply) {
      const root = a.conversation?.id?.split(";")[0];
      if (!root || !a.serviceUrl) return;
      await bridge.post({ conversationId: root, serviceUrl: a.serviceUrl, tenantId: tenant }, renderReply(reply));
    },
    replyAddress() {
      if (!a.conversation?.id || !a.serviceUrl) return undefined;
      const address: Address = { conversationId: a.conversation.id, serviceUrl: a.serviceUrl };
      return JSON.stringify(address);
    },
    async dm(address, reply) {
      const to = JSON.parse(address) as Address;
      await bridge.post(
        { conversationId: to.conversationId, serviceUrl: to.serviceUrl, tenantId: tenant, bot: a.recipient },
        renderReply(reply),
      );
    },
    senderName: () => a.from?.name || undefined,
    threadOf: () => (a.conversation?.id?.includes(";messageid=") ? a.conversation.id : undefined),
  };
}
