import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.js";

describe("Teams configuration", () => {
  it("is off without MicrosoftAppId or AANZET_TEAMS_EMULATOR", () => {
    expect(loadConfig({}).teams).toBeUndefined();
  });

  it("reads botbuilder's own variable names and the emulator flag", () => {
    const c = loadConfig({
      MicrosoftAppId: "app",
      MicrosoftAppPassword: "pw",
      MicrosoftAppType: "SingleTenant",
      MicrosoftAppTenantId: "t",
    });
    expect(c.teams).toMatchObject({
      appId: "app",
      appPassword: "pw",
      appType: "SingleTenant",
      appTenantId: "t",
      emulator: false,
      typingAfterMs: 2000,
    });
    expect(loadConfig({ AANZET_TEAMS_EMULATOR: "1" }).teams?.emulator).toBe(true);
  });

  it("takes a leads conversation as a bare id (with AANZET_TEAMS_SERVICE_URL) or as a reference", () => {
    const bare = loadConfig({
      AANZET_TEAMS_EMULATOR: "1",
      AANZET_TEAMS_LEADS_CONVERSATION: "19:leads@thread.tacv2",
      AANZET_TEAMS_SERVICE_URL: "https://smba.trafficmanager.net/emea/",
    });
    expect(bare.teams?.leads).toEqual({
      conversationId: "19:leads@thread.tacv2",
      serviceUrl: "https://smba.trafficmanager.net/emea/",
    });
    const ref = loadConfig({
      AANZET_TEAMS_EMULATOR: "1",
      AANZET_TEAMS_COACHES_CONVERSATION: JSON.stringify({
        conversation: { id: "19:c@thread.tacv2", tenantId: "t1" },
        serviceUrl: "https://smba.trafficmanager.net/teams/",
        channelId: "msteams",
      }),
    });
    expect(ref.teams?.coaches).toEqual({
      conversationId: "19:c@thread.tacv2",
      serviceUrl: "https://smba.trafficmanager.net/teams/",
      tenantId: "t1",
    });
    expect(ref.teams?.leads).toBeUndefined();
  });

  it("names the variable when a reference is broken", () => {
    expect(() => loadConfig({ AANZET_TEAMS_EMULATOR: "1", AANZET_TEAMS_LEADS_CONVERSATION: "{nope" })).toThrow(
      /AANZET_TEAMS_LEADS_CONVERSATION/,
    );
    expect(() =>
      loadConfig({ AANZET_TEAMS_EMULATOR: "1", AANZET_TEAMS_LEADS_CONVERSATION: '{"conversation":{}}' }),
    ).toThrow(/AANZET_TEAMS_LEADS_CONVERSATION: conversation.id/);
  });
});
