// The regulation map in memory: base entries plus per-tenant overlays, filtered by date.
import type { Concept, FactCue, LawInfo, MapEntry } from "./schema.js";

export interface MapContent {
  entries: MapEntry[];
  laws: LawInfo[];
  /** tenant id -> entries that add to or replace (same id) base entries. */
  overlays: Map<string, MapEntry[]>;
  /** Everyday words per concept (map/thesaurus/). */
  concepts?: Concept[];
  /** How case facts are stated in chat (map/facts.yaml). */
  facts?: { cues: FactCue[]; negations: string[]; askForms?: string[] };
  /** The base entries' index as built before (compiled map cache); opaque to the map. */
  indexSnapshot?: unknown;
}

/** True when the entry's rule holds on the given day (YYYY-MM-DD). */
export function isValidOn(entry: MapEntry, day: string): boolean {
  if (entry.validFrom && day < entry.validFrom) return false;
  if (entry.validUntil && day > entry.validUntil) return false;
  return true;
}

export class RegulationMap {
  readonly base: readonly MapEntry[];
  readonly laws: ReadonlyMap<string, LawInfo>;
  readonly concepts: readonly Concept[];
  readonly facts: {
    readonly cues: readonly FactCue[];
    readonly negations: readonly string[];
    readonly askForms?: readonly string[];
  };
  private readonly overlays: Map<string, MapEntry[]>;
  private readonly merged = new Map<string, MapEntry[]>();
  private indexSnapshot: unknown;

  constructor(content: MapContent) {
    this.base = content.entries;
    this.laws = new Map(content.laws.map((l) => [l.id, l]));
    this.overlays = content.overlays;
    this.concepts = content.concepts ?? [];
    this.facts = content.facts ?? { cues: [], negations: [] };
    this.indexSnapshot = content.indexSnapshot;
  }

  /** The cached base index, once (then it is let go: the index holds what it needs). */
  takeIndexSnapshot(): unknown {
    const s = this.indexSnapshot;
    this.indexSnapshot = undefined;
    return s;
  }

  /** Tenants that have a local overlay. */
  tenants(): string[] {
    return [...this.overlays.keys()];
  }

  /** True when the tenant has local entries of its own. */
  hasOverlay(tenant: string): boolean {
    return (this.overlays.get(tenant)?.length ?? 0) > 0;
  }

  /** All entries a tenant sees (base with its overlay applied), regardless of date. */
  entriesFor(tenant: string | undefined): MapEntry[] {
    const key = tenant && this.hasOverlay(tenant) ? tenant : "";
    const cached = this.merged.get(key);
    if (cached) return cached;
    const overlay = tenant ? this.overlays.get(tenant) : undefined;
    let result: MapEntry[] = [...this.base];
    if (overlay && overlay.length > 0) {
      const byId = new Map(result.map((e) => [e.id, e]));
      for (const e of overlay) byId.set(e.id, e);
      result = [...byId.values()];
    }
    this.merged.set(key, result);
    return result;
  }

  /** The entry with this id for a tenant, if any. */
  get(id: string, tenant?: string): MapEntry | undefined {
    return this.entriesFor(tenant).find((e) => e.id === id);
  }

  /** True when the entry comes from the tenant's local overlay. */
  isLocal(id: string, tenant?: string): boolean {
    return !!tenant && !!this.overlays.get(tenant)?.some((e) => e.id === id);
  }
}
