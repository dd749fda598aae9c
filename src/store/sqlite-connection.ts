// sqlite://<path>: one node:sqlite connection per store (WAL, busy timeout), so there is one
// handle to the file per process, not one per record kind. The table is keyv's: the schema
// below is the one @keyv/sqlite 6 creates (with a longer key column), so a stock keyv reads
// and writes the same file; no keyv adapter (nor its better-sqlite3) is needed to create it.
import { dirname } from "node:path";
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { ensureDir } from "./ensure-dir.js";
import type { SqlConnection } from "./sql-backend.js";

const KEY_SIZE = 1024;

/** keyv's table and expiry index (@keyv/sqlite 6), plus our index for prefix scans. */
export const SQLITE_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS "keyv"(key VARCHAR(${KEY_SIZE}) NOT NULL, value TEXT, namespace VARCHAR(255) NOT NULL DEFAULT '', expires BIGINT DEFAULT NULL, UNIQUE(key, namespace))`,
  `CREATE INDEX IF NOT EXISTS "keyv_expires_idx" ON "keyv" (expires) WHERE expires IS NOT NULL`,
  `CREATE INDEX IF NOT EXISTS "keyv_namespace_key_idx" ON "keyv" (namespace, key)`,
];

/** Open (and create) the database file; resolves once keyv's schema is in place. */
export async function openSqlite(path: string, busyTimeoutMs = 5000): Promise<SqlConnection> {
  if (path !== ":memory:") ensureDir(dirname(path));
  const db = new DatabaseSync(path);
  db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  if (path !== ":memory:") db.exec("PRAGMA journal_mode = WAL");
  // WAL + NORMAL: a commit survives a process crash (kill -9); only an OS crash may lose the
  // last transactions. This is the usual pairing and keeps writes fast.
  db.exec("PRAGMA synchronous = NORMAL");
  // Deleted records are overwritten with zeros, not left in free pages: `aanzet erase` and the
  // retention purge remove the bytes from the file, not only the rows.
  db.exec("PRAGMA secure_delete = ON");
  const statements = new Map<string, StatementSync>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  let open = true;
  const conn: SqlConnection = {
    async query(sql, params) {
      const s = prepared(sql);
      const p = params as Array<string | number | null>;
      if (/^\s*(SELECT|PRAGMA)\b/i.test(sql) || /\bRETURNING\b/i.test(sql))
        return { rows: s.all(...p) as Array<Record<string, unknown>>, changes: 0 };
      const r = s.run(...p);
      return { rows: [], changes: Number(r.changes) };
    },
    async close() {
      if (!open) return;
      open = false;
      statements.clear();
      db.close();
    },
  };
  for (const ddl of SQLITE_SCHEMA) db.exec(ddl);
  return conn;
}
