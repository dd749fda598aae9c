// `aanzet erase --user` finds anonymous sparring in Teams too: the core's sparring record
// holds the asker's pseudonym beside the raw Teams address, so the person's id is enough.
import { TestAdapter, type Activity } from "botbuilder";
import { afterEach, describe, expect, it } from "vitest";
import { createTurnHandler, sdkLogic, type TeamsBridge } from "../../src/adapters/teams/index.js";
import type { App } from "../../src/app.js";
import { erase } from "../../src/store/erase.js";
import { isAdminStore, type AdminStore } from "../../src/store/open-store.js";
import { makeApp, teamsMessage } from "../adapters/teams/harness.js";

const SERVICE = "https://smba.example.invalid/teams/";
const COACHES = "19:coaches@thread.tacv2";

let app: App;
afterEach(async () => app.close());

async function dump(store: AdminStore): Promise<string> {
  const out: string[] = [];
  for (const kind of await store.kinds())
    for await (const [k, v] of store.scan(`${kind}:`)) out.push(`${k} ${JSON.stringify(v)}`);
  return out.join("\n");
}

describe("erase --user and Teams sparring", () => {
  it("removes the sparring case and the raw conversation address of the asker", async () => {
    app = await makeApp({ AANZET_TEAMS_EMULATOR: "1", AANZET_TEAMS_COACHES_CONVERSATION: COACHES });
    let n = 0;
    const bridge: TeamsBridge = {
      post: async (_target, activities) => activities.map(() => `post-${++n}`),
      postToUser: async () => [],
    };
    const adapter = new TestAdapter(sdkLogic(createTurnHandler({ app, bridge, track: () => undefined })));
    const ask = (user: string, conversationId: string) =>
      adapter.receiveActivity(
        teamsMessage(SERVICE, { text: "anoniem hoe pak ik dit aan?", user, conversationId }) as Partial<Activity>,
      );
    await ask("asker", "a:personal-chat-asker");
    await ask("other", "a:personal-chat-other");
    const store = app.store;
    if (!isAdminStore(store)) throw new Error("admin store expected");
    const before = await dump(store);
    expect(before).toContain("a:personal-chat-asker");
    expect(before.match(/^spar:/gm)).toHaveLength(2);
    expect(before.match(/^sparthread:/gm)).toHaveLength(2);

    const report = await erase(store, {
      users: ["aad-asker"],
      threads: [],
      pseudonym: (t, u) => app.bot.pseudonym(t, u),
    });
    expect(report.deleted.spar).toBe(1);
    const after = await dump(store);
    expect(after).not.toContain("a:personal-chat-asker");
    expect(after).not.toContain(app.bot.pseudonym("tenant-1", "aad-asker"));
    // The colleague's case stays, with its link from the coaches' thread.
    expect(after).toContain("a:personal-chat-other");
    expect(after.match(/^spar:/gm)).toHaveLength(1);
    expect(after.match(/^sparthread:/gm)).toHaveLength(1);
  });
});
