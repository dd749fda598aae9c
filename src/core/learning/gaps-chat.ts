// `/gaten` for coaches in every channel: the questions the map could not answer, most asked
// first. Off-topic messages are only counted, never listed.
import type { TurnHandler } from "../bot.js";
import type { Store } from "../ports.js";
import { isCoach } from "./feedback.js";
import { listGaps } from "./gaps.js";
import { LEARN_MSG } from "./messages.js";

const SHOWN = 10;

/** The `/gaten` command; answers coaches and admins, tells others it is for coaches. */
export function gapsHandler(deps: { store: Store }): TurnHandler {
  return async (turn) => {
    if (turn.action || !/^\/gaten\s*$/i.test(turn.text.trim())) return undefined;
    if (!isCoach(turn.role)) return [{ text: LEARN_MSG.onlyCoaches, private: true }];
    const { gaps, notGaps } = await listGaps(deps.store, turn.tenant);
    const offTopic = notGaps["off-topic"] ?? 0;
    const lines =
      gaps.length === 0
        ? [LEARN_MSG.noGaps]
        : [
            LEARN_MSG.gapsHead(gaps.length),
            ...gaps.slice(0, SHOWN).map((g) => `• “${g.text}” (${g.count}×, ${g.teams.join(", ")})`),
            LEARN_MSG.gapsFoot,
          ];
    if (offTopic > 0) lines.push(LEARN_MSG.offTopicCount(offTopic));
    return [{ text: lines.join("\n") }];
  };
}
