// The optional LLM (issue 8): when an OpenAI-compatible endpoint is configured, wires the
// answer decorator (understanding + grounded phrasing) into the bot, ahead of other
// decorators. Prompts are checked at start (refuses to start on a broken prompt) and always
// in `aanzet map check`. The embedder for recurring-question grouping is app.llm.embedder.
import { join } from "node:path";
import { PROJECT_ROOT } from "../app.js";
import { mapCheckExtras } from "../cli/main.js";
import { loadConfig, type Config } from "../config.js";
import { loadPrompts, loadValidPrompts } from "../content/prompt-loader.js";
import { LlmAssist } from "../core/llm/index.js";
import { feature } from "./index.js";

/** The prompts directory: AANZET_PROMPTS_DIR, else prompts/ in the project. */
export function promptsDir(config: Config): string {
  return config.env.AANZET_PROMPTS_DIR ?? join(PROJECT_ROOT, "prompts");
}

feature((app) => {
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
});

mapCheckExtras.push(() => loadPrompts(promptsDir(loadConfig()), PROJECT_ROOT).problems);
