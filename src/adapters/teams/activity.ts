// The parts of a Bot Framework activity the adapter reads. Plain shapes of the protocol (the
// same JSON for botbuilder and the M365 Agents SDK), so the mapping below needs no SDK.

export interface ChannelAccountLike {
  id?: string;
  name?: string;
  aadObjectId?: string;
  role?: string;
}

export interface TeamsActivity {
  type?: string;
  name?: string;
  id?: string;
  text?: string;
  value?: unknown;
  serviceUrl?: string;
  channelId?: string;
  from?: ChannelAccountLike;
  recipient?: ChannelAccountLike;
  conversation?: { id?: string; conversationType?: string; tenantId?: string; isGroup?: boolean };
  entities?: Array<{ type?: string; mentioned?: ChannelAccountLike; text?: string }>;
  channelData?: unknown;
}

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function idOf(v: unknown): string | undefined {
  const id = record(v)?.id;
  return typeof id === "string" && id.length > 0 ? id : undefined;
}

/** The Microsoft 365 tenant: channelData.tenant.id, else conversation.tenantId, else `fallback`. */
export function tenantOf(a: TeamsActivity, fallback: string): string {
  return idOf(record(a.channelData)?.tenant) ?? (a.conversation?.tenantId || undefined) ?? fallback;
}

/** The wijkteam: the Teams team for channel messages, else the conversation (chat) itself. */
export function teamOf(a: TeamsActivity): string {
  return idOf(record(a.channelData)?.team) ?? a.conversation?.id ?? "unknown";
}

/** The person: their Entra (AAD) object id, stable across chats; else the channel user id. */
export function userOf(a: TeamsActivity): string {
  return a.from?.aadObjectId || a.from?.id || "unknown";
}

/** A 1:1 chat with the bot. The Bot Framework Emulator sends no conversationType. */
export function isPersonal(a: TeamsActivity): boolean {
  const type = a.conversation?.conversationType;
  return type === "personal" || (type === undefined && !a.conversation?.isGroup);
}

/** True when the activity @mentions the bot (Teams adds a `mention` entity for it). */
export function mentionsBot(a: TeamsActivity): boolean {
  const bot = a.recipient?.id;
  return !!bot && (a.entities ?? []).some((e) => e.type === "mention" && e.mentioned?.id === bot);
}

/** A card button press: Action.Submit data arrives as a message's `value`, Action.Execute
 * as an `adaptiveCard/action` invoke. Inputs of a card form are merged into the data. */
export interface CardSubmit {
  action: string;
  value?: string;
  text?: string;
}

export function cardSubmit(a: TeamsActivity): CardSubmit | undefined {
  let data = record(a.value);
  if (a.type === "invoke" && a.name === "adaptiveCard/action") data = record(record(data?.action)?.data);
  if (!data || typeof data.action !== "string" || data.action.length === 0) return undefined;
  const out: CardSubmit = { action: data.action };
  if (typeof data.value === "string") out.value = data.value;
  if (typeof data.text === "string") out.text = data.text;
  return out;
}
