// Reads an export from disk in the right format: detection by path and content, with
// `--format` to override it.
import { readFileSync, statSync } from "node:fs";
import { AanzetError } from "../core/errors.js";
import { parseJsonl } from "./jsonl.js";
import { parseSlackFiles, readSlackFolder, readSlackZip } from "./slack.js";
import type { ImportFormat, ParseResult } from "./types.js";
import { parseWhatsApp, teamFromFilename } from "./whatsapp.js";

export const FORMATS: readonly ImportFormat[] = ["jsonl", "slack", "whatsapp"];

/** The format of a file or folder: a folder or .zip is Slack, .txt WhatsApp, else JSONL. */
export function detectFormat(path: string): ImportFormat {
  const st = statSync(path);
  if (st.isDirectory() || /\.zip$/i.test(path)) return "slack";
  if (/\.(jsonl|ndjson|json)$/i.test(path)) return "jsonl";
  if (/\.txt$/i.test(path)) return "whatsapp";
  const head = readFileSync(path, "utf8").slice(0, 200).trimStart();
  return head.startsWith("{") ? "jsonl" : "whatsapp";
}

export interface ReadOptions {
  format?: ImportFormat | undefined;
  /** Team for a WhatsApp export (default: from the file name). */
  team?: string | undefined;
}

/** Read and parse an export; throws only when the path itself cannot be read. */
export function readExport(path: string, opts: ReadOptions = {}): ParseResult & { format: ImportFormat } {
  let format: ImportFormat;
  try {
    format = opts.format ?? detectFormat(path);
  } catch (err) {
    throw new AanzetError("INPUT_INVALID", `cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
  try {
    switch (format) {
      case "jsonl":
        return { format, ...parseJsonl(readFileSync(path, "utf8")) };
      case "whatsapp":
        return { format, ...parseWhatsApp(readFileSync(path, "utf8"), { team: opts.team ?? teamFromFilename(path) }) };
      case "slack": {
        const files = statSync(path).isDirectory()
          ? readSlackFolder(path)
          : readSlackZip(new Uint8Array(readFileSync(path)));
        return { format, ...parseSlackFiles(files) };
      }
    }
  } catch (err) {
    if (err instanceof AanzetError) throw err;
    throw new AanzetError("INPUT_INVALID", `cannot read ${path} as ${format}: ${(err as Error).message}`, {
      cause: err,
    });
  }
}
