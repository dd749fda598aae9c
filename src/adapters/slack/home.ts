// The App Home tab: a short how-to for everyone; for leads also the candidate knelpunten
// with accept/reject/merge buttons, fetched from the core as the `/knelpunten` command.
import type { Role, Reply, Turn } from "../../core/types.js";
import type { SlackDeps, WebClient } from "./context.js";
import { SLACK_MSG } from "./messages.js";
import { renderReply, toMrkdwn, type Block } from "./render.js";
import { slackPort } from "./port.js";

/** Slack's limit for a Home view. */
const HOME_MAX_BLOCKS = 100;

function isLead(role: Role): boolean {
  return role === "lead" || role === "admin";
}

/** The lead's review list: the core's `/knelpunten` replies (buttons lead:accept|reject|merge). */
async function knelpunten(
  deps: SlackDeps,
  client: WebClient,
  tenant: string,
  user: string,
  role: Role,
): Promise<Reply[]> {
  const turn: Turn = {
    // No id: opening the Home twice must show the list twice, not be deduped.
    id: "",
    channel: "slack",
    tenant,
    team: "home",
    thread: `home:${user}`,
    user,
    role,
    text: "/knelpunten",
    direct: true,
  };
  return deps.bot.handle(turn, slackPort(deps, client, { tenant, channel: user, user }));
}

/** Build and publish the Home view for `user`; `notices` are replies to their last button press. */
export async function publishHome(
  deps: SlackDeps,
  client: WebClient,
  tenant: string,
  user: string,
  notices: Reply[] = [],
): Promise<void> {
  const role = await deps.roleOf(client, tenant, user);
  const blocks: Block[] = [
    { type: "header", text: { type: "plain_text", text: SLACK_MSG.homeTitle } },
    { type: "section", text: { type: "mrkdwn", text: SLACK_MSG.homeIntro } },
    { type: "context", elements: [{ type: "mrkdwn", text: SLACK_MSG.homePrivacy }] },
  ];
  if (notices.length > 0) {
    blocks.push(
      { type: "divider" },
      { type: "section", text: { type: "mrkdwn", text: `*${SLACK_MSG.homeLastAction}*` } },
    );
    for (const n of notices) blocks.push(...renderReply(n).blocks);
  }
  if (isLead(role)) {
    blocks.push({ type: "divider" }, { type: "header", text: { type: "plain_text", text: SLACK_MSG.homeLeadTitle } });
    const list = (await knelpunten(deps, client, tenant, user, role)).flatMap((r) => renderReply(r).blocks);
    const room = HOME_MAX_BLOCKS - blocks.length - 1;
    if (list.length > room) {
      blocks.push(...list.slice(0, room), {
        type: "context",
        elements: [{ type: "mrkdwn", text: toMrkdwn(SLACK_MSG.homeTruncated) }],
      });
    } else {
      blocks.push(...list);
    }
  }
  await client.views.publish({ user_id: user, view: { type: "home", blocks: blocks as never } });
}
