// Turn logic through botbuilder's TestAdapter: mention stripping, the Turn mapping, card
// rendering and card actions -> Turn.action. Proactive posts go to a recording bridge.
import { TestAdapter, type Activity } from "botbuilder";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { App } from "../../../src/app.js";
import {
  createTurnHandler,
  sdkLogic,
  turnErrorHandler,
  visibleText,
  type TeamsBridge,
} from "../../../src/adapters/teams/index.js";
import { actorName } from "../../../src/core/map/vocabulary.js";
import type { ChannelPort } from "../../../src/core/channel/port.js";
import { MSG } from "../../../src/core/messages.js";
import { silentLog } from "../../../src/core/ports.js";
import type { Turn } from "../../../src/core/types.js";
import { cardsOf, makeApp, teamsMessage } from "./harness.js";

const SERVICE = "https://smba.example.invalid/teams/";
const WMO = actorName("gemeente-wmo");

let app: App;
let turns: Turn[];
let posts: Array<{ conversationId: string; texts: string[] }>;
let adapter: TestAdapter;

const bridge: TeamsBridge = {
  async post(target, activities) {
    posts.push({
      conversationId: target.conversationId,
      texts: activities.map((a) => visibleText(a as { text?: string })),
    });
    return activities.map((_a, i) => `p-${posts.length}-${i}`);
  },
  async postToUser(user, activities) {
    posts.push({ conversationId: `personal:${user.id}`, texts: activities.map(visibleText) });
    return [];
  },
};

async function setup(env: Record<string, string> = {}): Promise<void> {
  app = await makeApp({ AANZET_TEAMS_EMULATOR: "1", ...env });
  turns = [];
  posts = [];
  // See the Turn exactly as the adapter built it (before the core scrubs it).
  const handle = app.bot.handle.bind(app.bot);
  app.bot.handle = async (turn: Turn, channel?: ChannelPort) => {
    turns.push(turn);
    return handle(turn, channel);
  };
  adapter = new TestAdapter(sdkLogic(createTurnHandler({ app, bridge, track: () => undefined })));
  adapter.onTurnError = turnErrorHandler(silentLog);
}

/** Send one activity; resolves with everything the bot sent back in that turn. */
async function send(activity: Record<string, unknown>): Promise<Array<Partial<Activity>>> {
  await adapter.receiveActivity(activity as Partial<Activity>);
  return adapter.activeQueue.splice(0);
}

beforeEach(async () => setup());
afterEach(async () => app.close());

