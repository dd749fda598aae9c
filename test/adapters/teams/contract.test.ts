// The shared adapter contract, through real HTTP to /api/messages and a fake Bot Connector.
import { adapterContract } from "../contract.js";
import { visibleText } from "../../../src/adapters/teams/index.js";
import { startTeams, teamsMessage } from "./harness.js";

adapterContract("teams", async () => {
  const h = await startTeams();
  let seq = 0;
  return {
    supports: { redelivery: true, mention: true },
    async send(text, opts = {}) {
      const before = h.fake.posted.length;
      const activity = teamsMessage(h.fake.url, {
        text,
        id: opts.id ?? `contract-${++seq}`,
        kind: "personal",
        conversationId: `a:${opts.thread ?? "contract"}`,
        mention: opts.mention ?? false,
      });
      const res = await h.post(activity);
      if (res.status !== 200) throw new Error(`teams: HTTP ${res.status}`);
      await h.teams.settled();
      return h.fake.posted
        .slice(before)
        .filter((p) => p.activity.type === "message")
        .map((p) => visibleText(p.activity));
    },
    close: () => h.close(),
  };
});
