// The channel-agnostic bot: one Turn in, Replies out. Order of work for every message:
// size check -> rate limit -> scrub -> dedupe -> channel features (sparring, listening
// switch) -> overheard? in an owned thread: addressed, else log only where listening is on
// -> plugins (flows, feedback, review) -> pending clarify -> answer from the map -> log.
// Nothing unscrubbed leaves this function.
import type { Answerer } from "./answer/answerer.js";
import { errorCode } from "./errors.js";
import type { RegulationMap } from "./map/regulation-map.js";
import type { Clock, Log, Store } from "./ports.js";
import { scrub } from "./privacy/index.js";
import { pseudonymize } from "./pseudonym.js";
import { QuestionLog, type QuestionRecord } from "./question-log.js";
import type { Answer, Button, Reply, Role, Turn } from "./types.js";
import type { RateLimiter } from "./rate-limit.js";
import { helpFor, MSG } from "./messages.js";
import { isListening, ownsThread, ownThread } from "./channel/conversation.js";
import type { ChannelPort } from "./channel/port.js";
import { clarifyKey, resolveClarify, type PendingClarify } from "./clarify.js";
import { answerFollowUp, THREAD_FACTS_TTL_MS, type ThreadFacts, threadFactsKey } from "./thread-facts.js";

/** A Turn after scrubbing: `text` is safe to store; `user` is the pseudonym. */
export interface SafeTurn extends Omit<Turn, "text" | "user"> {
  text: string;
  user: string;
  /** The channel's own user id, for replies addressed to the person (never stored). */
  rawUser: string;
  at: Date;
}

/** What plugins (flows, feedback, knelpunten review) get to work with. */
export interface TurnContext {
  bot: Bot;
  log: Log;
  /** Answer a scrubbed question from the map (and log it), as the bot's default path does. */
  ask(turn: SafeTurn, question?: string): Promise<Reply[]>;
}

/** A plugin step: return replies to end the turn, or undefined to pass it on. */
export type TurnHandler = (turn: SafeTurn, ctx: TurnContext) => Promise<Reply[] | undefined>;

/** A channel feature step (sparring, the listening switch): sees every turn that came with a
 * channel port, addressed or overheard. Return replies to end the turn, or undefined. */
export type ChannelHandler = (turn: SafeTurn, channel: ChannelPort, ctx: TurnContext) => Promise<Reply[] | undefined>;

/** Whether a channel feature wants an overheard (unaddressed) turn; asked before the turn is
 * scrubbed or stored, so it sees ids only (tenant, thread), never text. */
export type OverheardInterest = (turn: Turn) => Promise<boolean>;

/** Told about every logged question (answered or not): pattern detection listens here. */
export type QuestionListener = (rec: QuestionRecord) => Promise<Reply[] | void>;

/** Post-processing of an answer (e.g. an LLM rephrasing, coach confirmation mark). */
export type AnswerDecorator = (answer: Answer, turn: SafeTurn) => Promise<Answer>;

export interface BotOptions {
  map: RegulationMap;
  answerer: Answerer;
  store: Store;
  clock: Clock;
  log: Log;
  secret: string;
  maxMessageChars: number;
  retentionDays: number;
  /** Fixed "today" for date-bound rules; default: the clock's date. */
  today?: string | undefined;
  /** Per-user and per-channel limit for turns from rate-limited channels (console and replay
   * are not). */
  rateLimit?: RateLimiter | undefined;
  /** The role from stored per-tenant settings, combined with the adapter's; never lowers it. */
  roleOf?: ((turn: Turn) => Promise<Role>) | undefined;
  /** The scrubber (one that knows the map's words); default the plain `scrub`. */
  scrub?: ((text: string) => { text: string }) | undefined;
}

const DEDUPE_TTL_MS = 24 * 3600 * 1000;

export class Bot {
  readonly map: RegulationMap;
  readonly answerer: Answerer;
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Log;
  readonly questions: QuestionLog;
  private readonly handlers: TurnHandler[] = [];
  private readonly channelHandlers: Array<{ handle: ChannelHandler; overhears?: OverheardInterest }> = [];
  private readonly listeners: QuestionListener[] = [];
  private readonly decorators: AnswerDecorator[] = [];
  private readonly answerButtons: Array<(a: Answer, t: SafeTurn, rec: QuestionRecord) => Button[]> = [];

