// The coach's correction modal: "Corrigeer" (coach:correct) opens it with the button's
// trigger_id; its submission reaches the core as a Turn with action `coach:correct-submit`,
// value `<entryId>|<recordId>` and the correction as text. The learning loop files it as a
// map proposal and answers; the answer goes back where the button was pressed.
import type { Turn } from "../../core/types.js";
import type { SlackDeps, WebClient } from "./context.js";
import { deliver, guarded, type Destination } from "./deliver.js";
import { SLACK_MSG } from "./messages.js";
import { CORRECTION_VIEW, type ViewArgs, type ViewListener } from "./registration.js";
import { slackPort } from "./port.js";

export const CORRECT_SUBMIT = "coach:correct-submit";
const BLOCK = "correction";
const INPUT = "text";
const MAX_CHARS = 3000;

/** What the modal carries from the button to its submission (private_metadata, max 3000 chars). */
export interface CorrectionMeta {
  value: string;
  tenant: string;
  /** The conversation key of the answer the button was under. */
  thread: string;
  channel?: string | undefined;
  threadTs?: string | undefined;
  ephemeral?: boolean | undefined;
}

/** Open the correction modal (trigger ids expire after 3 s: call right after ack). */
export async function openCorrection(client: WebClient, triggerId: string, meta: CorrectionMeta): Promise<void> {
  await client.views.open({
    trigger_id: triggerId,
    view: {
      type: "modal",
      callback_id: CORRECTION_VIEW,
      private_metadata: JSON.stringify(meta),
      title: { type: "plain_text", text: SLACK_MSG.correctTitle },
      submit: { type: "plain_text", text: SLACK_MSG.correctSubmit },
      close: { type: "plain_text", text: SLACK_MSG.correctCancel },
      blocks: [
        { type: "context", elements: [{ type: "mrkdwn", text: SLACK_MSG.correctHint }] },
        {
          type: "input",
          block_id: BLOCK,
          label: { type: "plain_text", text: SLACK_MSG.correctLabel },
          element: { type: "plain_text_input", action_id: INPUT, multiline: true, max_length: MAX_CHARS },
        },
      ],
    },
  });
}

function parseMeta(raw: string | undefined): CorrectionMeta | undefined {
  try {
    const m = JSON.parse(raw ?? "") as Partial<CorrectionMeta>;
    return typeof m.value === "string" && typeof m.tenant === "string" && typeof m.thread === "string"
      ? (m as CorrectionMeta)
      : undefined;
  } catch {
    // Not ours or damaged: the submission still reaches the core, replies go to the coach's DM.
    return undefined;
  }
}

function onCorrectionSubmit(deps: SlackDeps): ViewListener {
  return async ({ body, view, ack, client }: ViewArgs) => {
    const text = view.state.values[BLOCK]?.[INPUT]?.value?.trim() ?? "";
    if (!text) {
      await ack({ response_action: "errors", errors: { [BLOCK]: SLACK_MSG.correctEmpty } });
      return;
    }
    await ack();
    const user = body.user.id;
    const meta = parseMeta(view.private_metadata);
    const tenant = meta?.tenant ?? body.team?.id ?? body.user.team_id ?? "unknown";
    // Back where the button was; without a channel (e.g. the Home tab) in the coach's DM.
    const dest: Destination = meta?.channel
      ? { tenant, channel: meta.channel, user, threadTs: meta.threadTs, ephemeral: !!meta.ephemeral }
      : { tenant, channel: user, user };
    await guarded(deps, client, dest, "view_submission", async () => {
      const role = await deps.roleOf(client, tenant, user);
      const turn: Turn = {
        id: `view:${view.id}`,
        channel: "slack",
        tenant,
        team: meta?.channel ?? "home",
        thread: meta?.thread ?? `modal:${user}`,
        user,
        role,
        text,
        action: { id: CORRECT_SUBMIT, value: meta?.value ?? "" },
        direct: true,
      };
      await deliver(deps, client, dest, await deps.bot.handle(turn, slackPort(deps, client, dest)));
    });
  };
}

export function viewListeners(deps: SlackDeps): Record<typeof CORRECTION_VIEW, ViewListener> {
  return { [CORRECTION_VIEW]: onCorrectionSubmit(deps) };
}
