// postgres://...: one `pg` pool per store (pg is a declared dependency; keyv's own adapter is
// not needed). We own the pool so that (1) an idle connection dropped by the server is an
// event we handle, not an uncaught 'error' that ends the process, (2) connecting and queries
// have timeouts, and (3) all record kinds share it.
import { createRequire } from "node:module";
import type { SqlConnection } from "./sql-backend.js";

interface PgResult {
  rows: Array<Record<string, unknown>>;
  rowCount: number | null;
}
interface PgClient {
  query(sql: string, params?: unknown[]): Promise<PgResult>;
  release(err?: boolean): void;
}
interface PgPool {
  query(sql: string, params?: unknown[]): Promise<PgResult>;
  connect(): Promise<PgClient>;
  end(): Promise<void>;
  on(event: "error", fn: (err: Error) => void): void;
}
type PgPoolCtor = new (config: Record<string, unknown>) => PgPool;

const KEY_LENGTH = 1024;
/** Serialises schema creation between processes starting at once (any constant works). */
const SCHEMA_LOCK = 7_424_311;

/** keyv's own table and unique index (@keyv/postgres 6, as its constructor creates them, with
 * a longer key column), plus an index for our prefix scans in byte order. A stock KeyvPostgres
 * reads and writes this table unchanged (test/store/keyv-compat.test.ts). */
const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS "keyv" (key VARCHAR(${KEY_LENGTH}) NOT NULL, value TEXT, namespace VARCHAR(255) DEFAULT NULL, expires BIGINT DEFAULT NULL)`,
  `CREATE UNIQUE INDEX IF NOT EXISTS "keyv_key_namespace_idx" ON "keyv" (key, COALESCE(namespace, ''))`,
  `CREATE INDEX IF NOT EXISTS "keyv_expires_idx" ON "keyv" (expires) WHERE expires IS NOT NULL`,
  `CREATE INDEX IF NOT EXISTS "keyv_namespace_key_c_idx" ON "keyv" (namespace, key COLLATE "C")`,
];

/** pg is CommonJS without bundled types: loaded with require, typed by the interfaces above. */
function pgPoolClass(): PgPoolCtor {
  return (createRequire(import.meta.url)("pg") as { Pool: PgPoolCtor }).Pool;
}

export interface PostgresOptions {
  connectTimeoutMs: number;
  queryTimeoutMs: number;
  max: number;
  onError: (err: Error) => void;
}

/** Open a pool for `url` and make sure keyv's table and our scan index exist. */
export async function openPostgres(url: string, o: PostgresOptions): Promise<SqlConnection> {
  const Pool = pgPoolClass();
  const pool = new Pool({
    connectionString: url,
    max: o.max,
    connectionTimeoutMillis: o.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    query_timeout: o.queryTimeoutMs,
    statement_timeout: o.queryTimeoutMs,
    keepAlive: true,
  });
  pool.on("error", o.onError);
  const conn: SqlConnection = {
    async query(sql, params) {
      const r = await pool.query(sql, params);
      return { rows: r.rows, changes: r.rowCount ?? 0 };
    },
    close: () => pool.end(),
  };
  try {
    await createSchema(pool);
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  return conn;
}

async function createSchema(pool: PgPool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [SCHEMA_LOCK]);
    for (const ddl of SCHEMA) await client.query(ddl);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [SCHEMA_LOCK]).catch(() => undefined);
    client.release();
  }
}