  constructor(private readonly opts: BotOptions) {
    this.map = opts.map;
    this.answerer = opts.answerer;
    this.store = opts.store;
    this.clock = opts.clock;
    this.log = opts.log;
    this.questions = new QuestionLog(opts.store, opts.clock, opts.log, opts.retentionDays * 86_400_000);
  }

  /** Plugins run in registration order before the default answer path. */
  use(handler: TurnHandler): this {
    this.handlers.push(handler);
    return this;
  }

  /** Channel features run in registration order, before thread ownership and the plugins. */
  useChannel(handler: ChannelHandler, opts: { overhears?: OverheardInterest } = {}): this {
    this.channelHandlers.push({ handle: handler, ...(opts.overhears ? { overhears: opts.overhears } : {}) });
    return this;
  }

  onQuestion(listener: QuestionListener): this {
    this.listeners.push(listener);
    return this;
  }

  /** Post-process answers; `first` runs it before the others (an LLM rephrasing must come
   * before marks that other decorators add). */
  decorate(decorator: AnswerDecorator, opts: { first?: boolean } = {}): this {
    if (opts.first) this.decorators.unshift(decorator);
    else this.decorators.push(decorator);
    return this;
  }

  /** Extra buttons under an answered question (flows, feedback, coach actions). */
  addAnswerButtons(fn: (a: Answer, t: SafeTurn, rec: QuestionRecord) => Button[]): this {
    this.answerButtons.push(fn);
    return this;
  }

  /** The day whose law applies. */
  today(): string {
    return this.opts.today ?? this.clock.now().toISOString().slice(0, 10);
  }

  pseudonym(tenant: string, user: string): string {
    return pseudonymize(this.opts.secret, tenant, user);
  }

  /** Handle one turn; never throws: a failure becomes a short Dutch apology. `channel` is the
   * port of the chat channel it came from (none for the console and replay). */
  async handle(turn: Turn, channel?: ChannelPort): Promise<Reply[]> {
    const log = this.log.child({ channel: turn.channel, tenant: turn.tenant, turnId: turn.id });
    // An overheard message becomes addressed in a thread the bot owns; only addressed turns
    // ever get an apology (nobody asked the bot about the others).
    const seen = { addressed: turn.direct };
    try {
      return await this.process(turn, log, channel, seen);
    } catch (err) {
      const code = errorCode(err);
      log.error({ code, err: err instanceof Error ? { name: err.name, code } : undefined }, "turn failed");
      return seen.addressed ? [{ text: MSG.failure(code) }] : [];
    }
  }

  /** The rate limit of channels that have one; replies when the turn is refused. */
  private limited(turn: Turn, channel: ChannelPort | undefined, log: Log, addressed: boolean): Reply[] | undefined {
    if (!this.opts.rateLimit || !channel?.capabilities.rateLimited) return undefined;
    const r = this.opts.rateLimit.take(turn);
    if (r.ok) return undefined;
    log.warn({ code: "RATE_LIMITED", scope: r.scope }, "rate limited");
    return addressed && r.notify ? [{ text: MSG.rateLimited, private: true }] : [];
  }

