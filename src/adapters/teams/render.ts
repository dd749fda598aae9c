// Core Replies -> Teams activities. Answers and replies with buttons become Adaptive Cards
// (schema 1.5, what Teams desktop and mobile render); plain replies stay plain messages.
// Plain protocol JSON: no SDK types, so another Bot Framework SDK can send the same values.
import { confidenceLabel } from "../../core/answer/compose.js";
import { actorName, lawName, routeName } from "../../core/map/vocabulary.js";
import { SPAR_REPLY } from "../../core/sparring/plugin.js";
import type { Answer, Button, Reply } from "../../core/types.js";
import { TEAMS_MSG } from "./messages.js";

export const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";
/** The action a correction form submits; the core's learning loop files it as a map proposal. */
export const CORRECT_SUBMIT = "coach:correct-submit";
/** Card form input ids are merged into the submit data; `text` becomes Turn.text. */
export const FORM_TEXT = "text";

export type CardElement = Record<string, unknown>;
export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  msteams?: Record<string, unknown>;
}

export interface OutgoingActivity {
  type: "message";
  text?: string;
  textFormat?: "markdown" | "plain";
  summary?: string;
  attachments?: Array<{ contentType: string; content: AdaptiveCard }>;
}

/** Teams renders a single newline in a message or TextBlock unreliably: one block per line. */
function lines(text: string): CardElement[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l, i) => ({ type: "TextBlock", text: l, wrap: true, ...(i > 0 ? { spacing: "Small" } : {}) }));
}

/** Markdown link text must not close the bracket early. */
function linkText(s: string): string {
  return s.replace(/[[\]]/g, "");
}

function answerFacts(a: Answer): Array<{ title: string; value: string }> {
  const primary = a.aanZet.find((x) => x.role === "primary") ?? a.aanZet[0];
  const facts: Array<{ title: string; value: string }> = [];
  // The actor itself is the card's heading.
  if (primary) facts.push({ title: TEAMS_MSG.lawLabel, value: primary.law ? lawName(primary.law) : TEAMS_MSG.noLaw });
  const other = a.aanZet.find((x) => x !== primary && x.role === "fallback");
  if (other) facts.push({ title: TEAMS_MSG.otherLabel, value: actorName(other.actor) });
  if (a.routes.length > 0) facts.push({ title: TEAMS_MSG.routesLabel, value: a.routes.map(routeName).join(", ") });
  facts.push({ title: TEAMS_MSG.confidenceLabel, value: confidenceLabel(a.confidence) });
  if (a.confirmed) facts.push({ title: TEAMS_MSG.confirmedLabel, value: TEAMS_MSG.confirmed(a.confirmed.on) });
  return facts;
}

function answerBody(reply: Reply, a: Answer): CardElement[] {
  if (a.status !== "answered") return lines(reply.text);
  const primary = a.aanZet.find((x) => x.role === "primary") ?? a.aanZet[0];
  const body: CardElement[] = [];
  if (primary) {
    body.push({
      type: "TextBlock",
      text: `${TEAMS_MSG.whoLabel}: ${actorName(primary.actor)}`,
      weight: "Bolder",
      size: "Medium",
      wrap: true,
    });
  }
  body.push({ type: "FactSet", facts: answerFacts(a) });
  body.push({ type: "Container", spacing: "Medium", items: lines(reply.text) });
  if (a.sources.length > 0) {
    body.push({ type: "TextBlock", text: TEAMS_MSG.sourcesLabel, weight: "Bolder", spacing: "Medium", wrap: true });
    for (const s of a.sources)
      body.push({ type: "TextBlock", text: `- [${linkText(s.title)}](${s.url})`, wrap: true, spacing: "None" });
  }
  return body;
}

/** Action.Submit sends `data` back as the message's value: {action, value} -> Turn.action. */
function submitAction(b: Button): CardElement {
  const data: Record<string, string> = { action: b.action };
  if (b.value !== undefined) data.value = b.value;
  const style = b.style === "primary" ? "positive" : b.style === "danger" ? "destructive" : undefined;
  return { type: "Action.Submit", title: b.label, data, ...(style ? { style } : {}) };
}

