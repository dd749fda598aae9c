// Computed content a flow step shows above its question: the purpose of the laws that the
// map links to this case (Omgekeerde Toets step 2), the legal room the map knows for it
// (step 4), and the escalation outcomes reached so far. Pure: map and answerer only.
import type { Answerer } from "../answer/answerer.js";
import { CALIBRATION } from "../answer/answerer.js";
import type { RegulationMap } from "../map/regulation-map.js";
import type { MapEntry } from "../map/schema.js";
import { lawName, routeName } from "../map/vocabulary.js";
import type { Messages } from "./messages.js";
import type { ComputedKind, FlowDef, OutcomeDef } from "./schema.js";
import type { CaseMatch, FlowState } from "./state.js";
import { outcomesOf } from "./path.js";

/** Routes that give legal room for maatwerk (Omgekeerde Toets step 4). */
export const LEGAL_ROOM_ROUTES = [
  "maatwerkbudget",
  "bijzondere-bijstand",
  "woonkostentoeslag",
  "individuele-inkomenstoeslag",
  "voorschot-bijstand",
  "hardheidsclausule",
  "evenredigheid-awb",
] as const;

/** What computed content needs from the bot. */
export interface FlowEnv {
  map: RegulationMap;
  answerer: Answerer;
  messages: Messages;
  tenant: string;
  /** The day whose law applies (YYYY-MM-DD). */
  today: string;
}

const MAX_ENTRIES = 3;
const MAX_LAWS = 4;

/** Map entries and laws for a case description, with the tenant's overlay applied. */
export function matchCase(env: FlowEnv, caseText: string): CaseMatch {
  // The same understanding as answers: thesaurus, case facts and `when:` conditions.
  const { index, hits } = env.answerer.rank(caseText, { tenant: env.tenant, today: env.today });
  const top = hits[0];
  if (!top || top.score < CALIBRATION.minScore * index.maxIdf) return { entries: [], laws: [] };
  // A case description is longer than a question, so coverage is lower; keep close hits only,
  // and only hits with a word that names something in the map (no coincidences).
  const kept = hits
    .filter((h) => h.score >= top.score * 0.6 && h.coverage >= 0.2)
    .filter((h) => h.anchorIdf >= CALIBRATION.minAnchor * index.maxIdf)
    .slice(0, MAX_ENTRIES);
  const laws: string[] = [];
  for (const role of ["primary", "fallback", "escalation"] as const) {
    for (const h of kept) {
      for (const a of h.entry.aanZet) if (a.role === role && a.law && !laws.includes(a.law)) laws.push(a.law);
    }
  }
  return { entries: kept.map((h) => h.entry.id), laws: laws.slice(0, MAX_LAWS) };
}

/** The matched entries as the tenant sees them (local overlay applied). */
export function matchedEntries(env: Pick<FlowEnv, "map" | "tenant">, match: CaseMatch | undefined): MapEntry[] {
  return (match?.entries ?? []).map((id) => env.map.get(id, env.tenant)).filter((e): e is MapEntry => !!e);
}

export interface LegalRoom {
  id: string;
  name: string;
  /** The local rule's note when the route comes from the tenant's overlay. */
  local?: string;
}

/** Legal-room routes of the matched entries, in the order of LEGAL_ROOM_ROUTES. */
export function legalRoom(env: Pick<FlowEnv, "map" | "tenant">, match: CaseMatch | undefined): LegalRoom[] {
  const entries = matchedEntries(env, match);
  const out: LegalRoom[] = [];
  for (const route of LEGAL_ROOM_ROUTES) {
    const from = entries.filter((e) => e.routes.includes(route));
    if (from.length === 0) continue;
    const local = from.find((e) => env.map.isLocal(e.id, env.tenant));
    out.push({ id: route, name: routeName(route), ...(local?.local ? { local: local.local } : {}) });
  }
  return out;
}

/** The Dutch block a step shows above its question. */
export function renderComputed(kind: ComputedKind, flow: FlowDef, state: FlowState, env: FlowEnv): string {
  const m = env.messages;
  switch (kind) {
    case "law-purposes": {
      const entries = matchedEntries(env, state.match);
      const laws = state.match?.laws ?? [];
      if (entries.length === 0 || laws.length === 0) return m.get("wetten.geen");
      const lines = laws.map(
        (id) => `- ${lawName(id)}: ${env.map.laws.get(id)?.purpose.trim() ?? m.get("wetten.doel-onbekend")}`,
      );
      return [m.get("wetten.kop", { entries: entries.map((e) => e.title).join("; ") }), ...lines].join("\n");
    }
    case "legal-room": {
      const room = legalRoom(env, state.match);
      const lines = room.map((r) => `- ${r.name}${r.local ? ` (${m.get("ruimte.lokaal", { local: r.local })})` : ""}`);
      const head = room.length > 0 ? [m.get("ruimte.kop"), ...lines] : [m.get("ruimte.geen")];
      return [...head, m.get("ruimte.altijd")].join("\n");
    }
    case "outcomes": {
      const reached = outcomesOf(flow, state);
      if (reached.length === 0) return m.get("uitkomst.geen");
      return [
        m.get("uitkomst.kop"),
        ...reached.map(([, o]: [string, OutcomeDef]) => `- ${m.get(o.label)}: ${m.get(o.advice)}`),
      ].join("\n");
    }
  }
}
