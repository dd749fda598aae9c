// The decision record of a flow ("leveren en legitimeren"): the answers, the laws and sources
// involved, date, pseudonymous author and the worker's conclusion. Built once with all
// wording resolved, so a stored record reads the same after the catalogue changes.
import { lawName } from "../map/vocabulary.js";
import type { Reply } from "../types.js";
import { legalRoom, matchedEntries, type FlowEnv } from "./computed.js";
import { NOTE_VARS } from "./graph-check.js";
import { fill, type Messages } from "./messages.js";
import { answeredPath, outcomesOf } from "./path.js";
import type { FlowDef } from "./schema.js";
import type { FlowState } from "./state.js";
import { MONTHS } from "../understand/reference-date.js";

export interface DecisionRecord {
  id: string;
  flow: string;
  title: string;
  tenant: string;
  /** Team where the flow ran (absent in records made before teams were kept). */
  team?: string;
  /** Pseudonym of the worker who ran the flow. */
  author: string;
  startedAt: string;
  finishedAt?: string;
  /** YYYY-MM-DD the record was made. */
  date: string;
  finished: boolean;
  answers: Array<{ step: string; label: string; answer: string; skipped: boolean }>;
  conclusion?: string;
  /** Step id of the conclusion, so the Markdown shows it once. */
  conclusionStep?: string;
  /** Steps shown in their own section rather than among the answers (alternatives, decision). */
  ownSections?: string[];
  /** Alternatives the worker considered (optional step). */
  alternatives?: string;
  /** The decision that followed (beschikking), with its date when the answer gives one. */
  decision?: { text: string; date?: string };
  laws: Array<{ id: string; name: string; purpose?: string }>;
  entries: Array<{ id: string; title: string }>;
  room: Array<{ id: string; name: string; local?: string }>;
  outcomes: Array<{ id: string; label: string; advice: string }>;
  sources: Array<{ title: string; url: string }>;
  note?: string;
}

/** Build the record of a finished (or, for /export, a running) flow. */
export function buildRecord(flow: FlowDef, state: FlowState, env: FlowEnv, now: Date): DecisionRecord {
  const m = env.messages;
  const path = answeredPath(flow, state);
  const answers = path.map(({ step, answer }) => ({
    step: step.id,
    label: m.get(step.label ?? step.message).split("\n")[0]!,
    answer: answer.text,
    skipped: !!answer.skipped,
  }));
  const entries = matchedEntries(env, state.match);
  const laws = (state.match?.laws ?? []).map((id) => {
    const purpose = env.map.laws.get(id)?.purpose.trim();
    return { id, name: lawName(id), ...(purpose ? { purpose } : {}) };
  });
  const sources: DecisionRecord["sources"] = [];
  for (const l of laws) {
    const s = env.map.laws.get(l.id)?.source;
    if (s && !sources.some((x) => x.url === s.url)) sources.push({ title: s.title, url: s.url });
  }
  for (const e of entries) {
    // A national entry may cite one municipality's page as an example; in a dossier of another
    // municipality that reads as its own policy. Such sources count only in that tenant's overlay.
    const local = env.map.isLocal(e.id, env.tenant);
    for (const s of e.sources) {
      if (!local && isMunicipalSource(s)) continue;
      if (!sources.some((x) => x.url === s.url)) sources.push({ title: s.title, url: s.url });
    }
  }
  const outcomes = outcomesOf(flow, state).map(([id, o]) => ({ id, label: m.get(o.label), advice: m.get(o.advice) }));
  const conclusionAnswer = flow.record.conclusion ? path.find((p) => p.step.id === flow.record.conclusion) : undefined;
  const date = (state.finishedAt ? new Date(state.finishedAt) : now).toISOString().slice(0, 10);
  const answerOf = (id: string | undefined) => {
    const a = id ? path.find((p) => p.step.id === id)?.answer : undefined;
    return a && !a.skipped ? a.text : undefined;
  };
  const alternatives = answerOf(flow.record.alternatives);
  const decisionText = answerOf(flow.record.decision);
  const decisionDate = decisionText ? dateIn(decisionText) : undefined;
  const record: DecisionRecord = {
    id: state.id,
    flow: flow.id,
    title: m.get(flow.record.title),
    tenant: state.tenant,
    ...(state.team ? { team: state.team } : {}),
    author: state.owner,
    startedAt: state.startedAt,
    ...(state.finishedAt ? { finishedAt: state.finishedAt } : {}),
    date,
    finished: state.status === "done",
    answers,
    ...(conclusionAnswer && !conclusionAnswer.answer.skipped
      ? { conclusion: conclusionAnswer.answer.text, conclusionStep: conclusionAnswer.step.id }
      : {}),
    ownSections: [flow.record.alternatives, flow.record.decision].filter((s): s is string => !!s),
    ...(alternatives ? { alternatives } : {}),
    ...(decisionText ? { decision: { text: decisionText, ...(decisionDate ? { date: decisionDate } : {}) } } : {}),
    laws,
    entries: entries.map((e) => ({ id: e.id, title: e.title })),
    room: state.match ? legalRoom(env, state.match) : [],
    outcomes,
    sources: sources.slice(0, 8),
  };
  const template = flow.record.note ? m.raw(flow.record.note) : undefined;
  if (template) {
    const vars: Record<string, string> = {
      id: record.id,
      datum: record.date,
      flow: m.get(flow.title),
      uitkomst: outcomes.map((o) => o.label).join("; ") || "-",
    };
    for (const s of flow.steps) vars[s.id] = state.answers[s.id]?.text ?? "-";
    for (const k of NOTE_VARS) vars[k] ??= "-";
    record.note = fill(template, vars).trim();
  }
  return record;
}

