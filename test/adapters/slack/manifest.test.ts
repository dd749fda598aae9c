// manifest.json and the adapter must agree: every declared command and event has a listener,
// every listener is declared, scopes are exactly what those need, URLs hit our endpoint.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  BOT_EVENTS,
  SLACK_ENDPOINT,
  registerListeners,
  requiredScopes,
  type Listeners,
  type Registrar,
} from "../../../src/adapters/slack/registration.js";
import { ROOT } from "./harness.js";

interface Manifest {
  display_information: { name: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: Array<{ command: string; url: string; description: string }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8")) as Manifest;

/** Register the adapter's real listener tables on a recorder instead of Bolt. */
async function recorded() {
  const seen = { events: [] as string[], commands: [] as string[], actions: 0, views: [] as string[] };
  const r: Registrar = {
    event: (name) => void seen.events.push(name),
    command: (name) => void seen.commands.push(name),
    actions: () => void seen.actions++,
    view: (id) => void seen.views.push(id),
  };
  // The tables are built from stub deps: registration must not call them.
  const { eventListeners } = await import("../../../src/adapters/slack/events.js");
  const { commandListeners } = await import("../../../src/adapters/slack/commands.js");
  const { onBlockAction } = await import("../../../src/adapters/slack/actions.js");
  const { viewListeners } = await import("../../../src/adapters/slack/views.js");
  const deps = {} as never;
  const listeners: Listeners = {
    events: eventListeners(deps),
    commands: commandListeners(deps),
    actions: onBlockAction(deps),
    views: viewListeners(deps),
  };
  registerListeners(r, listeners);
  // A listener table entry that registration skipped would be a listener Slack never reaches.
  expect(Object.keys(listeners.events).sort()).toEqual([...seen.events].sort());
  expect(Object.keys(listeners.commands).sort()).toEqual([...seen.commands].sort());
  return seen;
}

describe("manifest.json", () => {
  it("declares exactly the slash commands the adapter listens to", async () => {
    const seen = await recorded();
    const declared = manifest.features.slash_commands.map((c) => c.command).sort();
    expect(declared).toEqual([...seen.commands].sort());
    expect(declared).toEqual(["/aanzet", "/escalatie", "/knelpunten", "/toets"]);
  });

  it("subscribes to exactly the events the adapter listens to", async () => {
    const seen = await recorded();
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...seen.events].sort());
    expect([...seen.events].sort()).toEqual([...BOT_EVENTS].sort());
  });

  it("enables interactivity because buttons and modals have listeners", async () => {
    const seen = await recorded();
    expect(seen.actions).toBe(1);
    expect(seen.views.length).toBeGreaterThan(0);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it("has the home tab exactly when app_home_opened is handled, and the messages tab for DMs", async () => {
    const seen = await recorded();
    expect(manifest.features.app_home.home_tab_enabled).toBe(seen.events.includes("app_home_opened"));
    expect(manifest.features.app_home.messages_tab_enabled).toBe(seen.events.includes("message.im"));
  });

  it("asks for no more and no fewer bot scopes than the features need", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(requiredScopes());
  });

  it("points every request URL at the adapter's endpoint, HTTP mode by default", () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c) => c.url),
    ];
    for (const url of urls) expect(url).toBe(`https://YOUR-HOST${SLACK_ENDPOINT}`);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.display_information.name).toBe("aanzet");
    expect(manifest.features.bot_user.display_name).toBe("aanzet");
  });
});
