// Real HTTP: `serve()` with the Teams channel and a loopback fake Bot Connector as serviceUrl.
import { networkInterfaces } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { visibleText } from "../../../src/adapters/teams/index.js";
import { actorName } from "../../../src/core/map/vocabulary.js";
import { MSG } from "../../../src/core/messages.js";
import type { Log } from "../../../src/core/ports.js";
import { cardsOf, startTeams, teamsMessage, type TeamsHarness } from "./harness.js";

const TRAPLIFT = "wie betaalt een traplift?";
const WMO = actorName("gemeente-wmo");

let h: TeamsHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function recordingLog(): { log: Log; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const make = (bindings: Record<string, unknown>): Log => {
    const at = (level: string) => (obj: Record<string, unknown>, msg: string) =>
      lines.push({ level, ...bindings, ...obj, msg });
    return {
      info: at("info"),
      warn: at("warn"),
      error: at("error"),
      debug: at("debug"),
      child: (b) => make({ ...bindings, ...b }),
    };
  };
  return { log: make({}), lines };
}

describe("Teams over HTTP (emulator mode)", () => {
  it("answers a personal message with an Adaptive Card naming who is aan zet", async () => {
    h = await startTeams();
    const act = teamsMessage(h.fake.url, { text: TRAPLIFT, id: "msg-1" });
    const res = await h.post(act);
    expect(res.status).toBe(200);
    await h.teams.settled();
    const replies = h.fake.messages();
    expect(replies).toHaveLength(1);
    const reply = replies[0]!;
    expect(reply.conversationId).toBe("a:personal-chat-1");
    expect(reply.replyToId).toBe("msg-1");
    expect(reply.activity.attachments?.[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    const text = visibleText(reply.activity);
    expect(text).toContain(`Aan zet: ${WMO}`);
    expect(text).toContain("Zekerheid: hoog");
    expect(text).toMatch(/\[[^\]]+\]\(https:\/\/wetten\.overheid\.nl\//);
  });

  it("answers an @mention in a channel in that message's thread, and ignores channel chatter", async () => {
    h = await startTeams();
    const thread = "19:wijkteam@thread.tacv2;messageid=1700000000123";
    await h.post(teamsMessage(h.fake.url, { kind: "channel", conversationId: thread, text: TRAPLIFT, id: "ch-1" }));
    await h.post(
      teamsMessage(h.fake.url, {
        kind: "channel",
        conversationId: thread,
        text: "koffie iemand?",
        mention: false,
        id: "ch-2",
      }),
    );
    await h.teams.settled();
    const replies = h.fake.messages();
    expect(replies).toHaveLength(1);
    expect(replies[0]!.conversationId).toBe(thread);
    expect(replies[0]!.replyToId).toBe("ch-1");
    expect(visibleText(replies[0]!.activity)).toContain(WMO);
  });

  it("answers a redelivered activity (same id) once, also when both arrive together", async () => {
    h = await startTeams();
    const act = teamsMessage(h.fake.url, { text: TRAPLIFT, id: "redelivered-1" });
    expect((await h.post(act)).status).toBe(200);
    expect((await h.post(act)).status).toBe(200);
    const twin = teamsMessage(h.fake.url, { text: TRAPLIFT, id: "redelivered-2" });
    const both = await Promise.all([h.post(twin), h.post(twin)]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    await h.teams.settled();
    const replies = h.fake.messages();
    expect(replies.filter((r) => r.replyToId === "redelivered-1")).toHaveLength(1);
    expect(replies.filter((r) => r.replyToId === "redelivered-2")).toHaveLength(1);
  });

  it("shows typing (renewed every 3 s) and answers proactively when the work takes longer than the limit", async () => {
    h = await startTeams(
      { AANZET_TEAMS_EMULATOR: "1", AANZET_TEAMS_TYPING_MS: "100" },
      {
        setup: (app) => {
          app.bot.use(async (turn) => {
            if (turn.text !== "traag") return undefined;
            await new Promise((r) => setTimeout(r, 3300));
            return [{ text: "Klaar na lang nadenken." }];
          });
        },
      },
    );
    const res = await h.post(teamsMessage(h.fake.url, { text: "traag", id: "slow-1" }));
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(1000);
    expect(h.fake.posted.map((p) => p.activity.type)).toEqual(["typing"]);
    await h.teams.settled();
    expect(h.fake.posted.map((p) => p.activity.type)).toEqual(["typing", "typing", "message"]);
    const replies = h.fake.messages();
    expect(replies).toHaveLength(1);
    expect(replies[0]!.activity.text).toBe("Klaar na lang nadenken.");
    expect(replies[0]!.conversationId).toBe("a:personal-chat-1");
    expect(replies[0]!.replyToId).toBe("slow-1");
  });

  it("apologises in Dutch with a code when sending fails, logs the code without text, and keeps serving", async () => {
    const { log, lines } = recordingLog();
    h = await startTeams({ AANZET_TEAMS_EMULATOR: "1" }, { log });
    h.fake.failNext(1);
    const res = await h.post(teamsMessage(h.fake.url, { text: TRAPLIFT, id: "fail-1" }));
    expect(res.status).toBe(200);
    const replies = h.fake.messages();
    expect(replies).toHaveLength(1);
    expect(replies[0]!.activity.text).toBe(MSG.failure("HANDLER_FAILED"));
    const failed = lines.find((l) => l.msg === "teams turn failed");
    expect(failed).toMatchObject({ level: "error", code: "HANDLER_FAILED", turnId: "fail-1" });
    expect(JSON.stringify(lines)).not.toContain("traplift");
    // The next message is answered normally.
    await h.post(teamsMessage(h.fake.url, { text: TRAPLIFT, id: "fail-2" }));
    expect(h.fake.messages().at(-1)!.replyToId).toBe("fail-2");
    expect(visibleText(h.fake.messages().at(-1)!.activity)).toContain(WMO);
  });

  it("sends lead notices proactively to the configured leads conversation", async () => {
    h = await startTeams(
      { AANZET_TEAMS_EMULATOR: "1", AANZET_TEAMS_LEADS_CONVERSATION: "19:leads@thread.tacv2" },
      {
        setup: (app) => {
          app.bot.onQuestion(async () => [
            {
              text: "Nieuw mogelijk knelpunt: traplift.",
              target: { kind: "leads" },
              buttons: [{ label: "Accepteer", action: "lead:accept", value: "k1" }],
            },
          ]);
        },
      },
    );
    // The service URL comes from AANZET_TEAMS_SERVICE_URL; point it at the fake afterwards.
    h.app.config.teams!.leads!.serviceUrl = h.fake.url;
    await h.post(teamsMessage(h.fake.url, { text: TRAPLIFT, id: "lead-1" }));
    await h.teams.settled();
    const toLeads = h.fake.messages().filter((p) => p.conversationId === "19:leads@thread.tacv2");
    expect(toLeads).toHaveLength(1);
    expect(toLeads[0]!.replyToId).toBeUndefined();
    const leadCard = cardsOf(toLeads[0]!.activity)[0] as { actions: Array<{ data: unknown }> };
    expect(leadCard.actions[0]!.data).toEqual({ action: "lead:accept", value: "k1" });
    // The worker's thread gets the answer only.
    const here = h.fake.messages().filter((p) => p.conversationId === "a:personal-chat-1");
    expect(here).toHaveLength(1);
    expect(visibleText(here[0]!.activity)).not.toContain("knelpunt");
  });

  it("relays anonymous sparring: scrubbed question to the coaches, the answer back to the asker", async () => {
    h = await startTeams({ AANZET_TEAMS_EMULATOR: "1", AANZET_TEAMS_COACHES_CONVERSATION: "19:coaches@thread.tacv2" });
    h.app.config.teams!.coaches!.serviceUrl = h.fake.url;
    await h.post(
      teamsMessage(h.fake.url, {
        text: "anoniem hoe help ik meneer met BSN 111222333 die steeds afzegt?",
        id: "anon-1",
        user: "asker",
      }),
    );
    const toCoaches = h.fake.messages().filter((p) => p.conversationId === "19:coaches@thread.tacv2");
    expect(toCoaches).toHaveLength(1);
    const question = visibleText(toCoaches[0]!.activity);
    expect(question).toContain("Anonieme vraag");
    expect(question).toContain("steeds afzegt");
    expect(question).not.toContain("111222333");
    expect(JSON.stringify(toCoaches[0]!.activity)).not.toMatch(/asker|Test Werker/);
    const toAsker = h.fake.messages().filter((p) => p.conversationId === "a:personal-chat-1");
    expect(toAsker.at(-1)!.activity.text).toContain("zonder jouw naam");

    // A coach answers with the card form.
    const form = (
      cardsOf(toCoaches[0]!.activity)[0] as {
        actions: Array<{ card: { actions: Array<{ data: { action: string; value: string } }> } }>;
      }
    ).actions[0]!.card.actions[0]!.data;
    expect(form.action).toBe("spar:reply");
    const postedId = "posted-1";
    await h.post(
      teamsMessage(h.fake.url, {
        kind: "channel",
        conversationId: `19:coaches@thread.tacv2;messageid=${postedId}`,
        user: "coach-1",
        userName: "Coach Anna",
        mention: false,
        id: "anon-answer-1",
        value: { action: form.action, value: form.value, text: "Maak vaste afspraken en bel vooraf." },
      }),
    );
    const relayed = h.fake
      .messages()
      .filter((p) => p.conversationId === "a:personal-chat-1")
      .at(-1)!;
    expect(relayed.activity.text).toContain("Maak vaste afspraken en bel vooraf.");
    expect(relayed.activity.text).toContain("Coach Anna");
    // An @mention reply in the question's thread is relayed too.
    await h.post(
      teamsMessage(h.fake.url, {
        kind: "channel",
        conversationId: `19:coaches@thread.tacv2;messageid=${postedId}`,
        user: "coach-2",
        text: "En leg het vast in het dossier.",
        id: "anon-answer-2",
      }),
    );
    expect(
      h.fake
        .messages()
        .filter((p) => p.conversationId === "a:personal-chat-1")
        .at(-1)!.activity.text,
    ).toContain("En leg het vast in het dossier.");
  });

  it("sends a private reply to the personal chat, not to the channel thread", async () => {
    h = await startTeams(
      { AANZET_TEAMS_EMULATOR: "1" },
      {
        setup: (app) => {
          app.bot.use(async (turn) =>
            turn.text === "alleen voor mij" ? [{ text: "Dit ziet alleen jij.", private: true }] : undefined,
          );
        },
      },
    );
    const thread = "19:wijkteam@thread.tacv2;messageid=42";
    await h.post(
      teamsMessage(h.fake.url, { kind: "channel", conversationId: thread, text: "alleen voor mij", id: "priv-1" }),
    );
    expect(h.fake.created).toHaveLength(1);
    expect(h.fake.created[0]).toMatchObject({ isGroup: false, members: [{ id: "29:user-1" }] });
    const personal = h.fake.messages().filter((p) => p.conversationId.startsWith("a:personal-"));
    expect(personal.map((p) => p.activity.text)).toEqual(["Dit ziet alleen jij."]);
    const inThread = h.fake.messages().filter((p) => p.conversationId === thread);
    expect(inThread.map((p) => p.activity.text)).toEqual(["Ik heb je een privébericht gestuurd."]);
  });

  it("refuses a body that is not an activity", async () => {
    h = await startTeams();
    const bad = await fetch(h.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(bad.status).toBe(400);
    const noType = await h.post({ text: "hallo" });
    expect(noType.status).toBe(400);
    expect(h.fake.posted).toHaveLength(0);
  });

  it("accepts loopback only: a request from another address gets 403", async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === "IPv4" && !i.internal)?.address;
    if (!external) return; // no non-loopback interface on this machine: covered by the isLoopback unit test
    const fake = await import("./fake-connector.js").then((m) => m.startFakeConnector());
    const { makeApp } = await import("./harness.js");
    const { serve } = await import("../../../src/server/serve.js");
    const app = await makeApp({ AANZET_TEAMS_EMULATOR: "1" });
    const running = await serve(app, 0, "0.0.0.0");
    try {
      const res = await fetch(`http://${external}:${running.port}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(teamsMessage(fake.url, { text: TRAPLIFT })),
      });
      expect(res.status).toBe(403);
      expect(fake.posted).toHaveLength(0);
      const local = await fetch(`http://127.0.0.1:${running.port}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(teamsMessage(fake.url, { text: TRAPLIFT })),
      });
      expect(local.status).toBe(200);
    } finally {
      await running.close();
      await fake.close();
      await app.close();
    }
  });
});

describe("Teams over HTTP with MicrosoftAppId (Bot Framework auth on)", () => {
  const env = {
    MicrosoftAppId: "11111111-2222-3333-4444-555555555555",
    MicrosoftAppPassword: "not-a-real-secret",
    MicrosoftAppType: "MultiTenant",
  };

  it("refuses an unauthenticated POST with 401 and sends no reply", async () => {
    h = await startTeams(env);
    const act = teamsMessage(h.fake.url, { text: TRAPLIFT });
    expect((await h.post(act)).status).toBe(401);
    expect((await h.post(act, { authorization: "Bearer not-a-token" })).status).toBe(401);
    expect((await h.post(act, { authorization: "Basic dXNlcjpwYXNz" })).status).toBe(401);
    // A forged token that claims no signature (alg: none) is refused quickly, not a 500.
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const forged = `Bearer ${b64({ alg: "none", typ: "JWT" })}.${b64({ aud: env.MicrosoftAppId, iss: "https://api.botframework.com" })}.`;
    const t0 = performance.now();
    expect((await h.post(act, { authorization: forged })).status).toBe(401);
    expect(performance.now() - t0).toBeLessThan(1000);
    await h.teams.settled();
    expect(h.fake.posted).toHaveLength(0);
    expect(h.fake.created).toHaveLength(0);
  });

  it("lists teams in /healthz", async () => {
    h = await startTeams(env);
    const health = (await (await fetch(`http://127.0.0.1:${h.running.port}/healthz`)).json()) as { channels: string[] };
    expect(health.channels).toContain("teams");
  });
});
