// Slack export (a folder or a .zip): one folder per channel with a JSON array per day
// (`general/2026-03-12.json`). The channel name is the team; the message ts is its id;
// thread replies share their thread's case. Joins, bots and other system subtypes are skipped.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import type { ImportIssue, ImportedMessage, ParseResult } from "./types.js";

export interface ExportFile {
  /** Path inside the export, with "/" separators. */
  path: string;
  content: string;
}

/** Subtypes that carry a worker's own words; every other subtype is a system event. */
const KEEP_SUBTYPES = new Set([undefined, "thread_broadcast", "file_share", "me_message"]);
/** Top-level files of an export that are not channels. */
const META_FILES = /^(channels|users|groups|dms|mpims|integration_logs|canvases|huddles)\.json$/;

/** Slack markup to plain text: mentions out, links to their label, entities decoded. */
export function slackText(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, "")
    .replace(/<!(here|channel|everyone)[^>]*>/g, "")
    .replace(/<#[A-Z0-9]+\|([^>]+)>/g, "#$1")
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, "$2")
    .replace(/<((?:https?|mailto):[^>]+)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+/g, " ")
    .trim();
}

interface SlackMessage {
  type?: unknown;
  subtype?: unknown;
  user?: unknown;
  bot_id?: unknown;
  text?: unknown;
  ts?: unknown;
  thread_ts?: unknown;
}

/** Parse the files of an export (from a folder or a zip). */
export function parseSlackFiles(files: ExportFile[]): ParseResult {
  const messages: ImportedMessage[] = [];
  const issues: ImportIssue[] = [];
  let skipped = 0;
  const used = new Set<string>();
  const dayFiles = files
    .filter((f) => /^[^/]+\/\d{4}-\d{2}-\d{2}\.json$/.test(f.path) && !META_FILES.test(f.path))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const file of dayFiles) {
    const channel = file.path.split("/")[0]!;
    let list: unknown;
    try {
      list = JSON.parse(file.content);
    } catch {
      issues.push({ line: 1, file: file.path, reason: "not valid JSON" });
      continue;
    }
    if (!Array.isArray(list)) {
      issues.push({ line: 1, file: file.path, reason: "expected a JSON array of messages" });
      continue;
    }
    list.forEach((item: SlackMessage, i) => {
      if (typeof item !== "object" || item === null) {
        issues.push({ line: i + 1, file: file.path, reason: "not a message object" });
        return;
      }
      if (item.type !== undefined && item.type !== "message") return void skipped++;
      const subtype = typeof item.subtype === "string" ? item.subtype : undefined;
      if (!KEEP_SUBTYPES.has(subtype) || item.bot_id !== undefined) return void skipped++;
      const ts = typeof item.ts === "string" ? item.ts : undefined;
      const seconds = ts ? Number(ts) : NaN;
      if (!ts || !Number.isFinite(seconds)) {
        issues.push({ line: i + 1, file: file.path, reason: 'missing or bad "ts"' });
        return;
      }
      if (typeof item.user !== "string" || typeof item.text !== "string") {
        issues.push({ line: i + 1, file: file.path, reason: 'missing "user" or "text"' });
        return;
      }
      const text = slackText(item.text);
      if (text.length === 0) return void skipped++;
      // ts is unique within a channel; the rare clash across channels gets the channel added.
      const id = used.has(ts) ? `${channel}-${ts}` : ts;
      used.add(id);
      const threadTs = typeof item.thread_ts === "string" ? item.thread_ts : ts;
      messages.push({
        id,
        team: channel,
        user: item.user,
        at: new Date(seconds * 1000),
        text,
        thread: `${channel}:${threadTs}`,
      });
    });
  }
  messages.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { messages, issues, skipped };
}

/** All files of an export folder. */
export function readSlackFolder(dir: string): ExportFile[] {
  const out: ExportFile[] = [];
  const walk = (d: string, depth: number): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory() && depth < 2) walk(p, depth + 1);
      else if (st.isFile() && name.endsWith(".json"))
        out.push({ path: relative(dir, p).split(sep).join("/"), content: readFileSync(p, "utf8") });
    }
  };
  walk(dir, 0);
  return out;
}

/** All JSON files of a zipped export; a single top folder inside the zip is stripped. */
export function readSlackZip(data: Uint8Array): ExportFile[] {
  const entries = unzipSync(data, { filter: (f) => f.name.endsWith(".json") && !f.name.startsWith("__MACOSX/") });
  const files = Object.entries(entries).map(([path, bytes]) => ({
    path: path.replace(/\\/g, "/"),
    content: strFromU8(bytes),
  }));
  // Zipping the export folder itself puts everything under one top folder.
  const tops = new Set(files.map((f) => f.path.split("/")[0]));
  const nested =
    files.every((f) => f.path.includes("/")) && !files.some((f) => /^[^/]+\/\d{4}-\d{2}-\d{2}\.json$/.test(f.path));
  if (tops.size === 1 && nested) return files.map((f) => ({ ...f, path: f.path.split("/").slice(1).join("/") }));
  return files;
}
