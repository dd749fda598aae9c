// The case facts a message states, shared by the understanding modules.
import type { AgeFacts } from "./age.js";

/** Case facts read from a message. Absent = not stated. */
export interface CaseFacts extends AgeFacts {
  wlz?: boolean | "aangevraagd";
  setting?: string;
  /** Settings the message rules out ("kan niet naar huis", "niet meer thuis"). */
  notSetting?: string[];
  income?: string;
  debt?: string[];
  children?: boolean;
  partner?: boolean;
  duration?: string;
  refused?: boolean;
}
