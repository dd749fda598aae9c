// Facts last the conversation: a reply to the one-fact question, or a follow-up in the same
// thread, refines the thread's question instead of starting over. Real map, in-memory store.
import { describe, expect, it } from "vitest";
import { makeBot, turn } from "../helpers/bot.js";

const primary = (r: { answer?: { aanZet: Array<{ actor: string; role: string }> } }) =>
  r.answer?.aanZet.find((a) => a.role === "primary")?.actor;

describe("facts in a thread", () => {
  it("asks the age once, uses the reply, and a follow-up with another age changes the counter", async () => {
    const { bot } = await makeBot();
    const thread = { thread: "ggz-1" };
    const [ask] = await bot.handle(turn("wie betaalt ggz behandeling voor mijn client?", thread));
    expect(ask!.answer?.status).toBe("clarify");
    expect(ask!.text).toMatch(/Hoe oud is de persoon\?/);

    const [young] = await bot.handle(turn("16", thread));
    expect(young!.answer?.status).toBe("answered");
    expect(primary(young!)).toBe("gemeente-jeugd");

    const [older] = await bot.handle(turn("en als ze 19 is?", thread));
    expect(older!.answer?.status).toBe("answered");
    expect(primary(older!)).toBe("zorgverzekeraar");
  });

  it("a follow-up in another thread does not inherit the facts", async () => {
    const { bot } = await makeBot();
    await bot.handle(turn("wie betaalt ggz behandeling voor een meisje van 15?", { thread: "a" }));
    const [other] = await bot.handle(turn("en als ze 19 is?", { thread: "b" }));
    expect(other!.answer?.status).not.toBe("answered");
  });

  it("a new question in the thread is answered on its own", async () => {
    const { bot } = await makeBot();
    const thread = { thread: "ggz-2" };
    await bot.handle(turn("wie betaalt ggz behandeling voor een meisje van 15?", thread));
    const [trap] = await bot.handle(turn("wie betaalt een traplift?", thread));
    expect(primary(trap!)).toBe("gemeente-wmo");
  });
});