  private async process(
    turn: Turn,
    log: Log,
    channel: ChannelPort | undefined,
    seen: { addressed: boolean },
  ): Promise<Reply[]> {
    if (turn.text.length > this.opts.maxMessageChars) {
      log.warn({ code: "INPUT_TOO_LARGE", chars: turn.text.length }, "message too long");
      return turn.direct ? [{ text: MSG.tooLong(this.opts.maxMessageChars) }] : [];
    }
    // Before scrubbing and the store: a flood costs a map lookup, nothing more. (Overheard
    // messages count only once they are answered or logged, below.)
    if (turn.direct) {
      const refused = this.limited(turn, channel, log, true);
      if (refused) return refused;
    }
    // An overheard message that no feature wants, in a thread the bot does not own, where
    // nobody switched listening on, is dropped here: not scrubbed, not stored, not counted.
    let wanted: Array<{ handle: ChannelHandler }> = this.channelHandlers;
    let owned = false;
    if (!turn.direct && channel) {
      wanted = [];
      for (const h of this.channelHandlers) if (h.overhears && (await h.overhears(turn))) wanted.push(h);
      owned = wanted.length === 0 && this.tracksThreads(channel) && (await this.ownedThread(turn, channel, log, seen));
      if (wanted.length === 0 && !owned && !(await isListening(this.store, turn))) return [];
    }
    if (this.opts.roleOf) turn = { ...turn, role: await this.opts.roleOf(turn).catch(() => turn.role) };
    let safe: SafeTurn = {
      ...turn,
      text: (this.opts.scrub ?? scrub)(turn.text).text,
      user: this.pseudonym(turn.tenant, turn.user),
      rawUser: turn.user,
      at: turn.at ?? this.clock.now(),
    };
    if (turn.id && !(await this.firstDelivery(safe, log))) {
      log.info({ code: "DUPLICATE" }, "duplicate delivery ignored");
      return [];
    }
    const ctx: TurnContext = { bot: this, log, ask: (t, q) => this.ask(t, q) };
    if (channel) {
      const out = await this.run(wanted, (h) => h.handle(safe, channel, ctx), log);
      if (out) return out;
    }
    if (!safe.direct) {
      if (owned) {
        seen.addressed = true;
        safe = { ...safe, direct: true };
        const refused = this.limited(turn, channel, log, true);
        if (refused) return refused;
      } else {
        // Overheard where a coach switched listening on (or imported: replay): logged only.
        if (this.limited(turn, channel, log, false)) return [];
        // Never answered; only notices routed elsewhere (a new knelpunt for the leads) come back.
        if (safe.text.trim().length > 0) return (await this.logPassive(safe)).filter((r) => r.target !== undefined);
        return [];
      }
    }
    // The thread is the bot's from the question on, not only once the answer is posted: a
    // follow-up that arrives while the answer is on its way (or on another process) must not
    // be taken for talk between colleagues.
    if (this.tracksThreads(channel))
      await ownThread(this.store, safe, safe.at).catch((err: unknown) =>
        log.warn({ code: errorCode(err) }, "thread ownership not recorded"),
      );
    const out = await this.run(this.handlers, (h) => h(safe, ctx), log);
    if (out) return out;
    if (safe.action) return [{ text: MSG.unknownButton }];
    const command = /^\/([a-z-]+)/i.exec(safe.text.trim());
    if (command) {
      return command[1]!.toLowerCase() === "help"
        ? [{ text: helpFor(safe.role) }]
        : [{ text: MSG.unknownCommand(command[1]!) }];
    }
    if (/^(help|hulp|\?)$/i.test(safe.text.trim())) return [{ text: helpFor(safe.role) }];
    return this.ask(safe);
  }

  /** Run plugin steps in order until one answers. */
  private async run<H>(
    handlers: readonly H[],
    call: (h: H) => Promise<Reply[] | undefined>,
    log: Log,
  ): Promise<Reply[] | undefined> {
    for (const handler of handlers) {
      let out: Reply[] | undefined;
      try {
        out = await call(handler);
      } catch (err) {
        // A plugin that needs the store (a flow's state) cannot work during an outage; the
        // map still can: carry on to the answer, which then says logging is delayed.
        if (errorCode(err) !== "STORE_UNAVAILABLE") throw err;
        log.warn({ code: "STORE_UNAVAILABLE" }, "plugin skipped: store unavailable");
        continue;
      }
      if (out) return out;
    }
    return undefined;
  }

  /** Thread ownership matters only where threads exist and unaddressed messages arrive. */
  private tracksThreads(channel: ChannelPort | undefined): channel is ChannelPort {
    return !!channel && channel.capabilities.hasThreads && channel.capabilities.overhears;
  }

  /** Whether an overheard message is in a thread the bot owns. When the store cannot say, a
   * reply in a thread is treated as addressed (it gets the apology); a top-level one is not. */
  private async ownedThread(
    turn: Turn,
    channel: ChannelPort,
    log: Log,
    seen: { addressed: boolean },
  ): Promise<boolean> {
    try {
      return await ownsThread(this.store, turn);
    } catch (err) {
      if (channel.threadOf(turn) === undefined) {
        log.warn({ code: errorCode(err) }, "thread ownership unknown");
        return false;
      }
      seen.addressed = true;
      throw err;
    }
  }

  /** Dedupe on the channel's message id: Slack retries and Teams redeliveries answer once. */
  private async firstDelivery(turn: SafeTurn, log: Log): Promise<boolean> {
    try {
      return await this.store.add(`seen:${turn.tenant}:${turn.channel}:${turn.id}`, 1, DEDUPE_TTL_MS);
    } catch (err) {
      // Store down: answering twice is better than not answering at all.
      log.warn({ code: errorCode(err) }, "dedupe unavailable");
      return true;
    }
  }