/**
 * A source that is one municipality's own page ("Gemeente Leiden - ...", gemeente.leiden.nl):
 * fine in that municipality's overlay, not in another's dossier. Gemeente.nu (a trade journal)
 * and national bodies are not municipal.
 */
export function isMunicipalSource(s: { title: string; url: string }): boolean {
  if (/^Gemeente\s+\p{Lu}/u.test(s.title)) return true;
  try {
    return /^(www\.)?gemeente\.[a-z-]+\.nl$/.test(new URL(s.url).hostname);
  } catch {
    return false;
  }
}

/** The first date in a Dutch answer ("12-03-2026", "12 maart 2026", "2026-03-12") as YYYY-MM-DD. */
export function dateIn(text: string): string | undefined {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  const dmy = /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/.exec(text);
  const long = new RegExp(`\\b(\\d{1,2})\\s+(${Object.keys(MONTHS).join("|")})\\s+(\\d{4})\\b`, "i").exec(text);
  const [y, mo, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dmy
      ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])]
      : long
        ? [Number(long[3]), MONTHS[long[2]!.toLowerCase()]!, Number(long[1])]
        : [0, 0, 0];
  if (!y) return undefined;
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return undefined;
  return t.toISOString().slice(0, 10);
}

function clip(text: string, max: number): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`;
}

/** "Label: answer", without a colon after a label that is a question. */
function labelled(label: string, answer: string): string {
  return /[?:]$/.test(label) ? `${label} ${answer}` : `${label}: ${answer}`;
}

/** Short Dutch summary for the chat. */
export function recordSummary(record: DecisionRecord, m: Messages): string {
  const lines = record.answers.map((a) => `- ${labelled(clip(a.label, 60), clip(a.answer, 160))}`);
  if (record.outcomes.length > 0)
    lines.push(`- ${m.get("verslag.uitkomst")}: ${record.outcomes.map((o) => o.label).join("; ")}`);
  return lines.join("\n");
}

/** The record as Markdown, for the file or the case system. */
export function recordMarkdown(record: DecisionRecord, m: Messages): string {
  const out: string[] = [`# ${record.title}`, ""];
  out.push(`- ${m.get("verslag.nummer")}: ${record.id}`);
  out.push(`- ${m.get("verslag.datum")}: ${record.date}`);
  out.push(`- ${m.get("verslag.gemeente")}: ${record.tenant}`);
  if (record.team) out.push(`- ${m.get("verslag.team")}: ${record.team}`);
  out.push(`- ${m.get("verslag.auteur")}: ${record.author}`);
  out.push(`- ${m.get("verslag.status")}: ${m.get(record.finished ? "verslag.afgerond" : "verslag.lopend")}`);
  out.push("", `## ${m.get("verslag.antwoorden")}`);
  // The conclusion, alternatives and decision get their own sections below.
  const own = new Set([record.conclusionStep, ...(record.ownSections ?? [])]);
  for (const a of record.answers) if (!own.has(a.step)) out.push("", `### ${a.label}`, "", a.answer);
  if (record.laws.length > 0) {
    out.push("", `## ${m.get("verslag.wetten")}`, "");
    for (const l of record.laws) out.push(`- **${l.name}**: ${l.purpose ?? m.get("wetten.doel-onbekend")}`);
  }
  if (record.entries.length > 0) {
    out.push("", `## ${m.get("verslag.kaart")}`, "");
    for (const e of record.entries) out.push(`- ${e.title} (${e.id})`);
  }
  if (record.room.length > 0) {
    out.push("", `## ${m.get("verslag.ruimte")}`, "");
    for (const r of record.room)
      out.push(`- ${r.name}${r.local ? ` (${m.get("ruimte.lokaal", { local: r.local })})` : ""}`);
  }
  if (record.outcomes.length > 0) {
    out.push("", `## ${m.get("verslag.uitkomst")}`, "");
    for (const o of record.outcomes) out.push(`- **${o.label}**: ${o.advice}`);
  }
  if (record.alternatives) out.push("", `## ${m.get("verslag.alternatieven")}`, "", record.alternatives);
  if (record.conclusion) out.push("", `## ${m.get("verslag.conclusie")}`, "", record.conclusion);
  if (record.decision) {
    out.push("", `## ${m.get("verslag.besluit")}`, "", record.decision.text);
    if (record.decision.date) out.push("", `- ${m.get("verslag.besluit-datum")}: ${record.decision.date}`);
  }
  if (record.note) out.push("", `## ${m.get("verslag.notitie")}`, "", "```text", record.note, "```");
  if (record.sources.length > 0) {
    out.push("", `## ${m.get("verslag.bronnen")}`, "");
    for (const s of record.sources) out.push(`- [${s.title}](${s.url})`);
  }
  out.push("", `_${m.get("verslag.voet")}_`);
  return out.join("\n");
}

/** The record as one chat reply: summary text plus the Markdown document. */
export function recordReply(record: DecisionRecord, m: Messages, head: string): Reply {
  const text = [head, recordSummary(record, m), ...(record.note ? ["", record.note] : [])].join("\n");
  return {
    text,
    document: { title: record.title, filename: `${record.flow}-${record.id}.md`, markdown: recordMarkdown(record, m) },
  };
}
