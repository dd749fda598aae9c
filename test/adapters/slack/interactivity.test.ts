// Transcripts of Slack's interactive surfaces: /aanzet (fast ack, private answer, "Plaats in
// kanaal"), buttons routed to the core as Turn.action, the correction modal, the lead's Home.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Reply, Turn } from "../../../src/core/types.js";
import { allText, buttonsOf, nowTs, startSlack, TEAM, type SlackHarness } from "./harness.js";

let h: SlackHarness;
let turns: Turn[];
let realHandle: (t: Turn) => Promise<Reply[]>;
let seq = 0;
const ev = () => `EvI${Date.now()}${++seq}`;
const settle = () => new Promise((r) => setTimeout(r, 150));

beforeAll(async () => {
  h = await startSlack({ env: { AANZET_COACHES: "UCOACH", AANZET_LEADS: "ULEAD", AANZET_LEADS_CHANNEL: "CLEAD" } });
  realHandle = h.app.bot.handle.bind(h.app.bot);
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  h.fake.calls.length = 0;
  turns = [];
  vi.restoreAllMocks();
  // Record every Turn the adapter hands to the core, then let the real core handle it.
  vi.spyOn(h.app.bot, "handle").mockImplementation(async (t: Turn) => {
    turns.push(t);
    return realHandle(t);
  });
});

describe("/aanzet <vraag>", () => {
  it("acks at once, then answers only the asker, with a button to post it in the channel", async () => {
    // A slow core must not delay the ack: Slack shows an error after 3 s without one.
    vi.spyOn(h.app.bot, "handle").mockImplementation(async (t: Turn) => {
      turns.push(t);
      await new Promise((r) => setTimeout(r, 500));
      return realHandle(t);
    });
    const res = await h.command("/aanzet", "wie betaalt een traplift?");
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(400);
    expect(h.fake.of("chat.postEphemeral")).toHaveLength(0);
    const eph = await h.fake.waitForCall("chat.postEphemeral");
    vi.spyOn(h.app.bot, "handle").mockImplementation(realHandle);
    expect(eph.body).toMatchObject({ channel: "C1", user: "UWORKER" });
    expect(allText(eph.body)).toContain("Gemeente - Wmo");
    expect(turns[0]).toMatchObject({
      channel: "slack",
      tenant: TEAM,
      team: "C1",
      user: "UWORKER",
      role: "worker",
      direct: true,
      text: "wie betaalt een traplift?",
    });
    expect(h.fake.of("chat.postMessage")).toHaveLength(0); // nothing public yet

    const share = buttonsOf(eph.body).find((b) => b.action_id === "answer:share");
    expect(share?.text).toBe("Plaats in kanaal");
    await h.press(share!, { channel: "C1" });
    const posted = await h.fake.waitForCall("chat.postMessage", (b) => b.channel === "C1");
    const text = allText(posted.body);
    expect(text).toContain("<@UWORKER> deelt een antwoord");
    expect(text).toContain("Vraag: wie betaalt een traplift?");
    expect(text).toContain("Gemeente - Wmo");
    expect(buttonsOf(posted.body).some((b) => b.action_id === "answer:share")).toBe(false);
    const replaced = await h.fake.waitForCall("response_url");
    expect(replaced.body).toMatchObject({ replace_original: true, text: "Geplaatst in het kanaal." });
    // Follow-ups in the shared answer's thread need no mention.
    await h.event(
      {
        type: "message",
        channel_type: "channel",
        user: "UOTHER",
        text: "wie betaalt een scootmobiel?",
        ts: nowTs(),
        thread_ts: String(posted.result.ts),
        channel: "C1",
      },
      ev(),
    );
    await h.fake.waitForCall("chat.postMessage", (b) => b.thread_ts === posted.result.ts);
  });

  it("answers an empty /aanzet with a short how-to", async () => {
    const res = await h.command("/aanzet", "");
    expect(res.status).toBe(200);
    const eph = await h.fake.waitForCall("chat.postEphemeral");
    expect(allText(eph.body)).toContain("/aanzet wie betaalt een traplift?");
    expect(turns).toHaveLength(0);
  });

  it("falls back to the response_url where the bot is no member", async () => {
    h.fake.errorOnce("chat.postEphemeral", "channel_not_found");
    await h.command("/aanzet", "wie betaalt een traplift?", "UWORKER", "GPRIVATE");
    const res = await h.fake.waitForCall("response_url");
    expect(res.body).toMatchObject({ response_type: "ephemeral" });
    expect(allText(res.body)).toContain("Gemeente - Wmo");
  });
});

