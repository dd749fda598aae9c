// A chat channel port for tests that call the bot directly, as Slack or Teams would.
import type { ChannelCapabilities, ChannelPort } from "../../src/core/channel/port.js";

export const CHAT_CAPABILITIES: ChannelCapabilities = { hasThreads: true, rateLimited: true, overhears: true };

/** A shared chat channel (rate-limited, with threads). */
export function chatChannel(caps: Partial<ChannelCapabilities> = {}): ChannelPort {
  return { capabilities: { ...CHAT_CAPABILITIES, ...caps } };
}
