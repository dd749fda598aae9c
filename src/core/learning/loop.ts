// The learning loop wired into a Bot: feedback and moderation, recurring-question detection,
// lead review. One object per app; the CLI uses its services for reports and the queue.
import type { Bot } from "../bot.js";
import { AuditLog } from "./audit.js";
import { answerButtons, confirmationDecorator, feedbackHandler } from "./feedback.js";
import { gapsHandler } from "./gaps-chat.js";
import { KnelpuntenService } from "./knelpunten.js";
import { PatternDetector } from "./patterns.js";
import type { MapSearch } from "./patterns-features.js";
import { ProposalQueue } from "./proposals.js";
import { reviewHandler } from "./review-chat.js";
import { ReviewService } from "./review.js";
import { SettingsCache } from "./settings.js";
import type { QuestionEmbedder } from "./types.js";

export interface LearningOptions {
  /** How long group memberships are kept (default: a year, like the question log). */
  retentionDays?: number;
  /** Optional embeddings for the similarity of questions (issue 8). */
  embedder?: QuestionEmbedder;
  /**
   * Describe questions also by the map entries they resemble (off by default: on our labelled
   * streams it added look-alikes more than it found paraphrases).
   */
  entryActivation?: boolean;
}

export interface LearningLoop {
  audit: AuditLog;
  proposals: ProposalQueue;
  settings: SettingsCache;
  detector: PatternDetector;
  knelpunten: KnelpuntenService;
  review: ReviewService;
}

/** The answerer's retrieval as a MapSearch: the map entries a scrubbed text resembles. */
export function mapSearch(bot: Bot): MapSearch {
  return (tenant, text) => {
    const index = bot.answerer.indexFor(tenant);
    return index.search(index.analyse(text), 8).map((h) => ({ id: h.entry.id, score: h.score, coverage: h.coverage }));
  };
}

/** Build the services on the bot's store and clock (no wiring). */
export function learningServices(bot: Bot, opts: LearningOptions = {}): LearningLoop {
  const { store, clock, log, map } = bot;
  const search = opts.entryActivation ? mapSearch(bot) : undefined;
  const audit = new AuditLog(store, clock);
  const proposals = new ProposalQueue(store, clock);
  const settings = new SettingsCache(store, clock);
  const detector = new PatternDetector({
    store,
    clock,
    log,
    map,
    audit,
    settings,
    retentionMs: (opts.retentionDays ?? 365) * 86_400_000,
    embedder: opts.embedder,
    search,
  });
  const knelpunten = new KnelpuntenService(store, clock, map, search);
  const review = new ReviewService(store, clock, audit, knelpunten, proposals, detector);
  return { audit, proposals, settings, detector, knelpunten, review };
}

/** Build the services and register plugins, listener, decorator and answer buttons. */
export function installLearning(bot: Bot, opts: LearningOptions = {}): LearningLoop {
  const loop = learningServices(bot, opts);
  const { store, clock, map } = bot;
  bot.use(feedbackHandler({ store, clock, map, audit: loop.audit, proposals: loop.proposals }));
  bot.use(gapsHandler({ store }));
  bot.use(reviewHandler({ store, knelpunten: loop.knelpunten, review: loop.review, settings: loop.settings }));
  bot.onQuestion(loop.detector.listener);
  bot.decorate(confirmationDecorator({ store, map }));
  bot.addAnswerButtons(answerButtons);
  return loop;
}
