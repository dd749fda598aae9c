// `aanzet map gaps`: the questions the map could not answer, for whoever maintains the map.
// Off-topic messages are counted, not listed: they are no gap in the map.
import type { App } from "../features/feature.js";
import type { Config } from "../config.js";
import { listGaps } from "../core/learning/gaps.js";
import { parse } from "./args.js";
import type { CliIO } from "./io.js";

export const MAP_GAPS_USAGE = "aanzet map gaps [--tenant <id>] [--json]";

/** Run `aanzet map gaps`; returns the exit code. */
export async function runMapGaps(ctx: {
  args: string[];
  io: CliIO;
  config: Config;
  open: () => Promise<App>;
}): Promise<number> {
  const { values } = parse(ctx.args, {}, MAP_GAPS_USAGE);
  const tenant = values.tenant ?? ctx.config.tenant;
  const app = await ctx.open();
  try {
    const list = await listGaps(app.store, tenant);
    if (values.json) {
      ctx.io.out(JSON.stringify({ tenant, ...list }, null, 2));
      return 0;
    }
    const others = Object.entries(list.notGaps)
      .map(([reason, n]) => `${n} ${reason}`)
      .join(", ");
    if (list.gaps.length === 0) ctx.io.out(`No map gaps for ${tenant}.`);
    for (const g of list.gaps) {
      ctx.io.out(`${String(g.count).padStart(3)}x  ${g.lastSeen.slice(0, 10)}  ${g.teams.join(",")}  ${g.text}`);
    }
    if (others) ctx.io.out(`Not listed (not a map gap): ${others}.`);
    return 0;
  } finally {
    await app.close();
  }
}
