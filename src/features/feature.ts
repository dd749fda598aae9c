// The shape of a feature and of the App it is handed. A feature is a value: its CLI commands,
// the bot plugins it wires into an app, its channel adapters for `aanzet serve` and its
// content checks for `aanzet map check`. src/features/index.ts lists them all; createApp and
// the CLI take that list. Nothing registers itself when a module loads.
import type { WorkQueue } from "../server/work-queue.js";
import type { Express } from "express";
import type { CliIO } from "../cli/io.js";
import type { Config } from "../config.js";
import type { Bot } from "../core/bot.js";
import type { FlowPlugin } from "../core/flows/plugin.js";
import type { LearningLoop } from "../core/learning/index.js";
import type { LlmRuntime } from "../core/llm/index.js";
import type { ContentProblem } from "../core/map/problems.js";
import type { RegulationMap } from "../core/map/regulation-map.js";
import type { Clock, Log, Store } from "../core/ports.js";
import type { RoleBook } from "../roles.js";

/** What a feature's plugins leave behind for its commands (`aanzet flows export`, `aanzet report`). */
export interface AppParts {
  flows?: FlowPlugin;
  learning?: LearningLoop;
}

/** A running core: what adapters, commands and plugins work with. */
export interface App {
  config: Config;
  log: Log;
  store: Store;
  map: RegulationMap;
  bot: Bot;
  clock: Clock;
  /** Configured plus stored (per-tenant) roles. */
  roles: RoleBook;
  /** Answer work of the channels, bounded (absent: work runs at once). */
  work?: WorkQueue | undefined;
  /** The optional LLM (chat + embeddings); undefined when no endpoint is configured. */
  llm?: LlmRuntime | undefined;
  /** The features this app was built with (their adapters are what `serve` starts). */
  features: readonly Feature[];
  parts: AppParts;
  close(): Promise<void>;
}

/** A channel that mounts routes on the shared HTTP app and may need start/stop (Socket Mode). */
export interface ChannelAdapter {
  name: string;
  mount(web: Express): void | Promise<void>;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

/** Builds a channel for `serve`; undefined when its configuration is absent. */
export type AdapterFactory = (app: App) => ChannelAdapter | undefined | Promise<ChannelAdapter | undefined>;

/** One CLI command; returns the exit code. `open` builds an app with the same features. */
export type CommandHandler = (ctx: {
  args: string[];
  io: CliIO;
  config: Config;
  open: () => Promise<App>;
}) => Promise<number>;

/** A content check for `aanzet map check` (flow files, prompts). */
export type ContentCheck = (config: Config) => ContentProblem[];

export interface Feature {
  name: string;
  /** CLI commands by name; a two-word name ("map proposals") is a subcommand. */
  commands?: Readonly<Record<string, CommandHandler>>;
  /** Wire this feature's plugins (turn handlers, buttons, decorators) into `app.bot`. */
  plugins?(app: App): Partial<AppParts> | undefined | Promise<Partial<AppParts> | undefined>;
  adapters?: readonly AdapterFactory[];
  checks?: readonly ContentCheck[];
}
