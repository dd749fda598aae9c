// A chat channel port for tests that call the bot directly, as Slack or Teams would. Posts
// and DMs are recorded.
import type { ChannelCapabilities, ChannelPort } from "../../src/core/channel/port.js";
import type { Reply } from "../../src/core/types.js";

export const CHAT_CAPABILITIES: ChannelCapabilities = {
  hasThreads: true,
  rateLimited: true,
  overhears: true,
  inlineForms: false,
};

export interface RecordingChannel extends ChannelPort {
  posts: Array<{ place: string; reply: Reply }>;
  dms: Array<{ address: string; reply: Reply }>;
}

/** A shared chat channel (rate-limited, with threads). */
export function chatChannel(
  caps: Partial<ChannelCapabilities> = {},
  o: { privateHere?: boolean; address?: string; name?: string } = {},
): RecordingChannel {
  const posts: RecordingChannel["posts"] = [];
  const dms: RecordingChannel["dms"] = [];
  return {
    capabilities: { ...CHAT_CAPABILITIES, ...caps },
    privateHere: o.privateHere ?? true,
    posts,
    dms,
    async post(place, reply) {
      posts.push({ place, reply });
      return `coaches:${posts.length}`;
    },
    async announce(reply) {
      posts.push({ place: "here", reply });
    },
    replyAddress: () => o.address,
    async dm(address, reply) {
      dms.push({ address, reply });
    },
    senderName: () => o.name,
    threadOf: () => undefined,
  };
}
