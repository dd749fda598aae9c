// Anonymous sparring, as in Slack: a worker writes `anoniem <vraag>` in a personal chat; the
// scrubbed question goes to the coaches' conversation without the asker's name; a coach's
// answer (card form, or an @mention reply in that thread) is relayed to the asker's chat.
// Stored per question: only the asker's personal conversation id (no user id), for 30 days.
import { randomBytes } from "node:crypto";
import type { Config } from "../../config.js";
import { errorCode } from "../../core/errors.js";
import { MSG } from "../../core/messages.js";
import type { Log, Store } from "../../core/ports.js";
import { scrub } from "../../core/privacy/index.js";
import { isPersonal, type TeamsActivity } from "./activity.js";
import type { ConversationTarget, TeamsBridge } from "./bridge.js";
import { TEAMS_MSG } from "./messages.js";
import { card, cardActivity, FORM_TEXT, textActivity, type OutgoingActivity } from "./render.js";

/** The card action a coach's answer form submits (value = sparring id). */
export const SPAR_REPLY = "spar:reply";
const KEEP_MS = 30 * 86_400_000;

interface SparRecord {
  conversationId: string;
  serviceUrl: string;
  tenantId: string;
  at: string;
}

type TeamsSettings = NonNullable<Config["teams"]>;

export class Sparring {
  constructor(
    private readonly deps: {
      store: Store;
      bridge: TeamsBridge;
      settings: TeamsSettings;
      maxChars: number;
      now: () => Date;
    },
  ) {}

  /** True when `conversationId` is the coaches' conversation or one of its threads. */
  inCoaches(conversationId: string | undefined): boolean {
    const c = this.deps.settings.coaches?.conversationId;
    return !!c && !!conversationId && (conversationId === c || conversationId.startsWith(`${c};`));
  }

  /** Post an anonymous question; the replies are for the asker. */
  async ask(origin: TeamsActivity, tenant: string, question: string, log: Log): Promise<OutgoingActivity[]> {
    const coaches = this.deps.settings.coaches;
    if (!isPersonal(origin)) return [textActivity(TEAMS_MSG.anonOnlyPersonal)];
    if (!coaches) return [textActivity(TEAMS_MSG.anonOff)];
    if (!question) return [textActivity(TEAMS_MSG.anonEmpty)];
    if (question.length > this.deps.maxChars) return [textActivity(MSG.tooLong(this.deps.maxChars))];
    if (!origin.conversation?.id || !origin.serviceUrl) return [textActivity(MSG.failure("INPUT_INVALID"))];
    const id = randomBytes(6).toString("hex");
    const rec: SparRecord = {
      conversationId: origin.conversation.id,
      serviceUrl: origin.serviceUrl,
      tenantId: tenant,
      at: this.deps.now().toISOString(),
    };
    await this.deps.store.set(`teams-spar:${tenant}:${id}`, rec, KEEP_MS);
    const posted = await this.deps.bridge.post(
      { conversationId: coaches.conversationId, serviceUrl: coaches.serviceUrl, tenantId: coaches.tenantId ?? tenant },
      [questionCard(id, scrub(question).text)],
    );
    // In a channel, replies to the new post live in the conversation `<channel>;messageid=<post>`.
    const postId = posted[0];
    if (postId)
      await this.deps.store.set(
        `teams-sparthread:${tenant}:${coaches.conversationId};messageid=${postId}`,
        id,
        KEEP_MS,
      );
    log.info({ code: "TEAMS_ANON_POSTED", spar: id }, "anonymous question posted");
    return [textActivity(TEAMS_MSG.anonPosted)];
  }

  /** The sparring id of the coaches' thread `conversationId`, if it is one. */
  async threadOf(tenant: string, conversationId: string | undefined): Promise<string | undefined> {
    if (!this.inCoaches(conversationId)) return undefined;
    return this.deps.store.get<string>(`teams-sparthread:${tenant}:${conversationId}`);
  }

  /** Relay a coach's answer; the replies are for the coach. */
  async answer(origin: TeamsActivity, tenant: string, id: string, text: string, log: Log): Promise<OutgoingActivity[]> {
    if (!this.inCoaches(origin.conversation?.id)) return [textActivity(MSG.unknownButton)];
    if (!text.trim()) return [textActivity(TEAMS_MSG.anonAnswerEmpty)];
    const rec = await this.deps.store.get<SparRecord>(`teams-spar:${tenant}:${id}`);
    if (!rec) return [textActivity(TEAMS_MSG.anonGone)];
    const target: ConversationTarget = {
      conversationId: rec.conversationId,
      serviceUrl: rec.serviceUrl,
      tenantId: rec.tenantId,
      bot: origin.recipient,
    };
    try {
      await this.deps.bridge.post(target, [textActivity(`${TEAMS_MSG.anonRelay(origin.from?.name)}\n${text.trim()}`)]);
    } catch (err) {
      log.warn({ code: "TEAMS_ANON_RELAY_FAILED", spar: id, cause: errorCode(err) }, "anonymous answer not relayed");
      return [textActivity(TEAMS_MSG.anonRelayFailed)];
    }
    log.info({ code: "TEAMS_ANON_RELAYED", spar: id }, "anonymous answer relayed");
    return [textActivity(TEAMS_MSG.anonRelayed)];
  }
}

function questionCard(id: string, question: string): OutgoingActivity {
  const body = [
    { type: "TextBlock", text: TEAMS_MSG.anonTitle, weight: "Bolder", size: "Medium", wrap: true },
    ...question
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => ({ type: "TextBlock", text: l, wrap: true, spacing: "Small" })),
    { type: "TextBlock", text: TEAMS_MSG.anonHint, isSubtle: true, size: "Small", wrap: true },
  ];
  const form = {
    type: "Action.ShowCard",
    title: TEAMS_MSG.anonAnswerButton,
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
      actions: [{ type: "Action.Submit", title: TEAMS_MSG.anonAnswerSubmit, data: { action: SPAR_REPLY, value: id } }],
    },
  };
  return cardActivity(card(body, [form]), TEAMS_MSG.anonTitle);
}
