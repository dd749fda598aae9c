// Slack-only records in the shared store. Keys follow `<kind>:<tenant>:<id>`.
//   slackshare:<tenant>:<id>   an ephemeral /aanzet answer the asker may post (1 day)
// Thread ownership, passive listening and anonymous sparring are core features
// (src/core/channel, src/core/sparring) with their own records.
import type { Reply } from "../../core/types.js";

const DAY = 86_400_000;
export const SHARE_TTL_MS = DAY;

export interface ShareRecord {
  reply: Reply;
  question: string;
}

export const keys = {
  share: (tenant: string, id: string) => `slackshare:${tenant}:${id}`,
};
