// Anonymous sparring, the same in every channel: `anoniem <vraag>` in a private conversation
// posts the scrubbed question to the coaches without the asker's name; a coach's answer in
// that thread (or with the card's answer form) is sent to the asker privately.
//
// What is kept, in one place and for one time (SPAR_TTL_MS):
//   spar:<tenant>:<id>             { id, user: asker's pseudonym, address, thread, at }
//   sparthread:<tenant>:<thread>   { id }   (the coaches' thread -> the case)
// `address` is the only raw personal data: the channel address that reaches the asker (a
// Slack user id, a Teams conversation). It is needed to send the answer, is never logged,
// expires with the record, and `aanzet erase --user` finds the record by the pseudonym.
import { randomBytes } from "node:crypto";
import type { ChannelHandler, OverheardInterest, SafeTurn } from "../bot.js";
import { CHANNEL_MSG } from "../channel/messages.js";
import type { ChannelPort } from "../channel/port.js";
import { errorCode } from "../errors.js";
import type { Clock, Log, Store } from "../ports.js";
import type { Reply } from "../types.js";

/** Coaches may answer for a week; then the link back to the asker is gone. */
export const SPAR_TTL_MS = 7 * 86_400_000;
/** The action of the answer form under a question (value: the sparring id). */
export const SPAR_REPLY = "spar:reply";

export interface SparRecord {
  id: string;
  /** Pseudonym of the asker. */
  user: string;
  /** Raw channel address of the asker (see above). */
  address: string;
  /** The coaches' thread of the question. */
  thread: string;
  at: string;
}

const ASK = /^\/?anoniem(?=$|[\s:,])[\s:,]*([\s\S]*)$/i;

/** `anoniem <vraag>` (also `/anoniem`): the question; undefined for any other text. */
export function anonymousQuestion(text: string): string | undefined {
  const m = ASK.exec(text.trim());
  return m ? m[1]!.trim() : undefined;
}

export const sparKeys = {
  spar: (tenant: string, id: string) => `spar:${tenant}:${id}`,
  thread: (tenant: string, thread: string) => `sparthread:${tenant}:${thread}`,
};

export class Sparring {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  /** Overheard messages it wants: those in the coaches' thread of a question. */
  overhears(): OverheardInterest {
    return async (turn) => (await this.deps.store.get(sparKeys.thread(turn.tenant, turn.thread))) !== undefined;
  }

  /** The channel handler: asks, and relays coaches' answers. */
  handler(): ChannelHandler {
    return async (turn, channel, { log }) => {
      if (turn.action?.id === SPAR_REPLY) return this.relay(turn, channel, turn.action.value ?? "", log);
      const question = turn.direct && !turn.action ? anonymousQuestion(turn.text) : undefined;
      if (question !== undefined) return this.ask(turn, channel, question, log);
      const link = await this.deps.store.get<{ id: string }>(sparKeys.thread(turn.tenant, turn.thread));
      if (link && !turn.action) return this.relay(turn, channel, link.id, log);
      return undefined;
    };
  }

  private async ask(turn: SafeTurn, channel: ChannelPort, question: string, log: Log): Promise<Reply[]> {
    if (!channel.privateHere) return [{ text: CHANNEL_MSG.anonOnlyPrivate }];
    if (!question) return [{ text: CHANNEL_MSG.anonEmpty }];
    const address = channel.replyAddress();
    if (!address) return [{ text: CHANNEL_MSG.anonRelayFailed }];
    const id = randomBytes(6).toString("hex");
    const caps = channel.capabilities;
    const how = caps.inlineForms
      ? CHANNEL_MSG.anonAnswerWithButton
      : caps.overhears
        ? CHANNEL_MSG.anonAnswerInThread
        : CHANNEL_MSG.anonAnswerWithMention;
    const post: Reply = {
      text: CHANNEL_MSG.anonQuestion(question, how),
      ...(caps.inlineForms
        ? { buttons: [{ label: CHANNEL_MSG.anonAnswerButton, action: SPAR_REPLY, value: id }] }
        : {}),
    };
    // The turn's text is already scrubbed: the coaches see no names, numbers or addresses.
    const thread = await channel.post("coaches", post);
    if (thread === undefined) return [{ text: CHANNEL_MSG.anonOff }];
    const rec: SparRecord = { id, user: turn.user, address, thread, at: this.deps.clock.now().toISOString() };
    await this.deps.store.set(sparKeys.spar(turn.tenant, id), rec, SPAR_TTL_MS);
    await this.deps.store.set(sparKeys.thread(turn.tenant, thread), { id }, SPAR_TTL_MS);
    log.info({ event: "anon_posted", spar: id }, "anonymous question posted to coaches");
    return [{ text: CHANNEL_MSG.anonPosted }];
  }

  /** A coach answered: send it to the asker. Overheard answers get no reply in the thread. */
  private async relay(turn: SafeTurn, channel: ChannelPort, id: string, log: Log): Promise<Reply[]> {
    const quiet = (r: Reply[]): Reply[] => (turn.direct ? r : []);
    const rec = id ? await this.deps.store.get<SparRecord>(sparKeys.spar(turn.tenant, id)) : undefined;
    if (!rec) return quiet([{ text: CHANNEL_MSG.anonGone }]);
    // Only from the question's own thread (a form is not pressed elsewhere).
    if (rec.thread !== turn.thread) return quiet([{ text: CHANNEL_MSG.anonGone }]);
    const text = turn.text.trim();
    if (!text) return quiet([{ text: CHANNEL_MSG.anonAnswerEmpty }]);
    try {
      await channel.dm(rec.address, { text: CHANNEL_MSG.anonRelay(channel.senderName(), text) });
    } catch (err) {
      log.warn({ code: errorCode(err), spar: id }, "anonymous answer not relayed");
      return quiet([{ text: CHANNEL_MSG.anonRelayFailed }]);
    }
    log.info({ event: "anon_relayed", spar: id }, "coach reply relayed to anonymous asker");
    return quiet([{ text: CHANNEL_MSG.anonRelayed }]);
  }
}
