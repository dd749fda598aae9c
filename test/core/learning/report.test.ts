// Reports: Markdown, CSV and the self-contained HTML page with its three SVG charts.
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import {
  PROPOSAL_NEW_ENTRY,
  proposalPatch,
  reportCsv,
  reportHtml,
  reportMarkdown,
} from "../../../src/core/learning/index.js";
import { realMap } from "../../helpers/bot.js";
import { learningBot, replayFixture } from "./helpers.js";

async function knelpunten() {
  const { bot, loop } = await learningBot();
  await replayFixture(bot, "stream.jsonl");
  return loop.knelpunten.list("t1");
}

const meta = {
  tenant: "t1",
  generatedAt: "2026-03-20T12:00:00.000Z",
  entryTitle: (id: string) => realMap.get(id)?.title,
};

describe("reports", () => {
  it("writes a self-contained HTML page with charts over time, per team and per law", async () => {
    const ks = await knelpunten();
    const html = reportHtml(ks, meta);
    expect(html.startsWith("<!doctype html>")).toBe(true);
    for (const id of ["chart-time", "chart-teams", "chart-laws"]) {
      const m = new RegExp(`<svg id="${id}"[\\s\\S]*?</svg>`).exec(html);
      expect(m, id).not.toBeNull();
      expect((m![0].match(/<rect class="bar"/g) ?? []).length, id).toBeGreaterThan(0);
    }
    // Every team of every candidate has a bar.
    const teams = new Set(ks.flatMap((k) => k.teams));
    const teamChart = /<svg id="chart-teams"[\s\S]*?<\/svg>/.exec(html)![0];
    for (const t of teams) expect(teamChart).toContain(`>${t}<`);
    // No scripts, no external assets.
    expect(html).not.toMatch(/<script|<link|<img|src=|@import|url\(/i);
    expect(html).toContain("Voorgestelde structurele oplossing");
    expect(html).toContain("Landelijk Maatwerkloket");
  });

  it("escapes text from questions in HTML", () => {
    const k = {
      id: "k1",
      status: "candidate" as const,
      title: "<b>x</b> & y",
      cases: 3,
      teams: ["a"],
      firstSeen: "2026-01-01T00:00:00Z",
      lastSeen: "2026-01-02T00:00:00Z",
      messageIds: ["1"],
      entries: [],
      laws: [],
      examples: ['<script>alert("x")</script>'],
      weekly: [{ week: "2025-12-29", cases: 3 }],
      perTeam: { a: 3 },
      trend: { recentCases: 3, beforeCases: 0, recentPerWeek: 0.75, beforePerWeek: 0, direction: "new" as const },
      mergedFrom: [],
    };
    const html = reportHtml([k], meta);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt; &amp; y");
  });

  it("writes Markdown sections and CSV rows for the werktafel", async () => {
    const ks = await knelpunten();
    const md = reportMarkdown(ks, meta);
    expect(md).toMatch(/^# Knelpunten uit aanzet: t1/);
    for (const k of ks) expect(md).toContain(`(${k.id})`);
    expect(md).toContain("**Voorgestelde structurele oplossing:**");
    expect(md).toContain("**Betrokken wetten:**");
    const csv = reportCsv(ks).trimEnd().split("\r\n");
    expect(csv[0]).toBe(
      "id,status,titel,casussen,teams,eerst_gezien,laatst_gezien,wetten,kaart,berichten,trend,per_week_laatste_4,per_week_daarvoor,voorbeeld,voorgestelde_oplossing",
    );
    expect(csv).toHaveLength(ks.length + 1);
  });
});

describe("map proposal patches", () => {
  const base = {
    tenant: "t1",
    author: "u_abc",
    date: "2026-03-20",
    createdAt: "2026-03-20T12:00:00Z",
    status: "open" as const,
    kind: "correction" as const,
  };

  it("names entry, field, current and proposed text for an existing entry", () => {
    const entry = realMap.base[0]!;
    const patch = proposalPatch(
      { ...base, id: "p1", entryId: entry.id, field: "summary", text: "Nieuwe samenvatting." },
      realMap,
    );
    const yaml = parseYaml(JSON.stringify(patch)) as { patch: Record<string, unknown> };
    expect(yaml.patch).toMatchObject({
      entry: entry.id,
      field: "summary",
      current: entry.summary,
      proposed: "Nieuwe samenvatting.",
    });
  });

  it("gives a new entry as a skeleton in the map's own shape", () => {
    const patch = proposalPatch(
      {
        ...base,
        kind: "new-entry",
        id: "p2",
        entryId: PROPOSAL_NEW_ENTRY,
        field: "entry",
        text: "De gemeente betaalt de uitvaart als niemand anders het doet.",
        question: "Wie betaalt een begrafenis zonder familie?",
      },
      realMap,
    ) as { entries: Array<Record<string, unknown>> };
    const [e] = patch.entries;
    expect(e).toMatchObject({
      id: "begrafenis-familie",
      summary: "De gemeente betaalt de uitvaart als niemand anders het doet.",
      questions: ["Wie betaalt een begrafenis zonder familie?"],
    });
    expect(Object.keys(e!)).toEqual(
      expect.arrayContaining(["title", "topic", "aanZet", "ifStuck", "sources", "reviewedOn"]),
    );
  });
});
