// `aanzet map check --tenant <id>`: besides the whole map, the tenant's own folder must exist
// and its tenant.yaml must be valid.
import type { ContentProblem } from "../core/map/problems.js";
import { readTenantFile } from "./tenant-file.js";

/** The value of `--tenant` among `map check`'s options, if any. */
export function tenantToCheck(args: string[]): string | undefined {
  const i = args.indexOf("--tenant");
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith("--tenant="))?.slice("--tenant=".length);
}

/** Problems of one tenant's overlay folder and tenant.yaml. */
export function tenantProblems(mapDir: string, tenant: string): ContentProblem[] {
  return readTenantFile(mapDir, tenant).problems;
}
