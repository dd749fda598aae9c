// Checks on a Slack HTTP request before Bolt sees it. Bolt accepts request timestamps up to
// 5 minutes old but any distance into the future, and answers a signed body that is no Events
// API object with a hang and a 500. This guard verifies the v0 signature itself, refuses
// timestamps more than 300 s from now in either direction (the injected clock's now), and gives
// a quick 400 to signed JSON that is no event envelope. It hands the raw body on as
// `req.rawBody`, which Bolt's ExpressReceiver reads instead of the stream.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { ReceiverProcessEventErrorHandlerArgs } from "@slack/bolt";
import express, { type NextFunction, type Request, type Response } from "express";

const MAX_SKEW_S = 300;

export interface SlackGuardOptions {
  signingSecret: string;
  now: () => Date;
  limit?: string;
}

/** Why a signed-or-not request must be refused: [status, reason], or undefined to pass it on. */
export function slackRequestProblem(
  raw: Buffer,
  headers: Record<string, string | string[] | undefined>,
  contentType: string,
  opts: SlackGuardOptions,
): [number, string] | undefined {
  const ts = String(headers["x-slack-request-timestamp"] ?? "");
  const sig = String(headers["x-slack-signature"] ?? "");
  if (!/^\d{1,12}$/.test(ts) || !sig.startsWith("v0=")) return [401, "missing signature headers"];
  if (Math.abs(opts.now().getTime() / 1000 - Number(ts)) > MAX_SKEW_S) return [401, "stale or future timestamp"];
  const want = `v0=${createHmac("sha256", opts.signingSecret)
    .update(`v0:${ts}:${raw.toString("utf8")}`)
    .digest("hex")}`;
  const a = Buffer.from(want);
  const b = Buffer.from(sig);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return [401, "bad signature"];
  // Bolt reads a body as a form only for this exact content type and as JSON for any other
  // (text/plain, none, ...), so the JSON checks below apply to every other type too.
  if (contentType === "application/x-www-form-urlencoded") {
    // Commands carry plain fields; interactions carry one JSON `payload` with a string type.
    const payload = new URLSearchParams(raw.toString("utf8")).get("payload");
    if (payload === null) return undefined;
    try {
      const p = JSON.parse(payload) as unknown;
      if (!p || typeof p !== "object" || typeof (p as { type?: unknown }).type !== "string")
        return [400, "interaction payload without a type"];
    } catch {
      return [400, "interaction payload is no JSON"];
    }
    return undefined;
  }
  let body: unknown;
  try {
    body = JSON.parse(raw.toString("utf8"));
  } catch {
    return [400, "invalid JSON"];
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) return [400, "expected an Events API object"];
  const b2 = body as Record<string, unknown>;
  if (typeof b2.type !== "string") return [400, "expected an Events API type"];
  if (b2.type === "event_callback") {
    const ev = b2.event as Record<string, unknown> | null | undefined;
    if (!ev || typeof ev !== "object" || Array.isArray(ev) || typeof ev.type !== "string")
      return [400, "event_callback without an event object"];
  }
  return undefined;
}

/** Express middlewares for POST /slack/events, to mount before Bolt's router. */
export function slackGuard(opts: SlackGuardOptions, onRefuse: (status: number, reason: string) => void) {
  return [
    express.raw({ type: () => true, limit: opts.limit ?? "1mb" }),
    (req: Request, res: Response, next: NextFunction): void => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const problem = slackRequestProblem(raw, req.headers, String(req.headers["content-type"] ?? ""), opts);
      if (problem) {
        onRefuse(problem[0], problem[1]);
        res.status(problem[0]).json({ error: problem[1] });
        return;
      }
      (req as Request & { rawBody?: Buffer }).rawBody = raw;
      next();
    },
  ];
}

/** Bolt's ExpressReceiver calls this when processing failed before any listener acked. With our
 * listeners' failures caught by `bolt.error`, what is left is Bolt itself failing to read a signed
 * payload with fields of the wrong type (a `team` that is no object, `actions` that is no list,
 * a view submission without a view): a bad request, so a 400 instead of Bolt's default 500. */
export function malformedPayloadHandler(onRefuse: (status: number, reason: string) => void) {
  return async ({ error, response }: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> => {
    if (response.headersSent) return false;
    const unauthorized = (error as { code?: unknown }).code === "slack_bolt_authorization_error";
    const status = unauthorized ? 401 : 400;
    onRefuse(status, unauthorized ? "authorization failed" : "payload fields Bolt cannot read");
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify({ error: unauthorized ? "unauthorized" : "malformed Slack payload" }));
    return true;
  };
}
