// `aanzet export --tenant t`: every record of one tenant as one JSON document (AVG access
// and portability; also what a municipality takes along when it leaves the deployment).
// `aanzet export --user u`: everything kept about one person (AVG art. 15), found by the very
// matching `erase --user` uses (a dry run of it), so export and erase cover the same records.
import type { AdminStore } from "./types.js";
import { KINDS, tenantEntries } from "./catalogue.js";
import { erase } from "./erase.js";

export interface TenantExport {
  tenant: string;
  exportedAt: string;
  store: string;
  counts: Record<string, number>;
  records: Record<string, Array<{ key: string; value: unknown; expires?: string }>>;
}

export async function exportTenant(store: AdminStore, tenant: string, now = new Date()): Promise<TenantExport> {
  const out: TenantExport = { tenant, exportedAt: now.toISOString(), store: store.scheme, counts: {}, records: {} };
  for await (const e of tenantEntries(store, tenant)) {
    (out.records[e.kind] ??= []).push({
      key: e.key,
      value: e.value,
      ...(e.expires !== undefined ? { expires: new Date(e.expires).toISOString() } : {}),
    });
    out.counts[e.kind] = (out.counts[e.kind] ?? 0) + 1;
  }
  for (const list of Object.values(out.records)) list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return out;
}

export interface UserExport {
  /** The ids asked for (raw channel ids and/or pseudonyms). */
  users: string[];
  exportedAt: string;
  store: string;
  tenants: string[];
  counts: Record<string, number>;
  /** Per kind: the record, what it is, and what erase would do with it. */
  records: Record<
    string,
    Array<{ key: string; tenant: string; value: unknown; expires?: string; onErase: "delete" | "rewrite" }>
  >;
  /** What each kind of record is, for the person reading the export. */
  kinds: Record<string, string>;
}

export interface UserExportRequest {
  users: string[];
  tenant?: string | undefined;
  pseudonym: (tenant: string, rawId: string) => string;
}

/** Everything kept about the given people: the records erase --user would delete or rewrite. */
export async function exportUser(store: AdminStore, req: UserExportRequest, now = new Date()): Promise<UserExport> {
  const out: UserExport = {
    users: req.users,
    exportedAt: now.toISOString(),
    store: store.scheme,
    tenants: [],
    counts: {},
    records: {},
    kinds: {},
  };
  const report = await erase(store, {
    users: req.users,
    threads: [],
    tenant: req.tenant,
    dryRun: true,
    pseudonym: req.pseudonym,
    onMatch: (e, action) => {
      const tenant = e.key.split(":")[1] ?? "";
      (out.records[e.kind] ??= []).push({
        key: e.key,
        tenant,
        value: e.value,
        ...(e.expires !== undefined ? { expires: new Date(e.expires).toISOString() } : {}),
        onErase: action,
      });
      out.counts[e.kind] = (out.counts[e.kind] ?? 0) + 1;
      out.kinds[e.kind] = KINDS[e.kind]?.what ?? "record of another module";
    },
  });
  out.tenants = report.tenants;
  for (const list of Object.values(out.records)) list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return out;
}
