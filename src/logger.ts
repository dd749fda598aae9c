// The pino root logger. Message text never belongs in a log line; redact guards against a
// slip anyway (any field called text, question, message or a token is replaced).
import pino from "pino";
import type { Log } from "./core/ports.js";

const REDACT = [
  "text",
  "question",
  "answer",
  "message.text",
  "*.text",
  "*.question",
  "token",
  "*.token",
  "authorization",
  "*.authorization",
  "headers.authorization",
];

/** Create the root logger writing JSON lines to `fd` (2 = stderr keeps CLI stdout clean). */
export function createLogger(level: string, fd = 2): Log {
  return pino(
    {
      level,
      base: { app: "aanzet" },
      redact: { paths: REDACT, censor: "[weggelaten]" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    pino.destination({ fd, sync: true }),
  ) as unknown as Log;
}
