// Per-tenant settings of the recurring-question detection, kept as `settings:<tenant>`.
// Defaults follow the field: the rule of three (Leeuwarden) and eight weeks (Almelo).
import { z } from "zod";
import type { Clock, Store } from "../ports.js";
import type { PatternSettings } from "./types.js";

export const SettingsSchema = z.object({
  minCases: z.number().int().min(2).max(100).default(3),
  minTeams: z.number().int().min(1).max(50).default(2),
  windowDays: z.number().min(1).max(730).default(56),
  threshold: z.number().min(0.05).max(0.95).default(0.38),
  snoozeDays: z.number().int().min(1).max(365).default(14),
});

export const DEFAULT_SETTINGS: PatternSettings = SettingsSchema.parse({});

export function settingsKey(tenant: string): string {
  return `settings:${tenant}`;
}

/** The tenant's settings, defaults filled in; a damaged record falls back to the defaults. */
export async function loadSettings(store: Store, tenant: string): Promise<PatternSettings> {
  const raw = await store.get<{ patterns?: unknown }>(settingsKey(tenant));
  const parsed = SettingsSchema.safeParse(raw?.patterns ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Update some settings; throws a zod error naming the bad field. */
export async function saveSettings(
  store: Store,
  tenant: string,
  patch: Partial<PatternSettings>,
): Promise<PatternSettings> {
  const raw = (await store.get<Record<string, unknown>>(settingsKey(tenant))) ?? {};
  const current = await loadSettings(store, tenant);
  const next = SettingsSchema.parse({ ...current, ...patch });
  await store.set(settingsKey(tenant), { ...raw, patterns: next });
  return next;
}

/** Caches settings per tenant for a minute, so a change reaches running bots soon. */
export class SettingsCache {
  private readonly cache = new Map<string, { at: number; value: PatternSettings }>();
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly ttlMs = 60_000,
  ) {}

  async get(tenant: string): Promise<PatternSettings> {
    const now = this.clock.now().getTime();
    const hit = this.cache.get(tenant);
    if (hit && now - hit.at < this.ttlMs && now >= hit.at) return hit.value;
    let value = DEFAULT_SETTINGS;
    try {
      value = await loadSettings(this.store, tenant);
    } catch {
      // Store trouble: detection goes on with the defaults rather than stopping.
      value = hit?.value ?? DEFAULT_SETTINGS;
    }
    this.cache.set(tenant, { at: now, value });
    return value;
  }

  forget(tenant: string): void {
    this.cache.delete(tenant);
  }
}
