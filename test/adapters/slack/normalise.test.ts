// Slack event -> Turn: mentions stripped, ids chosen so retries dedupe, threads keyed so
// follow-ups and flows find their conversation.
import { describe, expect, it } from "vitest";
import { messageTurn, stripMentions, threadKey } from "../../../src/adapters/slack/normalise.js";

describe("stripMentions", () => {
  it("removes user, bot and broadcast mentions and unwraps links and channels", () => {
    expect(stripMentions("<@UBOT> wie betaalt <@U123|piet> een traplift? <!here>")).toBe("wie betaalt een traplift?");
    expect(stripMentions("zie <https://wetten.overheid.nl/x|de wet> en <mailto:a@b.nl|a@b.nl> in <#C1|wijkteam>")).toBe(
      "zie de wet en a@b.nl in #wijkteam",
    );
    expect(stripMentions("kosten &lt; 100 &amp; meer &gt; 0")).toBe("kosten < 100 & meer > 0");
  });
});

describe("threadKey", () => {
  it("is channel:thread_ts in a thread, channel:ts at a channel's top level, one conversation per DM", () => {
    expect(threadKey("C1", "2.0", "1.0")).toBe("C1:1.0");
    expect(threadKey("C1", "2.0")).toBe("C1:2.0");
    expect(threadKey("D1", "2.0")).toBe("D1:dm");
    expect(threadKey("D1", "2.0", "1.0")).toBe("D1:1.0");
  });
});

describe("messageTurn", () => {
  it("uses event_id as the Turn id (stable across Slack's retries) and the workspace as tenant", () => {
    const turn = messageTurn(
      { team_id: "T1", event_id: "Ev1" },
      {
        type: "app_mention",
        user: "U1",
        text: "<@UBOT> wie betaalt een traplift?",
        ts: "1700000000.000100",
        channel: "C1",
        client_msg_id: "m1",
      },
      "coach",
      true,
    );
    expect(turn).toMatchObject({
      id: "Ev1",
      channel: "slack",
      tenant: "T1",
      team: "C1",
      thread: "C1:1700000000.000100",
      user: "U1",
      role: "coach",
      text: "wie betaalt een traplift?",
      direct: true,
    });
    expect(turn.at?.toISOString()).toBe("2023-11-14T22:13:20.000Z");
  });

  it("falls back to client_msg_id without an event_id", () => {
    const turn = messageTurn(
      { team_id: "T1" },
      { type: "message", user: "U1", text: "x", ts: "1.0", channel: "C1", client_msg_id: "m1" },
      "worker",
      false,
    );
    expect(turn.id).toBe("m1");
    expect(turn.direct).toBe(false);
  });
});
