// Every feature of aanzet, in the order its plugins run. createApp wires their plugins and
// keeps their channel adapters for `aanzet serve`; the CLI takes their commands and `map
// check` their content checks. To add a feature: write it as a Feature value, add it here.
import type { Feature } from "./feature.js";
import { channels } from "./channels.js";
import { conversation } from "./conversation.js";
import { flows } from "./flows.js";
import { learning } from "./learning.js";
import { llm } from "./llm.js";
import { ops } from "./ops.js";

export const FEATURES: readonly Feature[] = [conversation, flows, channels, ops, llm, learning];

export type { App, AppParts, ChannelAdapter, CommandHandler, Feature } from "./feature.js";
