// What the core may ask of the chat channel a turn came from. Adapters implement it per turn;
// core features (rate limit, sparring, thread ownership, passive listening) use only this,
// never a channel's name.
/** What a channel can do. */
export interface ChannelCapabilities {
  /** Replies to a post form a thread of their own (Turn.thread), so the bot can own one. */
  hasThreads: boolean;
  /** Shared with many people (a workspace, a tenant): the per-user and per-channel limit applies. */
  rateLimited: boolean;
  /** Delivers messages not addressed to the bot (passive listening is possible). */
  overhears: boolean;
}

/** The channel, as seen from one turn. */
export interface ChannelPort {
  readonly capabilities: ChannelCapabilities;
}
