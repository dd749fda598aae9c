// Checks on a Teams request before botbuilder sees it. The SDK answers some hostile inputs
// with a 500 (a forged token with `alg: none`, an activity whose serviceUrl is not a string);
// these checks turn them into a quick 401 or 400 and leave real verification to the SDK.

/** Bot Framework channel tokens are RS256-signed JWTs. */
const SIGNED_ALGS = new Set(["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"]);

/** True when the header cannot be a Bot Framework token (missing, not Bearer, unsigned alg). */
export function unacceptableToken(authorization: string | undefined): boolean {
  const m = /^Bearer\s+([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/.exec(authorization ?? "");
  if (!m) return true;
  try {
    const header = JSON.parse(Buffer.from(m[1]!, "base64url").toString("utf8")) as { alg?: unknown };
    return typeof header.alg !== "string" || !SIGNED_ALGS.has(header.alg) || m[3]!.length === 0;
  } catch {
    return true;
  }
}

/** What is wrong with an activity's shape, or undefined when the SDK can take it. */
export function activityShapeProblem(a: Record<string, unknown>): string | undefined {
  const str = (x: unknown) => x === undefined || typeof x === "string";
  const obj = (x: unknown) => x === undefined || (x !== null && typeof x === "object" && !Array.isArray(x));
  for (const f of ["serviceUrl", "id", "channelId", "text"] as const) if (!str(a[f])) return `${f} must be a string`;
  for (const f of ["conversation", "from", "recipient", "channelData"] as const)
    if (!obj(a[f])) return `${f} must be an object`;
  for (const f of ["conversation", "from", "recipient"] as const) {
    const o = a[f] as Record<string, unknown> | undefined;
    if (o && !str(o.id)) return `${f}.id must be a string`;
  }
  return undefined;
}