describe("buttons", () => {
  it("route block_actions to the core as Turn.action with the button's value, in the message's thread", async () => {
    const threadTs = nowTs();
    const message = { type: "message", ts: nowTs(), thread_ts: threadTs, text: "antwoord", blocks: [] };
    await h.press({ action_id: "feedback:useful#1", value: "slack:Ev123", text: "Nuttig" }, { channel: "C1", message });
    await h.fake.waitFor(() => turns.length > 0, 3000, "a turn");
    expect(turns[0]).toMatchObject({
      channel: "slack",
      tenant: TEAM,
      team: "C1",
      thread: `C1:${threadTs}`,
      user: "UWORKER",
      action: { id: "feedback:useful", value: "slack:Ev123" },
      direct: true,
    });
    // Whatever the core answers lands in that thread (publicly, or only for the presser).
    await h.fake.waitFor((calls) =>
      calls.find(
        (c) => (c.method === "chat.postMessage" || c.method === "chat.postEphemeral") && c.body.thread_ts === threadTs,
      ),
    );
  });

  it("render Reply.buttons with action_id = action and value, unique per block", async () => {
    const { renderReply } = await import("../../../src/adapters/slack/render.js");
    const reply: Reply = {
      text: "Kies",
      buttons: [
        { label: "Ja", action: "flow:answer", value: "ja", style: "primary" },
        { label: "Nee", action: "flow:answer", value: "nee" },
        { label: "Stop", action: "flow:stop" },
      ],
    };
    const ids = buttonsOf({ blocks: renderReply(reply).blocks }).map((b) => [b.action_id, b.value]);
    expect(ids).toEqual([
      ["flow:answer", "ja"],
      ["flow:answer#1", "nee"],
      ["flow:stop", undefined],
    ]);
  });
});

describe("the correction modal", () => {
  const message = () => ({ type: "message", ts: nowTs(), text: "antwoord", blocks: [] });

  it("opens for a coach, and its submission reaches the core as coach:correct-submit with the text", async () => {
    const msg = message();
    await h.press(
      { action_id: "coach:correct", value: "traplift|slack:Ev9", text: "Corrigeer" },
      { channel: "C1", message: msg },
      "UCOACH",
    );
    const open = await h.fake.waitForCall("views.open");
    const view = open.body.view as {
      callback_id: string;
      private_metadata: string;
      blocks: Array<{ block_id?: string }>;
    };
    expect(typeof open.body.trigger_id).toBe("string");
    expect(view.callback_id).toBe("coach:correct");
    expect(turns).toHaveLength(0); // opening the modal is the adapter's job

    const submit = (text: string) =>
      h.interaction({
        type: "view_submission",
        team: { id: TEAM, domain: "wijkteam" },
        user: { id: "UCOACH", username: "coach", team_id: TEAM },
        api_app_id: "A1",
        token: "legacy",
        trigger_id: `trig-${Math.random()}`,
        view: {
          id: `V${Math.random().toString(36).slice(2)}`,
          type: "modal",
          callback_id: "coach:correct",
          private_metadata: view.private_metadata,
          state: { values: { correction: { text: { type: "plain_text_input", value: text } } } },
        },
      });
    // An empty correction stays in the modal with a Dutch hint.
    const empty = await submit("   ");
    expect(JSON.parse(empty.text)).toMatchObject({
      response_action: "errors",
      errors: { correction: expect.stringMatching(/Schrijf/) },
    });

    const res = await submit("De gemeente moet eerst een gesprek voeren, dat staat er niet.");
    expect(res.status).toBe(200);
    await h.fake.waitFor(() => turns.length > 0, 3000, "the submission turn");
    expect(turns[0]).toMatchObject({
      user: "UCOACH",
      role: "coach",
      thread: `C1:${msg.ts}`,
      text: "De gemeente moet eerst een gesprek voeren, dat staat er niet.",
      action: { id: "coach:correct-submit", value: "traplift|slack:Ev9" },
    });
    await h.fake.waitFor((calls) =>
      calls.find(
        (c) => (c.method === "chat.postMessage" || c.method === "chat.postEphemeral") && c.body.channel === "C1",
      ),
    );
  });

  it("does not open for a worker: the core decides", async () => {
    await h.press(
      { action_id: "coach:correct", value: "traplift|slack:Ev9", text: "Corrigeer" },
      { channel: "C1", message: message() },
      "UWORKER",
    );
    await h.fake.waitFor(() => turns.length > 0, 3000, "a turn");
    expect(turns[0]).toMatchObject({ role: "worker", action: { id: "coach:correct" } });
    expect(h.fake.of("views.open")).toHaveLength(0);
  });
});

