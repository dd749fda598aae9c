// Channel features that live once, in the core: anonymous sparring and the passive-listening
// switch (thread ownership and the listening gate are part of the bot itself).
import { listeningSwitch } from "../core/channel/listening.js";
import { Sparring } from "../core/sparring/plugin.js";
import type { Feature } from "./feature.js";

export const conversation: Feature = {
  name: "conversation",
  plugins: (app) => {
    const sparring = new Sparring({ store: app.store, clock: app.clock });
    app.bot.useChannel(sparring.handler(), { overhears: sparring.overhears() });
    app.bot.useChannel(listeningSwitch({ store: app.store, clock: app.clock }));
    return undefined;
  },
};
