// Block Kit rendering of core Replies. Answers show who is aan zet, the law, the route when
// that fails, sources as links and an honest confidence label; buttons come from Reply.buttons.
import { confidenceLabel } from "../../core/answer/compose.js";
import { actorName, lawName, routeName } from "../../core/map/vocabulary.js";
import type { Answer, Button, Reply } from "../../core/types.js";
import { SLACK_MSG } from "./messages.js";

/** A Block Kit block, loosely typed: the Web API validates the shape. */
export type Block = Record<string, unknown>;

export interface Rendered {
  /** Plain fallback for notifications and screen readers. */
  text: string;
  blocks: Block[];
}

/** Slack limits: 3000 chars per section text, 25 elements per actions block, 75 per button label. */
const SECTION_MAX = 3000;
const ACTIONS_MAX = 25;
const LABEL_MAX = 75;
const VALUE_MAX = 2000;
const FALLBACK_MAX = 3000;

/** Escape the three characters Slack's mrkdwn treats as markup. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Core text (plain, sometimes with **bold**) as Slack mrkdwn. */
export function toMrkdwn(text: string): string {
  return escapeMrkdwn(text).replace(/\*\*(.+?)\*\*/g, "*$1*");
}

/** Split text into pieces Slack accepts in one section, preferably at line ends. */
export function chunk(text: string, max = SECTION_MAX): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf("\n", max);
    if (cut < max / 2) cut = max;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, "");
  }
  if (rest.length > 0 || out.length === 0) out.push(rest);
  return out;
}

function section(text: string): Block[] {
  return chunk(text).map((t) => ({ type: "section", text: { type: "mrkdwn", text: t || " " } }));
}

function context(texts: string[]): Block {
  return { type: "context", elements: texts.map((t) => ({ type: "mrkdwn", text: t.slice(0, SECTION_MAX) })) };
}

/** The action_id of a button: `${action}`; a repeated action in one block gets `#n` because
 * Slack wants action ids unique per block. `parseActionId` strips the suffix again. */
export function actionId(action: string, index: number): string {
  return index === 0 ? action : `${action}#${index}`;
}

export function parseActionId(id: string): string {
  return id.replace(/#\d+$/, "");
}

/** Buttons as actions blocks (at most 25 per block). */
export function renderButtons(buttons: Button[], blockPrefix = "buttons"): Block[] {
  const blocks: Block[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < buttons.length; i += ACTIONS_MAX) {
    seen.clear();
    const elements = buttons.slice(i, i + ACTIONS_MAX).map((b) => {
      const n = seen.get(b.action) ?? 0;
      seen.set(b.action, n + 1);
      const el: Record<string, unknown> = {
        type: "button",
        text: { type: "plain_text", text: b.label.slice(0, LABEL_MAX), emoji: true },
        action_id: actionId(b.action, n),
      };
      if (b.value !== undefined) el.value = b.value.slice(0, VALUE_MAX);
      if (b.style) el.style = b.style;
      return el;
    });
    blocks.push({ type: "actions", block_id: `${blockPrefix}-${i / ACTIONS_MAX}`, elements });
  }
  return blocks;
}

function law(id: string | null): string {
  return id ? lawName(id) : SLACK_MSG.noLaw;
}

/** Who is aan zet, the law, and where to go when that fails, as fields. */
function answerFields(a: Answer): Block | undefined {
  const primary = a.aanZet.find((z) => z.role === "primary") ?? a.aanZet[0];
  if (!primary) return undefined;
  const fallback = a.aanZet.filter((z) => z !== primary).map((z) => actorName(z.actor));
  const stuck = [...new Set([...fallback, ...a.routes.map(routeName)])];
  const fields = [
    { type: "mrkdwn", text: `*${SLACK_MSG.whoLabel}*\n${escapeMrkdwn(actorName(primary.actor))}` },
    { type: "mrkdwn", text: `*${SLACK_MSG.lawLabel}*\n${escapeMrkdwn(law(primary.law))}` },
  ];
  if (stuck.length > 0)
    fields.push({ type: "mrkdwn", text: `*${SLACK_MSG.stuckLabel}*\n${escapeMrkdwn(stuck.join(", "))}` });
  return { type: "section", fields };
}

function answerFooter(a: Answer): Block[] {
  const blocks: Block[] = [];
  if (a.sources.length > 0) {
    const links = a.sources.map((s) => `<${s.url.replace(/[<>|]/g, "")}|${escapeMrkdwn(s.title).replace(/\|/g, "/")}>`);
    blocks.push(context([`*${SLACK_MSG.sourcesLabel}:* ${links.join(" · ")}`]));
  }
  const notes = [SLACK_MSG.confidence(confidenceLabel(a.confidence))];
  if (a.confirmed) notes.push(SLACK_MSG.confirmed(escapeMrkdwn(a.confirmed.on)));
  if (a.checkLocally) notes.push(SLACK_MSG.checkLocally);
  blocks.push(context([notes.join(" · ")]));
  return blocks;
}

/** One Reply as Block Kit. `extra` buttons (e.g. "Plaats in kanaal") go after the core's. */
export function renderReply(reply: Reply, extra: Button[] = []): Rendered {
  const blocks: Block[] = [];
  const a = reply.answer;
  const answered = a?.status === "answered";
  if (a && answered) {
    const fields = answerFields(a);
    if (fields) blocks.push(fields);
  }
  blocks.push(...section(toMrkdwn(reply.text)));
  if (a && answered) blocks.push(...answerFooter(a));
  if (reply.document) {
    blocks.push(...section(`*${escapeMrkdwn(reply.document.title)}*`));
    for (const piece of chunk(reply.document.markdown, SECTION_MAX - 8)) {
      blocks.push({ type: "section", text: { type: "mrkdwn", text: "```" + escapeMrkdwn(piece) + "```" } });
    }
  }
  const buttons = [...(reply.buttons ?? []), ...extra];
  if (buttons.length > 0) blocks.push(...renderButtons(buttons));
  return { text: reply.text.slice(0, FALLBACK_MAX), blocks: blocks.slice(0, 50) };
}

/** A short mrkdwn context line (e.g. "Gekozen: Ja") in place of a pressed button row. */
export function contextLine(text: string): Block {
  return context([escapeMrkdwn(text)]);
}