describe("App Home", () => {
  it("shows a lead the knelpunten review from the core, and a worker only the how-to", async () => {
    await h.event({ type: "app_home_opened", user: "ULEAD", channel: "DLEAD", tab: "home" }, ev());
    const lead = await h.fake.waitForCall("views.publish", (b) => b.user_id === "ULEAD");
    expect(allText(lead.body)).toContain("Knelpunten om te beoordelen");
    expect(turns.find((t) => t.user === "ULEAD")).toMatchObject({ text: "/knelpunten", role: "lead", direct: true });

    await h.event({ type: "app_home_opened", user: "UWORKER", channel: "DW", tab: "home" }, ev());
    const worker = await h.fake.waitForCall("views.publish", (b) => b.user_id === "UWORKER");
    expect(allText(worker.body)).toContain("/toets");
    expect(allText(worker.body)).not.toContain("Knelpunten om te beoordelen");
    expect(turns.filter((t) => t.user === "UWORKER")).toHaveLength(0);

    // The messages tab is a DM, not the Home: no publish.
    const n = h.fake.of("views.publish").length;
    await h.event({ type: "app_home_opened", user: "UWORKER", channel: "DW", tab: "messages" }, ev());
    await settle();
    expect(h.fake.of("views.publish")).toHaveLength(n);
  });

  it("routes a lead's button in the Home to the core and refreshes the Home", async () => {
    await h.interaction({
      type: "block_actions",
      team: { id: TEAM, domain: "wijkteam" },
      user: { id: "ULEAD", username: "lead", team_id: TEAM },
      api_app_id: "A1",
      token: "legacy",
      trigger_id: "trig-home",
      container: { type: "view", view_id: "VHOME" },
      view: { id: "VHOME", type: "home", blocks: [] },
      actions: [
        {
          type: "button",
          action_id: "lead:accept",
          block_id: "buttons-0",
          value: "kp-1",
          text: { type: "plain_text", text: "Accepteer" },
          action_ts: nowTs(),
        },
      ],
    });
    await h.fake.waitForCall("views.publish", (b) => b.user_id === "ULEAD");
    expect(turns[0]).toMatchObject({
      role: "lead",
      thread: "home:ULEAD",
      action: { id: "lead:accept", value: "kp-1" },
    });
  });
});

describe("targeted replies", () => {
  it("post a reply with target leads to AANZET_LEADS_CHANNEL, not the thread", async () => {
    vi.spyOn(h.app.bot, "handle").mockImplementation(async () => [
      { text: "Antwoord in de thread" },
      { text: "Nieuw mogelijk knelpunt", target: { kind: "leads" } },
      { text: "Geen coaches-kanaal ingesteld", target: { kind: "coaches" } },
    ]);
    const ts = nowTs();
    await h.event({ type: "app_mention", user: "UWORKER", text: "<@UBOT> vraag", ts, channel: "C1" }, ev());
    await h.fake.waitForCall("chat.postMessage", (b) => b.channel === "CLEAD");
    await settle();
    const posts = h.fake.of("chat.postMessage");
    expect(posts.find((c) => c.body.channel === "C1")?.body.thread_ts).toBe(ts);
    expect(posts.find((c) => c.body.channel === "CLEAD")?.body.thread_ts).toBeUndefined();
    expect(posts).toHaveLength(2); // no coaches' channel configured here: logged, not posted
  });
});
