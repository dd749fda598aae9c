// The optional LLM (issue 8): when an OpenAI-compatible endpoint is configured, wires the
// answer decorator (understanding + grounded phrasing) into the bot, ahead of other
// decorators. Prompts are checked at start (refuses to start on a broken prompt) and always
// in `aanzet map check`. The embedder for recurring-question grouping is app.llm.embedder.
import { join } from "node:path";
import type { Config } from "../config.js";
import { loadPrompts, loadValidPrompts } from "../content/prompt-loader.js";
import { LlmAssist } from "../core/llm/index.js";
import { PROJECT_ROOT } from "../project-root.js";
import type { App, Feature } from "./feature.js";

/** The prompts directory: AANZET_PROMPTS_DIR, else prompts/ in the project. */
export function promptsDir(config: Config): string {
  return config.env.AANZET_PROMPTS_DIR ?? join(PROJECT_ROOT, "prompts");
}

function wire(app: App): undefined {
  const llm = app.llm;
  if (!llm) return;
  const prompts = loadValidPrompts(promptsDir(app.config), PROJECT_ROOT);
  const assist = new LlmAssist({
    llm: llm.port,
    prompts,
    answerer: app.bot.answerer,
    map: app.map,
    log: app.log,
    budgetMs: llm.budgetMs,
    budgets: llm.budgets,
    today: () => app.bot.today(),
  });
  app.bot.decorate(assist.decorator, { first: true });
  app.log.debug({ event: "llm.enabled", budgetMs: llm.budgetMs }, "LLM assistance on (deterministic answer first)");
}

export const llm: Feature = {
  name: "llm",
  plugins: wire,
  checks: [(config) => loadPrompts(promptsDir(config), PROJECT_ROOT).problems],
};