  /** Default path: pending clarify, else answer the question from the map and log it. */
  async ask(turn: SafeTurn, question = turn.text): Promise<Reply[]> {
    let pending: PendingClarify | undefined;
    try {
      pending = await this.store.get<PendingClarify>(clarifyKey(turn));
    } catch {
      pending = undefined;
    }
    let decision = undefined as ReturnType<Answerer["answer"]> | undefined;
    if (pending) {
      await this.store.delete(clarifyKey(turn)).catch(() => false);
      decision = resolveClarify(
        { map: this.map, answerer: this.answerer, today: this.today() },
        pending,
        question,
        turn.tenant,
      );
    }
    const opts = { tenant: turn.tenant, today: this.today() };
    // A follow-up in the thread ("en als hij 27 is?") refines the thread's question.
    const thread = pending ? undefined : await this.store.get<ThreadFacts>(threadFactsKey(turn)).catch(() => undefined);
    const followUp = !decision && thread ? answerFollowUp(this.answerer, thread, question, opts) : undefined;
    if (followUp) {
      // The record keeps what this message said; the thread keeps the question it refines.
      followUp.answer = { ...followUp.answer, question };
      decision = followUp;
    }
    decision ??= this.answerer.answer(question, opts);
    let answer = decision.answer;
    for (const d of this.decorators) answer = await d(answer, turn);
    // After the decorators: a clarify that a decorator settled (LLM understanding) waits for nothing.
    if (answer.status === "clarify" && decision.answer.status === "clarify") {
      const state: PendingClarify = {
        question: decision.answer.question,
        options: decision.options.map((e) => e.id),
        ...(decision.askedFact ? { fact: decision.askedFact } : {}),
        ...(decision.facts ? { facts: decision.facts } : {}),
      };
      await this.store.set(clarifyKey(turn), state, 3_600_000).catch(() => undefined);
    }
    if (answer.status !== "abstained" && decision.facts) {
      const base = followUp && thread ? thread.question : (pending?.question ?? decision.answer.question);
      const kept: ThreadFacts = { question: base, facts: decision.facts };
      await this.store.set(threadFactsKey(turn), kept, THREAD_FACTS_TTL_MS).catch(() => undefined);
    }
    const rec = this.record(turn, answer);
    const stored = await this.questions.write(rec);
    const extra = await this.notify(rec);
    const buttons = answer.status === "answered" ? this.answerButtons.flatMap((f) => f(answer, turn, rec)) : [];
    const reply: Reply = { text: answer.answer, answer, buttons };
    if (!stored) reply.text += `\n${MSG.loggingDelayed}`;
    return [reply, ...extra];
  }

  private record(turn: SafeTurn, answer: Answer): QuestionRecord {
    const entries =
      answer.status === "answered" ? answer.entries.slice(0, 1).map((e) => e.id) : answer.entries.map((e) => e.id);
    return {
      id: `${turn.channel}:${turn.id || turn.at.getTime()}`,
      messageId: turn.id,
      tenant: turn.tenant,
      team: turn.team,
      user: turn.user,
      thread: turn.thread,
      channel: turn.channel,
      text: answer.question,
      status: answer.status,
      ...(answer.reason ? { reason: answer.reason } : {}),
      entries,
      actors: [...new Set(answer.aanZet.map((a) => a.actor))],
      laws: [...new Set(answer.aanZet.map((a) => a.law).filter((l): l is string => !!l))],
      at: turn.at.toISOString(),
    };
  }

  /** Passive listening: questions between workers feed pattern detection only. */
  private async logPassive(turn: SafeTurn): Promise<Reply[]> {
    const decision = this.answerer.answer(turn.text, { tenant: turn.tenant, today: this.today() });
    const rec = { ...this.record(turn, decision.answer), status: "passive" as const };
    await this.questions.write(rec);
    return this.notify(rec);
  }

  private async notify(rec: QuestionRecord): Promise<Reply[]> {
    const out: Reply[] = [];
    for (const l of this.listeners) {
      try {
        const r = await l(rec);
        if (r) out.push(...r);
      } catch (err) {
        this.log.warn({ code: errorCode(err) }, "question listener failed");
      }
    }
    return out;
  }
}
