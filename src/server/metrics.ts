// GET /metrics in the Prometheus text format: answers by status, ack and answer latency,
// work queue depth, store availability, LLM calls and budget overruns, plus Node's process
// figures. Labels are fixed small sets (status, channel, kind, reason): never message text,
// user, team or channel ids. One Registry per serve, no global one.
import type { NextFunction, Request, Response } from "express";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { App } from "../features/feature.js";
import { isAdminStore } from "../store/types.js";

/** The inbound HTTP endpoints whose response is the channel's ack. */
const ACK_PATHS: Record<string, string> = { "/slack/events": "slack", "/api/messages": "teams" };

export interface Metrics {
  registry: Registry;
  /** Express middleware timing the ack of channel requests. */
  timing(req: Request, res: Response, next: NextFunction): void;
  /** The GET /metrics handler. */
  route(req: Request, res: Response): void;
}

export function createMetrics(app: App): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "aanzet_" });
  const answers = new Counter({
    name: "aanzet_answers_total",
    help: "Questions handled, by answer status (answered, clarify, abstained, passive).",
    labelNames: ["status"],
    registers: [registry],
  });
  app.bot.onQuestion(async (rec) => {
    answers.inc({ status: rec.status });
  });
  const ack = new Histogram({
    name: "aanzet_ack_seconds",
    help: "Time from a channel request to its HTTP response (Slack retries after 3 s).",
    labelNames: ["channel"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const answer = new Histogram({
    name: "aanzet_answer_seconds",
    help: "Time from queueing an answer job to its end (waiting plus answering and posting).",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const work = app.work;
  work?.onJob((waited, ran) => answer.observe((waited + ran) / 1000));
  new Gauge({
    name: "aanzet_work_queue_depth",
    help: "Answer jobs waiting for a slot.",
    registers: [registry],
    collect() {
      this.set(work?.depth ?? 0);
    },
  });
  new Gauge({
    name: "aanzet_work_running",
    help: "Answer jobs running now.",
    registers: [registry],
    collect() {
      this.set(work?.running ?? 0);
    },
  });
  new Counter({
    name: "aanzet_work_rejected_total",
    help: 'Events refused because the work queue was full (the asker got a "druk" reply).',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(work?.rejected ?? 0);
    },
  });
  new Gauge({
    name: "aanzet_store_available",
    help: "1 when the store answers, 0 while the bot answers without it.",
    registers: [registry],
    collect() {
      this.set(isAdminStore(app.store) && !app.store.available ? 0 : 1);
    },
  });
  new Counter({
    name: "aanzet_llm_calls_total",
    help: "LLM calls by kind (chat, embed).",
    labelNames: ["kind"],
    registers: [registry],
    collect() {
      this.reset();
      const s = app.llm?.stats;
      this.inc({ kind: "chat" }, s?.calls.chat ?? 0);
      this.inc({ kind: "embed" }, s?.calls.embed ?? 0);
    },
  });
  new Counter({
    name: "aanzet_llm_failures_total",
    help: "Failed LLM calls by reason (budget, timeout, rate_limited, http, connection, malformed, ...).",
    labelNames: ["reason"],
    registers: [registry],
    collect() {
      this.reset();
      for (const [reason, n] of app.llm?.stats?.failures ?? []) this.inc({ reason }, n);
    },
  });
  new Counter({
    name: "aanzet_llm_budget_overruns_total",
    help: "LLM calls cut off because the answer's time budget ran out.",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(app.llm?.stats?.budgetOverruns ?? 0);
    },
  });
  return {
    registry,
    timing(req, res, next) {
      const channel = req.method === "POST" ? ACK_PATHS[req.path] : undefined;
      if (channel) {
        const t0 = performance.now();
        res.once("finish", () => ack.observe({ channel }, (performance.now() - t0) / 1000));
      }
      next();
    },
    route(_req, res) {
      registry.metrics().then(
        (text) => {
          res.setHeader("content-type", registry.contentType);
          res.end(text);
        },
        (err: unknown) => {
          app.log.error({ code: "HANDLER_FAILED", err: err instanceof Error ? err.name : "error" }, "metrics failed");
          if (!res.headersSent) res.status(500).end();
        },
      );
    },
  };
}
