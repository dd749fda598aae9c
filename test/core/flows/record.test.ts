// The decision record a dossier can hold: it names tenant and team, keeps the alternatives
// considered and the decision that followed (with its date) in their own sections, and cites
// only national sources or the tenant's own overlay, never another municipality's page.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFlows } from "../../../src/content/flow-loader.js";
import type { FlowEnv } from "../../../src/core/flows/computed.js";
import { buildRecord, dateIn, isMunicipalSource, recordMarkdown } from "../../../src/core/flows/record.js";
import type { FlowState } from "../../../src/core/flows/state.js";
import { RegulationMap } from "../../../src/core/map/regulation-map.js";
import { realMap } from "../../helpers/bot.js";
import { ROOT } from "../../helpers/cli.js";

const { flows, messages } = loadFlows(join(ROOT, "flows"), ROOT);
const toets = flows.find((f) => f.id === "omgekeerde-toets")!;
// The national entry that cites "Gemeente Leiden - ..." as an example of local practice.
const ENTRY = "eigen-bijdrage-wlz-thuis";

function finished(tenant: string, answers: Record<string, { text: string; skipped?: boolean }>): FlowState {
  const at = "2026-11-23T10:00:00.000Z";
  return {
    v: 1,
    id: "OT-TEST01",
    flow: toets.id,
    tenant,
    team: "wijkteam-noord",
    thread: "th",
    owner: "u_x",
    status: "done",
    history: Object.keys(answers),
    answers: Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, { value: a.text, ...a }])),
    match: { entries: [ENTRY], laws: ["wlz"] },
    startedAt: at,
    updatedAt: at,
    finishedAt: at,
    version: 9,
  };
}

const ANSWERS = {
  wens: { text: "Mevrouw wil de eigen bijdrage voor zorg thuis begrijpen" },
  doel: { text: "Ja" },
  "doel-waarom": { text: "overgeslagen", skipped: true },
  effecten: { text: "Minder zorgen over geld, ze kan thuis blijven." },
  ruimte: { text: "Ja, gewoon binnen de regels" },
  "ruimte-hoe": { text: "overgeslagen", skipped: true },
  alternatieven: { text: "Bijzondere bijstand; niet nodig want het CAK rekent goed." },
  conclusie: { text: "Ik leg de rekening van het CAK uit en check de peiljaarverlegging." },
  besluit: { text: "Beschikking CAK van 3 december 2026: bijdrage verlaagd." },
};

const env = (map: RegulationMap, tenant: string) =>
  ({ map, messages, tenant, today: "2026-11-23" }) as unknown as FlowEnv;

describe("decision record", () => {
  it("a default-tenant record names tenant and team, has its own sections, and cites no municipality", () => {
    const record = buildRecord(
      toets,
      finished("default", ANSWERS),
      env(realMap, "default"),
      new Date("2026-12-04T10:00:00Z"),
    );
    expect(record).toMatchObject({
      tenant: "default",
      team: "wijkteam-noord",
      alternatives: ANSWERS.alternatieven.text,
      decision: { text: ANSWERS.besluit.text, date: "2026-12-03" },
    });
    expect(record.sources.length).toBeGreaterThan(0);
    expect(record.sources.map((s) => s.title).filter((t) => /^Gemeente \p{Lu}/u.test(t))).toEqual([]);
    const md = recordMarkdown(record, messages);
    expect(md).toContain("- Gemeente (organisatie): default");
    expect(md).toContain("- Team: wijkteam-noord");
    expect(md).toMatch(/## Andere oplossingen die zijn overwogen\n\nBijzondere bijstand/);
    expect(md).toMatch(
      /## Besluit daarna\n\nBeschikking CAK van 3 december 2026[^\n]*\n\n- Datum van het besluit: 2026-12-03/,
    );
    expect(md).not.toContain("leiden");
    // The two optional answers appear once, in their sections, not again among the answers.
    expect(md.split(ANSWERS.alternatieven.text)).toHaveLength(2);
  });

  it("skipped optional steps leave their sections out", () => {
    const answers = {
      ...ANSWERS,
      alternatieven: { text: "overgeslagen", skipped: true },
      besluit: { text: "overgeslagen", skipped: true },
    };
    const record = buildRecord(
      toets,
      finished("default", answers),
      env(realMap, "default"),
      new Date("2026-12-04T10:00:00Z"),
    );
    expect(record.alternatives).toBeUndefined();
    expect(record.decision).toBeUndefined();
    const md = recordMarkdown(record, messages);
    expect(md).not.toContain("## Besluit daarna");
    expect(md).not.toContain("## Andere oplossingen");
  });

  it("the tenant's own overlay may cite its own municipal pages", () => {
    const base = realMap.get(ENTRY, "default")!;
    const own = {
      ...base,
      sources: [{ title: "Gemeente Leiden - Eigen bijdrage Wmo", url: "https://gemeente.leiden.nl/wmo/" }],
    };
    const map = new RegulationMap({
      entries: [...realMap.base],
      laws: [...realMap.laws.values()],
      overlays: new Map([["leiden", [own]]]),
    });
    const record = buildRecord(
      toets,
      finished("leiden", ANSWERS),
      env(map, "leiden"),
      new Date("2026-12-04T10:00:00Z"),
    );
    expect(record.sources.map((s) => s.title)).toContain("Gemeente Leiden - Eigen bijdrage Wmo");
  });

  it("tells municipal pages from national and trade sources; reads Dutch dates", () => {
    expect(isMunicipalSource({ title: "Gemeente Leiden - Eigen bijdrage Wmo", url: "https://x.nl" })).toBe(true);
    expect(isMunicipalSource({ title: "Eigen bijdrage", url: "https://gemeente.leiden.nl/a" })).toBe(true);
    expect(isMunicipalSource({ title: "Gemeente.nu - Participatiewet", url: "https://www.gemeente.nu/a" })).toBe(false);
    expect(isMunicipalSource({ title: "Wlz art. 3.3.3", url: "https://wetten.overheid.nl/a" })).toBe(false);
    expect(dateIn("beschikking van 12-03-2026")).toBe("2026-03-12");
    expect(dateIn("besluit 31 december 2026")).toBe("2026-12-31");
    expect(dateIn("op 2027-01-05 verstuurd")).toBe("2027-01-05");
    expect(dateIn("31-02-2026")).toBeUndefined();
    expect(dateIn("nog geen besluit")).toBeUndefined();
  });
});
