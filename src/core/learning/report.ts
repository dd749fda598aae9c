// Reports for a werktafel or a signal to the Landelijk Maatwerkloket: Markdown, CSV and a
// self-contained HTML page with inline SVG charts (over time, per team, per law). Pure
// functions over the knelpunten; writing files is the CLI's job.
import { lawName } from "../map/vocabulary.js";
import { barChart, columnChart, esc, type Bar } from "./report-svg.js";
import type { Knelpunt } from "./types.js";

export interface ReportMeta {
  tenant: string;
  /** ISO time the report was made. */
  generatedAt: string;
  /** Map entry id -> title, for readable links. */
  entryTitle?: (id: string) => string | undefined;
  settings?: { minCases: number; minTeams: number; windowDays: number };
}

const STATUS_NL: Record<Knelpunt["status"], string> = {
  open: "open",
  candidate: "kandidaat",
  accepted: "geaccepteerd",
  rejected: "afgewezen",
  merged: "samengevoegd",
  snoozed: "gepauzeerd",
};
const TREND_NL = { up: "stijgend", down: "dalend", flat: "gelijk", new: "nieuw" } as const;

/** Knelpunten that belong in a report (merged ones live on in their target). */
function reported(ks: Knelpunt[]): Knelpunt[] {
  return ks.filter((k) => k.status !== "merged" && k.status !== "open");
}

const day = (iso: string): string => iso.slice(0, 10);
/** A title as a sentence: one closing full stop, none after "…" or "?". */
const sentence = (t: string): string => (/[.!?…]$/.test(t) ? t : `${t}.`);

function ruleText(meta: ReportMeta): string {
  const s = meta.settings ?? { minCases: 3, minTeams: 2, windowDays: 56 };
  const weeks = s.windowDays % 7 === 0 ? `${s.windowDays / 7} weken` : `${s.windowDays} dagen`;
  return `Een kandidaat-knelpunt is een vraag die minstens ${s.minCases} keer terugkomt (aparte casussen), uit minstens ${s.minTeams} teams, binnen ${weeks}.`;
}

/** Cases per week over all reported knelpunten, every week between first and last shown. */
export function casesPerWeek(ks: Knelpunt[]): Bar[] {
  const counts = new Map<string, number>();
  for (const k of reported(ks)) for (const w of k.weekly) counts.set(w.week, (counts.get(w.week) ?? 0) + w.cases);
  const weeks = [...counts.keys()].sort();
  if (weeks.length === 0) return [];
  const out: Bar[] = [];
  for (let t = Date.parse(weeks[0]!); t <= Date.parse(weeks[weeks.length - 1]!); t += 7 * 86_400_000) {
    const w = new Date(t).toISOString().slice(0, 10);
    out.push({ label: w, value: counts.get(w) ?? 0 });
  }
  return out;
}

export function casesPerTeam(ks: Knelpunt[]): Bar[] {
  const counts = new Map<string, number>();
  for (const k of reported(ks))
    for (const [team, n] of Object.entries(k.perTeam)) counts.set(team, (counts.get(team) ?? 0) + n);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([label, value]) => ({ label, value }));
}

export function casesPerLaw(ks: Knelpunt[]): Bar[] {
  const counts = new Map<string, number>();
  for (const k of reported(ks)) for (const law of k.laws) counts.set(law, (counts.get(law) ?? 0) + k.cases);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([law, value]) => ({ label: lawName(law), value }));
}

function trendLine(k: Knelpunt): string {
  const f = (n: number): string => n.toLocaleString("nl-NL");
  return `${TREND_NL[k.trend.direction]}: laatste 4 weken ${k.trend.recentCases} (${f(k.trend.recentPerWeek)} per week), daarvoor ${k.trend.beforeCases} (${f(k.trend.beforePerWeek)} per week)`;
}

function entryList(k: Knelpunt, meta: ReportMeta): string[] {
  return k.entries.map((id) => {
    const t = meta.entryTitle?.(id);
    return t ? `${t} (${id})` : id;
  });
}

