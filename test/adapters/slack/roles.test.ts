// Roles in Slack: configured user ids, or membership of a configured Slack user group
// (usergroups.users.list, cached), decide who is coach or lead.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack, allText, startSlack, type SlackHarness } from "./harness.js";

let fake: FakeSlack;
let h: SlackHarness;

beforeAll(async () => {
  fake = await FakeSlack.start();
  fake.groups.set("SCOACHES", ["UGROUPED"]);
  h = await startSlack({ fake, env: { AANZET_COACHES: "SCOACHES,T1:UDIRECT", AANZET_LEADS: "T2:UOTHERWS" } });
});
afterAll(async () => {
  await h?.close();
});

describe("coach by Slack user group", () => {
  it("lets a member of the configured group switch listening, looking the group up once", async () => {
    await h.command("/aanzet", "luister aan", "UGROUPED", "C20");
    const announce = await fake.waitForCall("chat.postMessage", (b) => b.channel === "C20");
    expect(allText(announce.body)).toContain("luistert vanaf nu mee");
    await h.command("/aanzet", "luister uit", "UGROUPED", "C20");
    await fake.waitFor(
      (calls) => calls.filter((c) => c.method === "chat.postMessage" && c.body.channel === "C20").length === 2,
    );
    expect(fake.of("usergroups.users.list")).toHaveLength(1);
    expect(fake.of("usergroups.users.list")[0]!.body.usergroup).toBe("SCOACHES");
  });

  it("honours workspace-scoped ids and refuses everyone else", async () => {
    await h.command("/aanzet", "luister aan", "UDIRECT", "C21");
    await fake.waitForCall("chat.postMessage", (b) => b.channel === "C21");
    await h.command("/aanzet", "luister aan", "UOTHERWS", "C22");
    const refused = await fake.waitForCall("chat.postEphemeral", (b) => b.channel === "C22");
    expect(allText(refused.body)).toContain("Alleen een coach");
  });
});
