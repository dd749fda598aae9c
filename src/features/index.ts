// Feature modules: each registers its CLI commands (and, through register(app), its bot
// plugins). Imported once by the CLI; app.ts calls registerFeatures(app) for the bot side.
import type { App } from "../app.js";

type Feature = (app: App) => void | Promise<void>;
// `var`, not const: ESM evaluates the feature modules imported at the end of this file before
// this body runs, and they call feature() at once; a const would still be uninitialised then.
// eslint-disable-next-line no-var
var features: Feature[] | undefined;

/** Add a feature's bot wiring (plugins, listeners, buttons). */
export function feature(fn: Feature): void {
  (features ??= []).push(fn);
}

/** Called by createApp once the bot exists. */
export async function registerFeatures(app: App): Promise<void> {
  for (const f of features ?? []) await f(app);
}

// Feature modules (import for their side effects: commands + feature()).
import "../server/command.js";
import "./flows.js";
import "../adapters/register.js";
import "./ops.js";
import "./llm.js";
import "./learning.js";