/** Markdown: an overview table and one section per knelpunt, ready for a werktafel agenda. */
export function reportMarkdown(ks: Knelpunt[], meta: ReportMeta): string {
  const list = reported(ks);
  const out: string[] = [
    `# Knelpunten uit aanzet: ${meta.tenant}`,
    "",
    `Gemaakt op ${day(meta.generatedAt)}. De vragen komen van sociaal werkers in aanzet en zijn opgeslagen zonder persoonsgegevens. ${ruleText(meta)}`,
    "",
    "## Overzicht",
    "",
    "| id | status | knelpunt | casussen | teams | eerst | laatst | trend |",
    "| --- | --- | --- | ---: | --- | --- | --- | --- |",
    ...list.map(
      (k) =>
        `| ${k.id} | ${STATUS_NL[k.status]} | ${k.title.replace(/\|/g, "/")} | ${k.cases} | ${k.teams.join(", ")} | ${day(k.firstSeen)} | ${day(k.lastSeen)} | ${TREND_NL[k.trend.direction]} |`,
    ),
    "",
  ];
  if (list.length === 0) out.push("Er zijn (nog) geen kandidaat-knelpunten.", "");
  for (const k of list) {
    out.push(
      `## ${k.title} (${k.id})`,
      "",
      `- **Status:** ${STATUS_NL[k.status]}${k.review?.reason ? ` (reden: ${k.review.reason})` : ""}`,
      `- **Omschrijving:** ${sentence(k.title)} Deze vraag kwam ${k.cases} keer terug in ${k.teams.length} teams, van ${day(k.firstSeen)} tot ${day(k.lastSeen)}.`,
      `- **Aantal casussen:** ${k.cases}`,
      `- **Teams:** ${k.teams.join(", ")}`,
      `- **Betrokken wetten:** ${k.laws.length > 0 ? k.laws.map(lawName).join(", ") : "nog niet bekend"}`,
      `- **Regelkaart:** ${k.entries.length > 0 ? entryList(k, meta).join("; ") : "geen kaart gevonden (de vraag kon niet worden beantwoord)"}`,
      `- **Trend:** ${trendLine(k)}`,
      "",
      "**Voorbeelden (zonder persoonsgegevens):**",
      "",
      ...k.examples.map((e) => `> ${e}`),
      "",
      "**Voorgestelde structurele oplossing:** _(in te vullen door de werktafel of het Landelijk Maatwerkloket)_",
      "",
    );
  }
  return out.join("\n");
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV: one row per knelpunt; lists inside a cell are separated by "; ". */
export function reportCsv(ks: Knelpunt[]): string {
  const header = [
    "id",
    "status",
    "titel",
    "casussen",
    "teams",
    "eerst_gezien",
    "laatst_gezien",
    "wetten",
    "kaart",
    "berichten",
    "trend",
    "per_week_laatste_4",
    "per_week_daarvoor",
    "voorbeeld",
    "voorgestelde_oplossing",
  ];
  const rows = reported(ks).map((k) => [
    k.id,
    k.status,
    k.title,
    k.cases,
    k.teams.join("; "),
    k.firstSeen,
    k.lastSeen,
    k.laws.join("; "),
    k.entries.join("; "),
    k.messageIds.join("; "),
    k.trend.direction,
    k.trend.recentPerWeek,
    k.trend.beforePerWeek,
    k.examples[0] ?? "",
    "",
  ]);
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

const CSS = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a202c;max-width:960px;margin:2rem auto;padding:0 1rem;line-height:1.5}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #e2e8f0}h3{font-size:1.1rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #e2e8f0;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f7fafc}.num{text-align:right}.status{font-size:.8rem;padding:.1rem .4rem;border-radius:.3rem;background:#ebf8ff}
blockquote{margin:.3rem 0;padding:.2rem .8rem;border-left:3px solid #90cdf4;background:#f7fafc}
.solution{min-height:5rem;border:1px dashed #a0aec0;padding:.5rem;border-radius:.3rem}.chart{max-width:100%;height:auto}
section.k{page-break-inside:avoid}@media print{.solution{border-style:solid}}`;

/** A self-contained HTML page: inline CSS and SVG, no scripts, no external assets. */
export function reportHtml(ks: Knelpunt[], meta: ReportMeta): string {
  const list = reported(ks);
  const charts = [
    `<h2>Casussen per week</h2>`,
    columnChart("chart-time", "Casussen van kandidaat-knelpunten per week", casesPerWeek(ks)),
    `<h2>Casussen per team</h2>`,
    barChart("chart-teams", "Casussen per team", casesPerTeam(ks)),
    `<h2>Casussen per wet</h2>`,
    barChart("chart-laws", "Casussen per betrokken wet", casesPerLaw(ks)),
  ].join("\n");
  const rows = list
    .map(
      (k) =>
        `<tr><td><a href="#${esc(k.id)}">${esc(k.id)}</a></td><td><span class="status">${STATUS_NL[k.status]}</span></td><td>${esc(k.title)}</td><td class="num">${k.cases}</td><td>${esc(k.teams.join(", "))}</td><td>${day(k.firstSeen)}</td><td>${day(k.lastSeen)}</td><td>${TREND_NL[k.trend.direction]}</td></tr>`,
    )
    .join("\n");
  const sections = list
    .map((k) =>
      [
        `<section class="k" id="${esc(k.id)}">`,
        `<h3>${esc(k.title)} <small>(${esc(k.id)}, ${STATUS_NL[k.status]})</small></h3>`,
        `<p><strong>Omschrijving:</strong> ${esc(sentence(k.title))} Deze vraag kwam ${k.cases} keer terug in ${k.teams.length} teams, van ${day(k.firstSeen)} tot ${day(k.lastSeen)}.${k.review?.reason ? ` Reden van de lead: ${esc(k.review.reason)}.` : ""}</p>`,
        "<ul>",
        `<li><strong>Aantal casussen:</strong> ${k.cases}</li>`,
        `<li><strong>Teams:</strong> ${esc(k.teams.join(", "))}</li>`,
        `<li><strong>Betrokken wetten:</strong> ${esc(k.laws.length > 0 ? k.laws.map(lawName).join(", ") : "nog niet bekend")}</li>`,
        `<li><strong>Regelkaart:</strong> ${esc(k.entries.length > 0 ? entryList(k, meta).join("; ") : "geen kaart gevonden")}</li>`,
        `<li><strong>Trend:</strong> ${esc(trendLine(k))}</li>`,
        "</ul>",
        "<p><strong>Voorbeelden (zonder persoonsgegevens):</strong></p>",
        ...k.examples.map((e) => `<blockquote>${esc(e)}</blockquote>`),
        "<p><strong>Voorgestelde structurele oplossing:</strong></p>",
        `<div class="solution" contenteditable="true" aria-label="Voorgestelde structurele oplossing voor ${esc(k.id)}"></div>`,
        "</section>",
      ].join("\n"),
    )
    .join("\n");
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Knelpunten uit aanzet: ${esc(meta.tenant)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>Knelpunten uit aanzet: ${esc(meta.tenant)}</h1>
<p>Gemaakt op ${day(meta.generatedAt)}. Voor een werktafel of een signaal aan het Landelijk Maatwerkloket. De vragen komen van sociaal werkers in aanzet en zijn opgeslagen zonder persoonsgegevens. ${esc(ruleText(meta))}</p>
<h2>Overzicht</h2>
${list.length > 0 ? `<table><thead><tr><th>id</th><th>status</th><th>knelpunt</th><th>casussen</th><th>teams</th><th>eerst</th><th>laatst</th><th>trend</th></tr></thead><tbody>\n${rows}\n</tbody></table>` : "<p>Er zijn (nog) geen kandidaat-knelpunten.</p>"}
${charts}
<h2>Knelpunten</h2>
${sections}
</body>
</html>
`;
}
