// Socket Mode (SLACK_APP_TOKEN): no HTTP endpoint; the app opens a WebSocket through
// apps.connections.open at SLACK_API_URL, acks each envelope, and answers like over HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSocketMode } from "./fake-socket.js";
import { BOT_USER, FakeSlack, allText, nowTs, startSlack, TEAM, type SlackHarness } from "./harness.js";

let fake: FakeSlack;
let ws: FakeSocketMode;
let h: SlackHarness;

beforeAll(async () => {
  fake = await FakeSlack.start();
  ws = await FakeSocketMode.start();
  fake.socketUrl = ws.url;
  h = await startSlack({ fake, env: { SLACK_APP_TOKEN: "xapp-test-token", SLACK_SIGNING_SECRET: "" } });
});
afterAll(async () => {
  await h?.close(true);
  await ws?.close();
  await fake?.close();
});

describe("Socket Mode", () => {
  it("connects through apps.connections.open at SLACK_API_URL with the app token, and mounts no HTTP endpoint", async () => {
    const open = fake.of("apps.connections.open");
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(open[0]!.auth).toBe("Bearer xapp-test-token");
    expect(ws.connected).toBe(1);
    const res = await fetch(h.url, { method: "POST", body: "{}" });
    expect(res.status).toBe(404);
  });

  it("acks an events_api envelope and answers the mention in its thread", async () => {
    const ts = nowTs();
    ws.send({
      envelope_id: "env-1",
      type: "events_api",
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: "",
      payload: {
        team_id: TEAM,
        api_app_id: "A1",
        type: "event_callback",
        event_id: "EvSock1",
        event_time: Math.floor(Date.now() / 1000),
        event: {
          type: "app_mention",
          user: "UWORKER",
          text: `<@${BOT_USER}> wie betaalt een traplift?`,
          ts,
          channel: "C1",
          event_ts: ts,
        },
        authorizations: [{ team_id: TEAM, user_id: BOT_USER, is_bot: true }],
      },
    });
    const post = await fake.waitForCall("chat.postMessage", (b) => b.thread_ts === ts);
    expect(allText(post.body)).toContain("Gemeente - Wmo");
    expect(ws.acks).toContainEqual(expect.objectContaining({ envelope_id: "env-1" }));
  });

  it("acks a slash command envelope and answers the asker", async () => {
    ws.send({
      envelope_id: "env-2",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: {
        team_id: TEAM,
        channel_id: "C1",
        user_id: "UWORKER",
        command: "/aanzet",
        text: "wie betaalt een traplift?",
        api_app_id: "A1",
        response_url: fake.responseUrl("sock"),
        trigger_id: "trig-sock",
      },
    });
    const eph = await fake.waitForCall("chat.postEphemeral", (b) => b.user === "UWORKER");
    expect(allText(eph.body)).toContain("Plaats in kanaal");
    expect(ws.acks).toContainEqual(expect.objectContaining({ envelope_id: "env-2" }));
  });
});
