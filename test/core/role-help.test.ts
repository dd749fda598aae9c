// /help shows what this person can do: a worker's help for workers, plus the coach's commands
// (Bevestigen, Verbeteren, /corrigeer, /gaten) for coaches and the lead's review commands
// (/knelpunten, /accepteer, ...) for leads, in the core and in every channel: console, Slack
// (/aanzet help and a direct message) and Teams.
import { TestAdapter, type Activity } from "botbuilder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTurnHandler, sdkLogic, turnErrorHandler, type TeamsBridge } from "../../src/adapters/teams/index.js";
import { MSG } from "../../src/core/messages.js";
import { silentLog } from "../../src/core/ports.js";
import { FakeSlack, allText, startSlack, type SlackHarness } from "../adapters/slack/harness.js";
import { makeApp, teamsMessage } from "../adapters/teams/harness.js";
import { makeBot, turn } from "../helpers/bot.js";
import { runCli } from "../helpers/cli.js";

const COACH = [/Als coach/, /\[Verbeteren\]/, /\/corrigeer/, /\/gaten/];
const LEAD = [/Als lead/, /\/knelpunten/, /\/accepteer/, /\/afwijzen/, /\/kaartvoorstel/];
const has = (text: string, patterns: RegExp[]) => patterns.every((p) => p.test(text));
const none = (text: string, patterns: RegExp[]) => patterns.every((p) => !p.test(text));

describe("help per role (core)", () => {
  it("workers see the worker's help only; coaches and leads see their own commands too", async () => {
    const { bot } = await makeBot();
    const help = async (role: "worker" | "coach" | "lead" | "admin") =>
      (await bot.handle(turn("/help", { role, thread: `h-${role}` })))[0]!.text;
    const worker = await help("worker");
    expect(worker).toBe(MSG.help);
    expect(none(worker, [...COACH, ...LEAD])).toBe(true);
    const coach = await help("coach");
    expect(has(coach, COACH)).toBe(true);
    expect(none(coach, LEAD)).toBe(true);
    const lead = await help("lead");
    expect(has(lead, LEAD)).toBe(true);
    expect(none(lead, COACH)).toBe(true);
    const admin = await help("admin");
    expect(has(admin, [...COACH, ...LEAD, /\/instellingen/])).toBe(true);
    // "help" and "hulp" without a slash work the same.
    expect((await bot.handle(turn("hulp", { role: "lead", thread: "h-hulp" })))[0]!.text).toBe(lead);
  });
});

describe("help per role (console)", () => {
  it("aanzet chat --role coach and --role lead answer /help with their commands", async () => {
    const coach = await runCli(["chat", "--role", "coach", "--as-operator-role", "--store", "memory://"], {
      input: "/help\n",
    });
    expect(coach.code, coach.stderr).toBe(0);
    expect(has(coach.stdout, COACH)).toBe(true);
    const lead = await runCli(["chat", "--role", "lead", "--as-operator-role", "--store", "memory://"], {
      input: "/help\n",
    });
    expect(has(lead.stdout, LEAD)).toBe(true);
    expect(none(lead.stdout, COACH)).toBe(true);
  });
});

describe("help per role (Slack)", () => {
  let fake: FakeSlack;
  let h: SlackHarness;
  beforeAll(async () => {
    fake = await FakeSlack.start();
    h = await startSlack({ fake, env: { AANZET_COACHES: "UCOACH", AANZET_LEADS: "ULEAD" } });
  });
  afterAll(async () => h?.close());

  it("/aanzet help is answered per role", async () => {
    await h.command("/aanzet", "help", "UCOACH", "C41");
    const coach = await fake.waitForCall("chat.postEphemeral", (b) => b.channel === "C41");
    expect(has(allText(coach.body), COACH)).toBe(true);
    await h.command("/aanzet", "help", "ULEAD", "C42");
    const lead = await fake.waitForCall("chat.postEphemeral", (b) => b.channel === "C42");
    expect(has(allText(lead.body), LEAD)).toBe(true);
    await h.command("/aanzet", "help", "UWORKER", "C43");
    const worker = await fake.waitForCall("chat.postEphemeral", (b) => b.channel === "C43");
    expect(none(allText(worker.body), [...COACH, ...LEAD])).toBe(true);
  });
});

describe("help per role (Teams)", () => {
  it("help from a coach and from a lead lists their commands", async () => {
    const app = await makeApp({
      AANZET_TEAMS_EMULATOR: "1",
      AANZET_COACHES: "tenant-1:aad-coach",
      AANZET_LEADS: "tenant-1:aad-lead",
    });
    const bridge: TeamsBridge = { post: async () => [], postToUser: async () => [] };
    const adapter = new TestAdapter(sdkLogic(createTurnHandler({ app, bridge, track: () => undefined })));
    adapter.onTurnError = turnErrorHandler(silentLog);
    const send = async (user: string) => {
      await adapter.receiveActivity(
        teamsMessage("https://smba.example.invalid/teams/", { text: "help", user }) as Partial<Activity>,
      );
      return adapter.activeQueue
        .splice(0)
        .map((a) => a.text ?? "")
        .join("\n");
    };
    try {
      expect(has(await send("coach"), COACH)).toBe(true);
      const lead = await send("lead");
      expect(has(lead, LEAD)).toBe(true);
      expect(none(lead, COACH)).toBe(true);
      expect(none(await send("worker"), [...COACH, ...LEAD])).toBe(true);
    } finally {
      await app.close();
    }
  });
});
