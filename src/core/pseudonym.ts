// Pseudonymous user ids: a keyed hash, so stored records cannot be traced back to a person
// without the secret, while `erase --user` can still find everything about them.
import { createHmac } from "node:crypto";

/** Stable pseudonym for a channel user within a tenant, e.g. "u_3f9a2c...". */
export function pseudonymize(secret: string, tenant: string, user: string): string {
  return "u_" + createHmac("sha256", secret).update(`${tenant}\u0000${user}`).digest("hex").slice(0, 20);
}
