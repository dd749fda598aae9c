// The logger of a CLI run. Operator output is human text on stdout; pino's JSON lines go to
// stderr, and for one-shot commands only when the operator chose a level with LOG_LEVEL.
// `serve` is a long-running service and keeps the service default (info).
import type { Config } from "../config.js";
import type { Log } from "../core/ports.js";
import { createLogger } from "../logger.js";

/** The stderr logger for `aanzet <command>`. */
export function cliLogger(config: Config, command: string | undefined): Log {
  return createLogger(command === "serve" ? config.logLevel : config.cliLogLevel, 2);
}
