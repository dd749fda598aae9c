// The pino root logger. Message text never belongs in a log line; two guards stand behind that
// rule anyway: `redact` replaces fields called text, question, answer or a token outright, and
// every other string in a line (the message, bindings, error messages, details) passes the
// privacy scrubber, so a slip such as an error message quoting input loses its personal data.
import pino from "pino";
import type { Log } from "./core/ports.js";
import { scrub, scrubValue } from "./core/privacy/index.js";

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

const scrubText = (text: string): string => scrub(text).text;

/** Create the root logger writing JSON lines to `fd` (2 = stderr keeps CLI stdout clean). */
export function createLogger(level: string, fd = 2): Log {
  const root = pino(
    {
      level,
      base: { app: "aanzet" },
      redact: { paths: REDACT, censor: "[weggelaten]" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        bindings: (bindings) => scrubValue(bindings, scrubText) as Record<string, unknown>,
        log: (obj) => scrubValue(obj, scrubText) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          // The message string (the last string argument) is scrubbed like the fields.
          const out = args.map((a) => (typeof a === "string" ? scrubText(a) : a)) as Parameters<typeof method>;
          method.apply(this, out);
        },
      },
    },
    pino.destination({ fd, sync: true }),
  );
  return scrubbedChildren(root) as unknown as Log;
}

/** pino applies the bindings formatter to the root only: a child's bindings are scrubbed here. */
function scrubbedChildren(logger: pino.Logger): pino.Logger {
  const child = logger.child.bind(logger);
  logger.child = ((bindings: pino.Bindings, options?: pino.ChildLoggerOptions) =>
    scrubbedChildren(
      child(scrubValue(bindings, scrubText) as pino.Bindings, options),
    )) as unknown as typeof logger.child;
  return logger;
}
