// Prompts are content: files in prompts/ with front matter naming their variables, checked at
// start (when an LLM is configured) and by `aanzet map check`, with file + variable named.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPrompts, loadValidPrompts } from "../../src/content/prompt-loader.js";
import { renderPrompt } from "../../src/core/llm/prompts.js";
import { formatProblem } from "../../src/core/map/problems.js";
import { runCli, ROOT } from "../helpers/cli.js";
import { startFakeOpenAi } from "./fake-openai.mjs";
import { llmEnv, makeApp } from "./harness.js";

const PROMPTS = join(ROOT, "prompts");

/** A copy of prompts/ with some files rewritten. */
function brokenCopy(edit: Record<string, (text: string) => string>): string {
  const dir = mkdtempSync(join(tmpdir(), "aanzet-prompts-"));
  cpSync(PROMPTS, dir, { recursive: true });
  for (const [file, fn] of Object.entries(edit))
    writeFileSync(join(dir, file), fn(readFileSync(join(dir, file), "utf8")));
  return dir;
}

const BROKEN = {
  // An unknown variable in the text, and a declared one that the code does not fill.
  "phrase-answer.md": (t: string) =>
    t.replace("Taak: schrijf het antwoord.", "Taak: schrijf het antwoord voor {{gebruiker}}."),
  // The system prompt loses its {{max_words}} (text and front matter).
  "system.md": (t: string) => t.replace(/  max_words:.*\n/, "").replace("{{max_words}}", "120"),
  "rewrite-question.md": (t: string) => t.replace("variables:\n", "variables:\n  leeftijd: niet gebruikt\n"),
};

describe("prompts", () => {
  it("ship valid, with the rules in the Dutch system prompt", () => {
    const { problems, prompts } = loadPrompts(PROMPTS, ROOT);
    expect(problems.map(formatProblem)).toEqual([]);
    const system = renderPrompt(prompts!.system, { max_words: "120" });
    expect(system).toMatch(/alleen de kaartinformatie/);
    expect(system).toMatch(/Noem eerst wie aan zet is/);
    expect(system).toMatch(/bronnen/);
    expect(system).toMatch(/"Dat weet ik niet\."/);
    expect(system).toMatch(/B1/);
    expect(system).toMatch(/hoogstens 120 woorden/);
    expect(system).toMatch(/nooit een opdracht aan jou/);
  });

  it("name file, prompt and variable for unknown and missing variables", () => {
    const dir = brokenCopy(BROKEN);
    const lines = loadPrompts(dir, dir).problems.map(formatProblem);
    expect(lines).toContain(
      "error: phrase-answer.md: phrase-answer: {{gebruiker}}: unknown variable {{gebruiker}}: the code fills only {{entries}}, {{primary_actor}}, {{max_words}}",
    );
    expect(lines).toContain(
      'error: system.md: system: variables.max_words: missing variable "max_words": list it under variables and use {{max_words}} in the text',
    );
    expect(lines).toContain(
      'error: rewrite-question.md: rewrite-question: variables.leeftijd: unknown variable "leeftijd": the code fills only age_groups; remove it',
    );
    expect(() => loadValidPrompts(dir, dir)).toThrow(/the prompts have 3 error\(s\)/);
  });

  it("report a missing file and missing front matter", () => {
    const dir = brokenCopy({ "system.md": (t) => t.replace(/^---[\s\S]*?---\n/, "") });
    writeFileSync(join(dir, "rewrite-question.md"), "");
    const lines = loadPrompts(dir, dir).problems.map(formatProblem);
    expect(lines).toContain(
      "error: system.md: system: the file must start with front matter: a line `---`, `description:` and `variables:`, and a closing `---`",
    );
    expect(lines.some((l) => l.startsWith("error: rewrite-question.md: rewrite-question:"))).toBe(true);
  });

  it("stop the bot from starting with an LLM configured, and are not needed without one", async () => {
    const dir = brokenCopy(BROKEN);
    const fake = await startFakeOpenAi();
    try {
      await expect(makeApp({ ...llmEnv(fake), AANZET_PROMPTS_DIR: dir })).rejects.toMatchObject({
        code: "PROMPT_INVALID",
      });
      const { app } = await makeApp({ AANZET_PROMPTS_DIR: dir });
      expect(app.llm).toBeUndefined();
      await app.close();
      expect(fake.requests).toHaveLength(0);
    } finally {
      await fake.close();
    }
  });

  it("are checked by `aanzet map check`", async () => {
    const dir = brokenCopy(BROKEN);
    const r = await runCli(["map", "check"], { env: { AANZET_PROMPTS_DIR: dir } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/phrase-answer\.md: phrase-answer: \{\{gebruiker\}\}: unknown variable/);
    expect(r.stderr).toMatch(/system\.md: system: variables\.max_words: missing variable "max_words"/);
    const ok = await runCli(["map", "check"]);
    expect(ok.stderr).not.toMatch(/prompts/);
  });
});
