// The listening switch: `luister aan|uit` (Slack: `/aanzet luister aan`), coaches only, in a
// conversation that delivers messages not addressed to the bot. Announced before it starts:
// listening the channel was not told about must not begin.
import type { ChannelHandler } from "../bot.js";
import { errorCode } from "../errors.js";
import type { Clock, Store } from "../ports.js";
import { conversationKeys, isListening, type ListenState } from "./conversation.js";
import { CHANNEL_MSG } from "./messages.js";

const COMMAND = /^\/?luister(?:\s+(\S+))?\s*$/i;

export function listeningSwitch(deps: { store: Store; clock: Clock }): ChannelHandler {
  return async (turn, channel, { log }) => {
    const m = turn.direct && !turn.action ? COMMAND.exec(turn.text.trim()) : null;
    if (!m) return undefined;
    const say = (text: string) => [{ text, private: true }];
    if (turn.role !== "coach" && turn.role !== "admin") return say(CHANNEL_MSG.listenCoachOnly);
    if (!channel.capabilities.overhears) return say(CHANNEL_MSG.listenNotHere);
    const arg = m[1] ?? "";
    const on = /^(aan|on)$/i.test(arg);
    if (!on && !/^(uit|off)$/i.test(arg)) return say(CHANNEL_MSG.listenUsage);
    if (on === (await isListening(deps.store, turn)))
      return say(on ? CHANNEL_MSG.listenAlreadyOn : CHANNEL_MSG.listenAlreadyOff);
    try {
      await channel.announce({ text: on ? CHANNEL_MSG.listenOn : CHANNEL_MSG.listenOff });
    } catch (err) {
      if (errorCode(err) !== "FORBIDDEN") throw err;
      return say(CHANNEL_MSG.notInChannel);
    }
    const key = conversationKeys.listen(turn);
    if (on) {
      const state: ListenState = { by: turn.user, at: deps.clock.now().toISOString() };
      await deps.store.set(key, state);
    } else {
      await deps.store.delete(key);
    }
    log.info({ event: on ? "listen_on" : "listen_off", team: turn.team }, "passive listening switched");
    return [];
  };
}
