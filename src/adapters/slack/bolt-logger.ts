// Bolt's and the Web API client's log lines, into our pino logger. Only the strings are kept
// (no request bodies or event payloads, which may hold message text); debug is dropped because
// the Web API client logs request bodies at that level.
import { LogLevel, type Logger } from "@slack/bolt";
import type { Log } from "../../core/ports.js";

const MAX = 300;

function line(msg: unknown[]): string {
  return msg
    .map((m) => (typeof m === "string" ? m : m instanceof Error ? m.name : ""))
    .filter(Boolean)
    .join(" ")
    .slice(0, MAX);
}

export function boltLogger(log: Log): Logger {
  const source = { source: "bolt" };
  return {
    debug: () => {},
    info: (...msg: unknown[]) => log.debug(source, line(msg)),
    warn: (...msg: unknown[]) => log.warn(source, line(msg)),
    error: (...msg: unknown[]) => log.error({ ...source, code: "HANDLER_FAILED" }, line(msg)),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}
