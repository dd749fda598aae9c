// Terminal rendering of core Replies: plain text, sources as a list, buttons as words the
// worker can type back.
import type { Button, Reply } from "../../core/types.js";
import { confidenceLabel } from "../../core/answer/compose.js";

export function renderReply(reply: Reply): string {
  const lines = [reply.text];
  const a = reply.answer;
  if (a && a.status === "answered") {
    lines.push(
      `Zekerheid: ${confidenceLabel(a.confidence)}${a.confirmed ? ` · bevestigd door een coach (${a.confirmed.on})` : ""}`,
    );
    if (a.sources.length > 0) {
      lines.push("Bronnen:");
      for (const s of a.sources) lines.push(`- ${s.title}: ${s.url}`);
    }
  }
  if (reply.document) lines.push("", reply.document.markdown);
  if (reply.buttons && reply.buttons.length > 0) lines.push(renderButtons(reply.buttons));
  return lines.join("\n");
}

export function renderButtons(buttons: Button[]): string {
  return `Knoppen (typ de tekst): ${buttons.map((b) => `[${b.label}]`).join(" ")}`;
}

/** A typed text that equals a button label (case-insensitive, brackets optional). */
export function matchButton(text: string, buttons: Button[]): Button | undefined {
  const t = text
    .trim()
    .replace(/^\[|\]$/g, "")
    .toLowerCase();
  return buttons.find((b) => b.label.toLowerCase() === t);
}
