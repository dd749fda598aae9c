// Slack events go through the app's work queue: the listener only queues, so Bolt's ack is
// never held up by answering. When the queue is full, whoever asked the bot (a mention or a
// DM) gets a short "druk" reply instead of silence; other events (passive listening, thread
// talk) are dropped and counted.
import { MSG } from "../../core/messages.js";
import type { SlackDeps, WebClient } from "./context.js";
import { isDirectChannel } from "./normalise.js";

interface AskedEvent {
  channel?: string;
  ts?: string;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
}

/** Queue one event for its listener; a full queue answers "druk" where someone asked. */
export async function queueEvent<A extends { event: unknown; client: WebClient }>(
  deps: Pick<SlackDeps, "app" | "log">,
  name: string,
  listener: (args: A) => Promise<void>,
  args: A,
): Promise<void> {
  const work = deps.app.work;
  if (!work) return listener(args);
  if (work.push(() => listener(args))) return;
  const event = args.event as AskedEvent;
  if (work.rejected % 1000 === 1)
    deps.log.warn({ code: "WORK_QUEUE_FULL", surface: name, capacity: work.capacity }, "work queue full; busy reply");
  const asked =
    !!event.channel &&
    !!event.user &&
    !event.bot_id &&
    !event.subtype &&
    (name === "app_mention" ? !isDirectChannel(event.channel) : name === "message.im");
  if (!asked) return;
  try {
    await args.client.chat.postMessage({
      channel: event.channel!,
      text: MSG.busy,
      ...(name === "app_mention"
        ? { thread_ts: event.thread_ts ?? event.ts }
        : event.thread_ts
          ? { thread_ts: event.thread_ts }
          : {}),
    });
  } catch (err) {
    deps.log.warn({ code: "SLACK_POST_FAILED", surface: name, err: (err as Error).name }, "busy reply failed");
  }
}
