// The adapter contract: what every channel (console, Slack, Teams) must do the same, seen
// from the user's side. A channel's test file passes a driver that sends one message the way
// that channel delivers it and returns the reply texts as the user would see them.
//
//   import { adapterContract } from "../contract.js";
//   adapterContract("slack", async () => ({ send, close, supports: { redelivery: true, mention: true } }));
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMap } from "../../src/content/map-loader.js";
import { Answerer } from "../../src/core/answer/answerer.js";
import { ABSTAIN_OFF_TOPIC } from "../../src/core/answer/compose.js";
import { actorName } from "../../src/core/map/vocabulary.js";
import { MSG } from "../../src/core/messages.js";

export interface SendOptions {
  /** The channel's message id. The same id twice is a redelivery (drivers with `redelivery`). */
  id?: string;
  /** Conversation key: messages with the same thread are one conversation. Default: one
   * conversation per driver. */
  thread?: string;
  /** Address the bot with the channel's mention syntax (drivers with `mention`). */
  mention?: boolean;
}

export interface AdapterDriver {
  /** Send one message as a worker and wait for the bot; resolves with the text of every
   * reply the user sees (cards and blocks flattened to text), [] for no reply. */
  send(text: string, opts?: SendOptions): Promise<string[]>;
  close(): Promise<void>;
  /** What the channel can express; the cases that need more are skipped. */
  supports: { redelivery: boolean; mention: boolean };
}

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TODAY = new Date().toISOString().slice(0, 10);
const answerer = new Answerer(loadMap(join(ROOT, "map"), ROOT).map);

/** The name a user should see for the first primary actor of the map's answer. */
function expectedActor(question: string): string {
  const { answer } = answerer.answer(question, { tenant: "default", today: TODAY });
  const primary = answer.aanZet.find((a) => a.role === "primary");
  if (answer.status !== "answered" || !primary) throw new Error(`contract: the map no longer answers "${question}"`);
  return actorName(primary.actor);
}

const QUESTION = "wie betaalt een traplift?";
const CLARIFY = "rolstoel";
const clarifies = answerer.answer(CLARIFY, { tenant: "default", today: TODAY }).answer.status === "clarify";
const joined = (replies: string[]) => replies.join("\n");

/** Define the contract's tests for one channel. `start` is called once per file. */
export function adapterContract(name: string, start: () => Promise<AdapterDriver>): void {
  describe(`adapter contract: ${name}`, () => {
    let d: AdapterDriver;
    let n = 0;
    const thread = () => `contract-${name}-${++n}`;
    beforeAll(async () => {
      d = await start();
    });
    afterAll(async () => d?.close());

    it("answers a question with who is aan zet", async () => {
      const replies = await d.send(QUESTION, { thread: thread() });
      expect(replies.length).toBeGreaterThan(0);
      expect(joined(replies)).toContain(expectedActor(QUESTION));
    });

    it("explains itself on /help", async () => {
      expect(joined(await d.send("/help", { thread: thread() }))).toContain(MSG.help.split("\n")[0]!);
    });

    it("says so for an unknown command", async () => {
      expect(joined(await d.send("/bestaatniet", { thread: thread() }))).toContain(MSG.unknownCommand("bestaatniet"));
    });

    it("declines an off-topic question instead of guessing", async () => {
      const text = joined(await d.send("wat is een goed recept voor appeltaart?", { thread: thread() }));
      expect(text).toContain(ABSTAIN_OFF_TOPIC);
      expect(text).not.toContain("Aan zet:");
    });

    it("never shows a BSN from the question back", async () => {
      const replies = await d.send("wie betaalt een traplift voor mevrouw met bsn 111222333?", { thread: thread() });
      expect(replies.length).toBeGreaterThan(0);
      expect(joined(replies)).not.toContain("111222333");
    });

    it("refuses a message that is too long, kindly", async () => {
      const replies = await d.send(`${"Mijn vraag gaat over zorg thuis. ".repeat(130)}Wie betaalt?`, {
        thread: thread(),
      });
      expect(joined(replies)).toContain(MSG.tooLong(4000));
    });

    it.skipIf(!clarifies)("keeps a clarify question to its own conversation", async () => {
      const a = thread();
      expect(joined(await d.send(CLARIFY, { thread: a }))).toMatch(/Gaat het om|Eén vraag/);
      expect(joined(await d.send("1", { thread: thread() }))).not.toContain("Aan zet");
      expect(joined(await d.send("1", { thread: a }))).toContain("Aan zet");
    });

    it("answers the same with the channel's mention syntax", async (ctx) => {
      if (!d.supports.mention) return ctx.skip();
      expect(joined(await d.send(QUESTION, { thread: thread(), mention: true }))).toContain(expectedActor(QUESTION));
    });

    it("answers a redelivered message once", async (ctx) => {
      if (!d.supports.redelivery) return ctx.skip();
      const t = thread();
      const id = `contract-dup-${name}-${Date.now()}`;
      expect((await d.send(QUESTION, { thread: t, id })).length).toBeGreaterThan(0);
      expect(await d.send(QUESTION, { thread: t, id })).toEqual([]);
    });
  });
}