/** Corrigeer opens a small form in the card (Teams' answer to Slack's modal). */
function correctAction(b: Button): CardElement {
  return {
    type: "Action.ShowCard",
    title: b.label,
    card: {
      type: "AdaptiveCard",
      body: [
        { type: "TextBlock", text: TEAMS_MSG.correctLabel, weight: "Bolder", wrap: true },
        { type: "TextBlock", text: TEAMS_MSG.correctHint, isSubtle: true, size: "Small", wrap: true },
        {
          type: "Input.Text",
          id: FORM_TEXT,
          isMultiline: true,
          maxLength: 2000,
          isRequired: true,
          errorMessage: TEAMS_MSG.correctEmpty,
          placeholder: TEAMS_MSG.correctPlaceholder,
        },
      ],
      actions: [
        {
          type: "Action.Submit",
          title: TEAMS_MSG.correctSubmit,
          data: { action: CORRECT_SUBMIT, value: b.value ?? "" },
        },
      ],
    },
  };
}

/** The answer form under an anonymous question: the coach types the answer in the card. */
function sparAction(b: Button): CardElement {
  return {
    type: "Action.ShowCard",
    title: b.label,
    card: {
      type: "AdaptiveCard",
      body: [
        {
          type: "Input.Text",
          id: FORM_TEXT,
          label: TEAMS_MSG.anonAnswerLabel,
          isMultiline: true,
          isRequired: true,
          maxLength: 4000,
          errorMessage: TEAMS_MSG.anonAnswerEmpty,
        },
      ],
      actions: [
        { type: "Action.Submit", title: TEAMS_MSG.anonAnswerSubmit, data: { action: b.action, value: b.value ?? "" } },
      ],
    },
  };
}

/** The card actions for a reply's buttons. */
export function renderActions(buttons: Button[]): CardElement[] {
  return buttons.map((b) =>
    b.action === "coach:correct" ? correctAction(b) : b.action === SPAR_REPLY ? sparAction(b) : submitAction(b),
  );
}

/** Wrap body and actions in a card that uses the full message width. */
export function card(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: "Full" },
  };
}

export function cardActivity(c: AdaptiveCard, summary?: string): OutgoingActivity {
  return {
    type: "message",
    ...(summary ? { summary } : {}),
    attachments: [{ contentType: ADAPTIVE_CARD, content: c }],
  };
}

/** A plain Teams message; markdown paragraphs keep the core's line breaks. */
export function textActivity(text: string): OutgoingActivity {
  return {
    type: "message",
    text: text
      .split("\n")
      .filter((l) => l.trim())
      .join("\n\n"),
    textFormat: "markdown",
  };
}

/** The notification preview of a card: the actor for answers, else the first words. */
function summaryOf(reply: Reply): string {
  const primary =
    reply.answer?.status === "answered" ? reply.answer.aanZet.find((x) => x.role === "primary") : undefined;
  const first = primary ? `${TEAMS_MSG.whoLabel}: ${actorName(primary.actor)}` : (reply.text.split("\n")[0] ?? "");
  return first.length > 120 ? `${first.slice(0, 117)}...` : first;
}

/** One Reply as Teams activities: a card or a message, plus a decision record as markdown. */
export function renderReply(reply: Reply): OutgoingActivity[] {
  const out: OutgoingActivity[] = [];
  const buttons = reply.buttons ?? [];
  if (reply.answer || buttons.length > 0) {
    const body = reply.answer ? answerBody(reply, reply.answer) : lines(reply.text);
    out.push(cardActivity(card(body, renderActions(buttons)), summaryOf(reply)));
  } else if (reply.text.trim()) {
    out.push(textActivity(reply.text));
  }
  if (reply.document)
    out.push({
      type: "message",
      text: `**${reply.document.title}**\n\n${reply.document.markdown}`,
      textFormat: "markdown",
    });
  return out;
}

/** Every text a person sees in an activity (message text, card text blocks, facts, buttons):
 * for tests and the adapter contract suite. */
export function visibleText(activity: { text?: string; attachments?: Array<{ content?: unknown }> }): string {
  const parts: string[] = [];
  if (activity.text) parts.push(activity.text);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    const n = node as Record<string, unknown>;
    if (n.type === "TextBlock" && typeof n.text === "string") parts.push(n.text);
    if (n.type === "FactSet" && Array.isArray(n.facts)) {
      for (const f of n.facts as Array<{ title?: string; value?: string }>)
        parts.push(`${f.title ?? ""}: ${f.value ?? ""}`);
    }
    if (typeof n.type === "string" && n.type.startsWith("Action.") && typeof n.title === "string")
      parts.push(`[${n.title}]`);
    for (const key of ["body", "items", "actions", "card", "columns"]) if (key in n) walk(n[key]);
  };
  for (const att of activity.attachments ?? []) walk(att.content);
  return parts.join("\n");
}
