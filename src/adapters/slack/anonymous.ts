// Anonymous sparring: `/aanzet anoniem <vraag>` posts the scrubbed question to the coaches'
// channel without the asker's name; coaches answer in that thread and each reply is sent to
// the asker by DM. The only link back is a store record keyed by the coaches' thread holding
// the asker's raw Slack id (needed to DM them); it expires after ANON_TTL_MS and is never logged.
import { scrub } from "../../core/privacy/index.js";
import type { SlackDeps, WebClient } from "./context.js";
import { post, tell, type Destination } from "./deliver.js";
import { SLACK_MSG } from "./messages.js";
import { tenantOf, type EventEnvelope, type SlackMessageEvent } from "./normalise.js";
import { escapeMrkdwn } from "./render.js";
import { ANON_TTL_MS, firstTime, keys, type AnonRecord } from "./state.js";

function note(text: string) {
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
}

/** Post an anonymous question to the coaches; `dest` is where the asker hears back (the
 * ephemeral of `/aanzet anoniem`, or their DM with the bot). */
export async function startAnonymous(
  deps: SlackDeps,
  client: WebClient,
  dest: Destination,
  question: string,
): Promise<void> {
  if (!deps.coachesChannel) {
    await tell(client, dest, note(SLACK_MSG.anonOff));
    return;
  }
  const clean = scrub(question.trim()).text;
  if (!clean) {
    await tell(client, dest, note(SLACK_MSG.anonEmpty));
    return;
  }
  const ref = await post(client, deps.coachesChannel, note(SLACK_MSG.anonQuestion(escapeMrkdwn(clean))));
  const record: AnonRecord = { asker: dest.user, at: deps.app.clock.now().toISOString() };
  await deps.store.set(keys.anon(dest.tenant, ref.channel, ref.ts), record, ANON_TTL_MS);
  deps.log.info({ event: "anon_posted", tenant: dest.tenant }, "anonymous question posted to coaches");
  await tell(client, dest, note(SLACK_MSG.anonPosted));
}

/** A coach answered in the thread of an anonymous question: DM it to the asker, once. */
export async function relayCoachReply(
  deps: SlackDeps,
  client: WebClient,
  envelope: EventEnvelope,
  event: SlackMessageEvent,
  anon: AnonRecord,
): Promise<void> {
  const tenant = tenantOf(envelope, event);
  // Slack resends an event without a timely ack (x-slack-retry-num); relay each reply once.
  const id = envelope.event_id ?? `${event.channel}:${event.ts}`;
  if (!(await firstTime(deps.store, tenant, id))) return;
  // The coach's text is already Slack mrkdwn: pass it on unchanged.
  await post(client, anon.asker, note(SLACK_MSG.anonRelay(event.user ?? "", event.text ?? "")));
  deps.log.info({ event: "anon_relayed", tenant }, "coach reply relayed to anonymous asker");
}
