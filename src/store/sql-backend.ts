// SQLite and PostgreSQL on keyv's table (`key, value, namespace, expires`; namespace = record
// kind). Our connections create the table as keyv's adapters do; the statements below are ours,
// because keyv's wrapper turns a failed read into "absent" and ends a scan early on an
// error, and it has no insert-if-absent. Each statement is atomic in the database itself.
import type { Backend } from "./types.js";
import { splitKey } from "./codec.js";

/** A connection: rows for SELECT/RETURNING, `changes` for the rest. */
export interface SqlConnection {
  query(sql: string, params: unknown[]): Promise<{ rows: Array<Record<string, unknown>>; changes: number }>;
  close(): Promise<void>;
}

export interface SqlDialect {
  scheme: "sqlite" | "postgres";
  /** The ON CONFLICT target matching keyv's unique index. */
  conflict: string;
  /** How keys are compared and ordered: byte order, so a prefix is one contiguous range. */
  keyExpr: string;
  /** `?` placeholders become `$1..` for PostgreSQL. */
  placeholders(sql: string): string;
}

export const SQLITE: SqlDialect = {
  scheme: "sqlite",
  conflict: "(key, namespace)",
  keyExpr: "key",
  placeholders: (sql) => sql,
};

export const POSTGRES: SqlDialect = {
  scheme: "postgres",
  conflict: "(key, COALESCE(namespace, ''))",
  keyExpr: 'key COLLATE "C"',
  placeholders: (sql) => {
    let i = 0;
    return sql.replace(/\?/g, () => `$${++i}`);
  },
};

function num(v: unknown): number | undefined {
  if (v === null || v === undefined) return undefined;
  const n = typeof v === "number" ? v : Number(v);
  return Number.isFinite(n) ? n : undefined;
}

export class SqlBackend implements Backend {
  readonly scanMayRepeat = false;
  private readonly sql: Record<string, string>;

  constructor(
    private readonly conn: SqlConnection,
    private readonly dialect: SqlDialect,
    table = "keyv",
  ) {
    const t = `"${table.replace(/"/g, '""')}"`;
    const k = dialect.keyExpr;
    const raw = {
      get: `SELECT value FROM ${t} WHERE namespace = ? AND key = ? AND (expires IS NULL OR expires > ?)`,
      set: `INSERT INTO ${t} (key, value, namespace, expires) VALUES (?, ?, ?, ?) ON CONFLICT ${dialect.conflict} DO UPDATE SET value = excluded.value, expires = excluded.expires`,
      // The row is the claim: inserted when absent, taken over only when expired. A live row
      // makes the DO UPDATE's WHERE false, so nothing is written and nothing returned.
      add: `INSERT INTO ${t} (key, value, namespace, expires) VALUES (?, ?, ?, ?) ON CONFLICT ${dialect.conflict} DO UPDATE SET value = excluded.value, expires = excluded.expires WHERE ${t}.expires IS NOT NULL AND ${t}.expires <= ? RETURNING key`,
      delete: `DELETE FROM ${t} WHERE namespace = ? AND key = ? RETURNING expires`,
      first: `SELECT key, value, expires FROM ${t} WHERE namespace = ? AND ${k} >= ? AND (expires IS NULL OR expires > ?) ORDER BY ${k} LIMIT ?`,
      after: `SELECT key, value, expires FROM ${t} WHERE namespace = ? AND ${k} > ? AND (expires IS NULL OR expires > ?) ORDER BY ${k} LIMIT ?`,
      kinds: `SELECT DISTINCT namespace FROM ${t} WHERE namespace IS NOT NULL`,
      purge: `DELETE FROM ${t} WHERE expires IS NOT NULL AND expires <= ?`,
    };
    this.sql = Object.fromEntries(Object.entries(raw).map(([name, s]) => [name, dialect.placeholders(s)]));
  }

  get scheme(): "sqlite" | "postgres" {
    return this.dialect.scheme;
  }

  async get(key: string, now: number): Promise<string | undefined> {
    const [ns, rest] = splitKey(key);
    const { rows } = await this.conn.query(this.sql.get!, [ns, rest, now]);
    const v = rows[0]?.value;
    return typeof v === "string" ? v : undefined;
  }

  async set(key: string, encoded: string, expires: number | undefined): Promise<void> {
    const [ns, rest] = splitKey(key);
    await this.conn.query(this.sql.set!, [rest, encoded, ns, expires ?? null]);
  }

  async add(key: string, encoded: string, expires: number | undefined, now: number): Promise<boolean> {
    const [ns, rest] = splitKey(key);
    const { rows } = await this.conn.query(this.sql.add!, [rest, encoded, ns, expires ?? null, now]);
    return rows.length > 0;
  }

  async delete(key: string, now: number): Promise<boolean> {
    const [ns, rest] = splitKey(key);
    const { rows } = await this.conn.query(this.sql.delete!, [ns, rest]);
    const expires = num(rows[0]?.expires);
    return rows.length > 0 && (expires === undefined || expires > now);
  }

  async page(prefix: string, cursor: string | undefined, limit: number, now: number) {
    const [ns, rest] = splitKey(prefix);
    const { rows } =
      cursor === undefined
        ? await this.conn.query(this.sql.first!, [ns, rest, now, limit])
        : await this.conn.query(this.sql.after!, [ns, cursor, now, limit]);
    const entries: Array<{ key: string; encoded: string; expires?: number | undefined }> = [];
    // Keys sort in byte order, so the prefix's keys are one run starting at the prefix:
    // the first key past it ends the scan.
    let done = rows.length < limit;
    for (const row of rows) {
      const k = String(row.key);
      if (!k.startsWith(rest)) {
        done = true;
        break;
      }
      if (typeof row.value === "string")
        entries.push({ key: `${ns}:${k}`, encoded: row.value, expires: num(row.expires) });
    }
    const last = rows[rows.length - 1];
    return { entries, next: done || !last ? undefined : String(last.key) };
  }

  async kinds(): Promise<string[]> {
    const { rows } = await this.conn.query(this.sql.kinds!, []);
    return rows
      .map((r) => String(r.namespace))
      .filter((n) => n.length > 0)
      .sort();
  }

  async purgeExpired(now: number): Promise<number> {
    return (await this.conn.query(this.sql.purge!, [now])).changes;
  }

  async close(): Promise<void> {
    await this.conn.close();
  }
}
