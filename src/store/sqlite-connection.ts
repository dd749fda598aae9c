// sqlite://<path>: one node:sqlite connection per store (WAL, busy timeout). keyv's SQLite
// adapter creates and migrates the table through this same connection (a custom driver),
// so there is one handle to the file per process, not one per record kind.
import { dirname } from "node:path";
import { DatabaseSync, type StatementSync } from "node:sqlite";
import KeyvSqlite from "@keyv/sqlite";
import { ensureDir } from "./ensure-dir.js";
import type { SqlConnection } from "./sql-backend.js";

const KEY_SIZE = 1024;

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
  // keyv's adapter runs its CREATE TABLE / migrations over our connection.
  const driver = {
    name: "aanzet-node-sqlite",
    async connect() {
      return {
        query: async (sql: string, ...params: unknown[]) => (await conn.query(sql, params)).rows,
        close: async () => undefined,
      };
    },
  };
  const adapter = new KeyvSqlite({ uri: `sqlite://${path}`, driver, keySize: KEY_SIZE } as never);
  adapter.on("error", () => undefined); // surfaced by `ready` below
  await adapter.ready;
  await conn.query(`CREATE INDEX IF NOT EXISTS "keyv_namespace_key_idx" ON "keyv" (namespace, key)`, []);
  return conn;
}
