// What the core may ask of the chat channel a turn came from. Adapters implement it per turn;
// core features (rate limit, sparring, thread ownership, passive listening) use only this,
// never a channel's name.
import type { Reply, Turn } from "../types.js";

/** What a channel can do. */
export interface ChannelCapabilities {
  /** Replies to a post form a thread of their own (Turn.thread), so the bot can own one. */
  hasThreads: boolean;
  /** Shared with many people (a workspace, a tenant): the per-user and per-channel limit applies. */
  rateLimited: boolean;
  /** This conversation delivers messages not addressed to the bot (passive listening is possible). */
  overhears: boolean;
  /** A button can open a text field inside the message (a Teams card form). */
  inlineForms: boolean;
}

/** A place the bot posts to outside the current conversation. */
export type Place = "coaches";

/** The channel, as seen from one turn. */
export interface ChannelPort {
  readonly capabilities: ChannelCapabilities;
  /** The turn's replies reach the sender only (a DM, a personal chat, a Slack ephemeral). */
  readonly privateHere: boolean;
  /** Post in `place`; resolves with the Turn.thread that replies to the post will carry, or
   * undefined when the place is not configured for this channel. */
  post(place: Place, reply: Reply): Promise<string | undefined>;
  /** Post a notice at the top of the turn's own conversation (not in its thread). Throws an
   * AanzetError FORBIDDEN when the bot may not post there. */
  announce(reply: Reply): Promise<void>;
  /** The raw address that reaches the turn's sender privately later (a DM). Raw personal data:
   * keep it only as long as needed, never log it. */
  replyAddress(): string | undefined;
  /** Send a reply privately to an address from replyAddress(). */
  dm(address: string, reply: Reply): Promise<void>;
  /** How a message names the sender to others (a mention, a display name); undefined: unknown. */
  senderName(): string | undefined;
  /** The thread the turn's message replies in; undefined for a message at the top level. */
  threadOf(turn: Turn): string | undefined;
}