describe("Teams turn logic (TestAdapter)", () => {
  it("strips the @mention and maps a channel message to a Turn", async () => {
    const thread = "19:wijkteam@thread.tacv2;messageid=1700000000999";
    const replies = await send(
      teamsMessage(SERVICE, {
        kind: "channel",
        conversationId: thread,
        text: "wie betaalt een traplift?",
        id: "act-42",
        user: "jan",
        team: "19:team-zuid@thread.tacv2",
      }),
    );
    expect(turns).toHaveLength(1);
    expect(turns[0]).toMatchObject({
      id: "act-42",
      channel: "teams",
      tenant: "tenant-1",
      team: "19:team-zuid@thread.tacv2",
      thread,
      user: "aad-jan",
      role: "worker",
      text: "wie betaalt een traplift?",
      direct: true,
    });
    expect(replies).toHaveLength(1);
    expect(replies[0]!.attachments?.[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(visibleText(replies[0]! as never)).toContain(`Aan zet: ${WMO}`);
  });

  it("strips mentions of colleagues and a typed bot name too", async () => {
    await send(
      teamsMessage(SERVICE, { kind: "channel", text: "wie betaalt een traplift? vraagt <at>Petra de Vries</at>" }),
    );
    expect(turns[0]!.text).toBe("wie betaalt een traplift? vraagt");
    await send(teamsMessage(SERVICE, { text: "@aanzet: wie betaalt een traplift?" }));
    expect(turns[1]!.text).toBe("wie betaalt een traplift?");
  });

  it("takes the tenant from conversation.tenantId, then the configured tenant", async () => {
    const a = teamsMessage(SERVICE, { text: "hallo" });
    a.channelData = {};
    await send(a);
    expect(turns[0]!.tenant).toBe("tenant-1");
    const b = teamsMessage(SERVICE, { text: "hallo" });
    b.channelData = {};
    (b.conversation as Record<string, unknown>).tenantId = undefined;
    await send(b);
    expect(turns[1]!.tenant).toBe("t-default");
    expect(turns[1]!.team).toBe("a:personal-chat-1");
  });

  it("resolves the role from the user's Entra id", async () => {
    await app.close();
    await setup({ AANZET_COACHES: "tenant-1:aad-coach" });
    await send(teamsMessage(SERVICE, { text: "wie betaalt een traplift?", user: "coach" }));
    await send(teamsMessage(SERVICE, { text: "wie betaalt een traplift?", user: "coach", tenant: "tenant-2" }));
    expect(turns.map((t) => t.role)).toEqual(["coach", "worker"]);
  });

  it("maps Teams command words to the core's commands", async () => {
    const replies = await send(teamsMessage(SERVICE, { text: "help" }));
    expect(turns[0]!.text).toBe("/help");
    expect(replies.map((r) => r.text).join("\n")).toContain(MSG.help.split("\n")[0]!);
    await send(teamsMessage(SERVICE, { kind: "channel", text: "aanzet wie betaalt een traplift?" }));
    expect(turns[1]!.text).toBe("wie betaalt een traplift?");
    await send(teamsMessage(SERVICE, { text: "toets" }));
    expect(turns[2]!.text).toBe("/toets");
  });

  it("ignores group chat and channel messages that do not mention the bot", async () => {
    expect(
      await send(teamsMessage(SERVICE, { kind: "groupChat", text: "wie betaalt een traplift?", mention: false })),
    ).toHaveLength(0);
    expect(
      await send(teamsMessage(SERVICE, { kind: "channel", text: "wie betaalt een traplift?", mention: false })),
    ).toHaveLength(0);
    expect(turns).toHaveLength(0);
  });

  it("turns an Action.Submit press into Turn.action", async () => {
    await send(
      teamsMessage(SERVICE, {
        kind: "channel",
        mention: false,
        value: { action: "feedback:useful", value: "teams:act-1" },
      }),
    );
    expect(turns[0]).toMatchObject({ action: { id: "feedback:useful", value: "teams:act-1" }, text: "", direct: true });
  });

  it("turns the correction form into coach:correct-submit with the correction as text", async () => {
    await send(
      teamsMessage(SERVICE, {
        value: {
          action: "coach:correct-submit",
          value: "traplift|teams:act-1",
          text: "  De eigen bijdrage is anders.  ",
        },
      }),
    );
    expect(turns[0]).toMatchObject({
      action: { id: "coach:correct-submit", value: "traplift|teams:act-1" },
      text: "De eigen bijdrage is anders.",
    });
  });

  it("accepts a Universal Action (adaptiveCard/action invoke) and answers the invoke", async () => {
    const invoke = {
      ...teamsMessage(SERVICE, {}),
      type: "invoke",
      name: "adaptiveCard/action",
      value: { action: { type: "Action.Execute", verb: "x", data: { action: "flow:stop" } } },
    };
    const out = await send(invoke);
    expect(turns[0]!.action).toEqual({ id: "flow:stop" });
    expect(out.find((a) => a.type === "invokeResponse")?.value).toMatchObject({ status: 200 });
  });

  it("renders buttons of a reply as Action.Submit with {action, value}", async () => {
    app.bot.use(async (turn) =>
      turn.text === "kies"
        ? [
            {
              text: "Kies een stap.",
              buttons: [
                { label: "Terug", action: "flow:back" },
                { label: "Ja", action: "flow:answer", value: "ja", style: "primary" },
              ],
            },
          ]
        : undefined,
    );
    const [reply] = await send(teamsMessage(SERVICE, { text: "kies" }));
    const card = cardsOf(reply as never)[0] as { body: Array<{ text: string }>; actions: unknown[] };
    expect(card.body[0]!.text).toBe("Kies een stap.");
    expect(card.actions).toEqual([
      { type: "Action.Submit", title: "Terug", data: { action: "flow:back" } },
      { type: "Action.Submit", title: "Ja", data: { action: "flow:answer", value: "ja" }, style: "positive" },
    ]);
  });

  it("runs a flow in the conversation with card buttons", async () => {
    const [first] = await send(teamsMessage(SERVICE, { text: "toets" }));
    const card = cardsOf(first as never)[0] as {
      actions: Array<{ title: string; data: { action: string; value?: string } }>;
    };
    expect(visibleText(first as never)).toContain("Stap 1 van 4");
    const stop = card.actions.find((a) => a.data.action === "flow:stop");
    expect(stop).toBeDefined();
    // Pressing the card's Stop button comes back as Turn.action in the same conversation.
    const pressed = await send(teamsMessage(SERVICE, { value: stop!.data }));
    expect(turns.at(-1)).toMatchObject({ action: { id: "flow:stop" }, thread: "a:personal-chat-1" });
    expect(pressed.length).toBeGreaterThan(0);
    expect(visibleText(pressed[0] as never)).not.toContain(MSG.unknownButton);
  });

  it("sends an anonymous question to the coaches only from a personal chat", async () => {
    await app.close();
    await setup({ AANZET_TEAMS_COACHES_CONVERSATION: "19:coaches@thread.tacv2" });
    const inChannel = await send(teamsMessage(SERVICE, { kind: "channel", text: "anoniem hoe pak ik dit aan?" }));
    expect(inChannel[0]!.text).toContain("alleen in een privéchat");
    expect(posts).toHaveLength(0);
    const personal = await send(teamsMessage(SERVICE, { text: "anoniem hoe pak ik dit aan?" }));
    expect(personal[0]!.text).toContain("zonder jouw naam");
    expect(posts).toHaveLength(1);
    expect(posts[0]!.conversationId).toBe("19:coaches@thread.tacv2");
    // Both went through the core (its sparring plugin), as plain turns.
    expect(turns.map((t) => t.text)).toEqual(["anoniem hoe pak ik dit aan?", "anoniem hoe pak ik dit aan?"]);
  });

  it("says anonymous sparring is off when no coaches conversation is set", async () => {
    const out = await send(teamsMessage(SERVICE, { text: "anoniem hoe pak ik dit aan?" }));
    expect(out[0]!.text).toContain("staat nog niet aan");
    expect(posts).toHaveLength(0);
  });

  it("welcomes a user once the app is installed in a personal chat", async () => {
    const update = {
      ...teamsMessage(SERVICE, {}),
      type: "conversationUpdate",
      membersAdded: [{ id: "28:bot-app-id" }],
    };
    const out = await send(update);
    expect(out[0]!.text).toContain(MSG.help.split("\n")[0]!);
  });

  it("apologises in Dutch when the turn fails", async () => {
    app.bot.handle = async () => {
      throw new Error("boom");
    };
    const out = await send(teamsMessage(SERVICE, { text: "wie betaalt een traplift?" }));
    expect(out.map((a) => a.text)).toEqual([MSG.failure("HANDLER_FAILED")]);
  });
});
