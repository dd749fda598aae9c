// The guard in front of Bolt: what a forger or a broken client gets back.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { slackRequestProblem } from "../../../src/adapters/slack/guard.js";

const secret = "test-signing-secret";
const now = new Date("2026-12-31T23:59:00Z");
const sec = Math.floor(now.getTime() / 1000);

function signed(body: string, ts: number) {
  const sig = `v0=${createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex")}`;
  return { "x-slack-request-timestamp": String(ts), "x-slack-signature": sig };
}

const check = (
  body: string,
  ts: number,
  type = "application/json",
  headers: Record<string, string> = signed(body, ts),
) => slackRequestProblem(Buffer.from(body), headers, type, { signingSecret: secret, now: () => now });

const event = JSON.stringify({ type: "event_callback", event: { type: "app_mention", text: "hoi" } });

describe("slack guard", () => {
  it("passes a signed event within 300 s either way of the clock", () => {
    expect(check(event, sec)).toBeUndefined();
    expect(check(event, sec - 290)).toBeUndefined();
    expect(check(event, sec + 290)).toBeUndefined();
  });

  it("refuses timestamps more than 300 s in the past or the future with 401", () => {
    expect(check(event, sec - 400)?.[0]).toBe(401);
    expect(check(event, sec + 400)?.[0]).toBe(401);
  });

  it("refuses a bad or missing signature with 401", () => {
    expect(check(event, sec, "application/json", { ...signed(event, sec), "x-slack-signature": "v0=00" })?.[0]).toBe(
      401,
    );
    expect(check(event, sec, "application/json", {})?.[0]).toBe(401);
  });

  it("gives a signed body that is no event envelope a 400", () => {
    for (const body of [
      "null",
      "[]",
      '{"type":"event_callback","event":null}',
      '{"type":"event_callback","event":5}',
      "{",
    ])
      expect(check(body, sec)?.[0], body).toBe(400);
    // Bolt parses any body that is not a form as JSON, whatever the content type says.
    for (const type of ["text/plain", "", "application/json; charset=utf-8"])
      expect(check('{"type":"event_callback","event":null}', sec, type)?.[0], type).toBe(400);
    expect(check("payload=%7Bnope", sec, "application/x-www-form-urlencoded")?.[0]).toBe(400);
    expect(check("command=%2Faanzet&text=hoi", sec, "application/x-www-form-urlencoded")).toBeUndefined();
  });
});
