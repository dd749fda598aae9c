// Anonymous sparring is one core plugin behind the channel port: the same code serves a
// channel where coaches answer in the thread (Slack) and one with card forms that hears only
// @mentions (Teams). What is kept is the same in both.
import { beforeEach, describe, expect, it } from "vitest";
import type { Bot } from "../../src/core/bot.js";
import { CHANNEL_MSG } from "../../src/core/channel/messages.js";
import type { Store } from "../../src/core/ports.js";
import { SPAR_REPLY, Sparring } from "../../src/core/sparring/plugin.js";
import { chatChannel } from "../helpers/channel.js";
import { makeBot, turn } from "../helpers/bot.js";

let bot: Bot;
let store: Store;

beforeEach(async () => {
  ({ bot, store } = await makeBot());
  const sparring = new Sparring({ store, clock: bot.clock });
  bot.useChannel(sparring.handler(), { overhears: sparring.overhears() });
});

async function records(prefix: string): Promise<Array<[string, unknown]>> {
  const out: Array<[string, unknown]> = [];
  for await (const e of store.scan(prefix)) out.push(e);
  return out;
}

const threadLike = () => chatChannel({ overhears: true, inlineForms: false }, { address: "URAW1", name: "<@UCOACH>" });
const formLike = () =>
  chatChannel({ overhears: false, inlineForms: true }, { address: "conv-raw-1", name: "Coach Anna" });

describe.each([
  ["answers in the thread", threadLike],
  ["answers with a form", formLike],
])("sparring in a channel that %s", (_name, channel) => {
  it("posts the scrubbed question without the asker, keeps a pseudonym, relays the answer privately", async () => {
    const asker = channel();
    const [ok] = await bot.handle(
      turn("anoniem Mijn cliënt met BSN 111222333 krijgt geen traplift, wat nu?", { user: "UASKER" }),
      asker,
    );
    expect(ok!.text).toBe(CHANNEL_MSG.anonPosted);
    const posted = asker.posts[0]!;
    expect(posted.place).toBe("coaches");
    expect(posted.reply.text).toContain("traplift");
    expect(posted.reply.text).not.toContain("111222333");
    expect(posted.reply.text).not.toContain("UASKER");
    const stored = (await records("spar:t1:")) as Array<[string, { user: string; address: string; thread: string }]>;
    expect(stored).toHaveLength(1);
    const rec = stored[0]![1];
    expect(rec).toMatchObject({ user: bot.pseudonym("t1", "UASKER"), thread: "coaches:1" });
    expect(JSON.stringify(rec)).not.toContain("UASKER");

    const coach = channel();
    const form = posted.reply.buttons?.find((b) => b.action === SPAR_REPLY);
    const answer = form
      ? turn("Vraag een besluit op papier.", {
          thread: "coaches:1",
          user: "UCOACH",
          action: { id: SPAR_REPLY, value: form.value! },
        })
      : turn("Vraag een besluit op papier.", { thread: "coaches:1", user: "UCOACH", direct: false });
    const toCoach = await bot.handle(answer, coach);
    expect(coach.dms).toHaveLength(1);
    expect(coach.dms[0]!.address).toBe(rec.address);
    expect(coach.dms[0]!.reply.text).toContain("besluit op papier");
    // Heard in the thread: no reply there; pressed on the form: a short confirmation.
    expect(toCoach.map((r) => r.text)).toEqual(form ? [CHANNEL_MSG.anonRelayed] : []);
  });
});

describe("sparring refusals", () => {
  it("asks only where replies are private, and says so when no coaches' place is set", async () => {
    const shared = chatChannel({}, { privateHere: false, address: "U1" });
    expect((await bot.handle(turn("anoniem hoe pak ik dit aan?"), shared))[0]!.text).toBe(CHANNEL_MSG.anonOnlyPrivate);
    const unset = { ...chatChannel({}, { address: "U1" }), post: async () => undefined };
    expect((await bot.handle(turn("anoniem hoe pak ik dit aan?"), unset))[0]!.text).toBe(CHANNEL_MSG.anonOff);
    expect(await records("spar:")).toHaveLength(0);
    expect(shared.posts).toHaveLength(0);
  });

  it("relays nothing from another thread with a form's sparring id", async () => {
    const asker = chatChannel({ inlineForms: true }, { address: "conv-raw-2" });
    await bot.handle(turn("anoniem hoe pak ik dit aan?"), asker);
    const id = asker.posts[0]!.reply.buttons![0]!.value!;
    const elsewhere = chatChannel({ inlineForms: true });
    const out = await bot.handle(
      turn("antwoord", { thread: "other", action: { id: SPAR_REPLY, value: id } }),
      elsewhere,
    );
    expect(out[0]!.text).toBe(CHANNEL_MSG.anonGone);
    expect(elsewhere.dms).toHaveLength(0);
  });
});
