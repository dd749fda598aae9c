// The flow message catalogue: every Dutch word a flow says, by key (flows/messages.nl.yaml).
// The engine's own keys are listed here so a missing one is caught at start, not mid-chat.

/** Keys the engine itself uses (navigation, errors, record headings, computed content). */
export const ENGINE_KEYS = [
  "flow.hint",
  "flow.ja",
  "flow.nee",
  "flow.knop.terug",
  "flow.knop.uitleg",
  "flow.knop.stop",
  "flow.knop.overslaan",
  "flow.terug.eerste",
  "flow.terug.vorig",
  "flow.stop.vraag",
  "flow.stop.klaar",
  "flow.stop.verder",
  "flow.stop.ja-nee",
  "flow.uitleg.geen",
  "flow.overslaan.mag-niet",
  "flow.overslaan.gedaan",
  "flow.fout.te-kort",
  "flow.fout.te-lang",
  "flow.fout.patroon",
  "flow.fout.keuze",
  "flow.fout.ja-nee",
  "flow.fout.tekst",
  "flow.al-bezig",
  "flow.bezet",
  "flow.niet-jouw",
  "flow.verlopen",
  "flow.terug-naar",
  "flow.conflict",
  "flow.klaar",
  "flow.export.geen",
  "flow.export.bezig",
  "flow.overgeslagen",
  "verslag.nummer",
  "verslag.datum",
  "verslag.auteur",
  "verslag.status",
  "verslag.afgerond",
  "verslag.lopend",
  "verslag.antwoorden",
  "verslag.wetten",
  "verslag.kaart",
  "verslag.ruimte",
  "verslag.bronnen",
  "verslag.uitkomst",
  "verslag.conclusie",
  "verslag.notitie",
  "verslag.voet",
  "verslag.gemeente",
  "verslag.team",
  "verslag.alternatieven",
  "verslag.besluit",
  "verslag.besluit-datum",
  "wetten.kop",
  "wetten.geen",
  "wetten.doel-onbekend",
  "ruimte.kop",
  "ruimte.geen",
  "ruimte.lokaal",
  "ruimte.altijd",
  "uitkomst.kop",
  "uitkomst.geen",
] as const;

export type Vars = Record<string, string | number>;

/** Fill `{name}` placeholders; unknown names stay visible so a content bug shows. */
export function fill(template: string, vars: Vars = {}): string {
  return template.replace(/\{([a-z0-9-]+)\}/gi, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

/** Placeholder names used in a template. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([a-z0-9-]+)\}/gi)].map((m) => m[1]!);
}

export class Messages {
  private readonly entries: ReadonlyMap<string, string>;

  constructor(entries: ReadonlyMap<string, string> | Record<string, string>) {
    this.entries = entries instanceof Map ? entries : new Map(Object.entries(entries));
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** The text for a key with placeholders filled. A missing key (checked at load) shows as [key]. */
  get(key: string, vars?: Vars): string {
    const text = this.entries.get(key);
    return text === undefined ? `[${key}]` : fill(text, vars);
  }

  /** The raw template, if present. */
  raw(key: string): string | undefined {
    return this.entries.get(key);
  }
}

/** Flatten a nested YAML object into dotted keys: {toets: {doel: "x"}} -> toets.doel = x. */
export function flattenCatalogue(
  data: unknown,
  prefix = "",
  out = new Map<string, string>(),
  bad: string[] = [],
): { entries: Map<string, string>; bad: string[] } {
  if (data && typeof data === "object" && !Array.isArray(data)) {
    for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (typeof v === "string") out.set(key, v.replace(/\s+$/, ""));
      else if (v && typeof v === "object" && !Array.isArray(v)) flattenCatalogue(v, key, out, bad);
      else bad.push(key);
    }
  }
  return { entries: out, bad };
}
