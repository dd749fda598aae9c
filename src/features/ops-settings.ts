// `/instellingen` in any chat channel: admins see and change the tenant's settings (role
// grants; the recurring-question detection's numbers). Every change is in the audit log.
import type { SafeTurn, TurnHandler } from "../core/bot.js";
import { AanzetError, errorCode } from "../core/errors.js";
import { AuditLog } from "../core/learning/audit.js";
import { loadSettings, saveSettings, SettingsSchema } from "../core/learning/settings.js";
import type { Reply } from "../core/types.js";
import type { GrantableRole } from "../roles.js";
import type { App } from "./feature.js";

const ROLE_WORDS: Record<string, GrantableRole> = {
  coach: "coach",
  coaches: "coach",
  lead: "lead",
  leads: "lead",
  leidinggevende: "lead",
  admin: "admin",
  beheerder: "admin",
};
const ROLE_NL: Record<GrantableRole, string> = {
  coach: "coach",
  lead: "leidinggevende (lead)",
  admin: "beheerder (admin)",
};
const ADD = new Set(["toevoegen", "add", "+"]);
const REMOVE = new Set(["verwijderen", "weg", "remove", "-"]);
const PATTERN_FIELDS = Object.keys(SettingsSchema.shape) as Array<keyof typeof SettingsSchema.shape>;

export const OPS_MSG = {
  forbidden: "Alleen een beheerder kan de instellingen zien of wijzigen. Vraag het je beheerder.",
  usage: [
    "Zo gebruik je /instellingen:",
    "/instellingen  (laat zien wat er nu is ingesteld)",
    "/instellingen coach toevoegen <id>  (of: lead, admin; verwijderen in plaats van toevoegen)",
    `/instellingen patronen <instelling> <getal>  (instellingen: ${PATTERN_FIELDS.join(", ")})`,
    "Het id is het id uit Slack (U… of S… voor een groep) of Teams (AAD object id), niet de naam.",
  ].join("\n"),
  granted: (id: string, role: GrantableRole) =>
    `Gedaan: ${id} is nu ${ROLE_NL[role]}. Dit geldt binnen een minuut overal.`,
  revoked: (id: string, role: GrantableRole) =>
    `Gedaan: ${id} is geen ${ROLE_NL[role]} meer (tenzij de configuratie van de server het zegt).`,
  badValue: (field: string) => `Die waarde kan niet voor ${field}. Kijk of het getal binnen de grenzen valt.`,
  badId: "Dat is geen geldig id. Gebruik het id uit Slack (bijvoorbeeld U0123ABC) of Teams, geen naam.",
  patternSet: (field: string, value: number) => `Gedaan: ${field} is nu ${value}.`,
  storeDown: "Ik kan de instellingen nu niet lezen of opslaan. Probeer het zo nog eens.",
  show: (roles: { coaches: string[]; leads: string[]; admins: string[] }, p: Record<string, number>) =>
    [
      "Instellingen voor deze organisatie (naast wat in de configuratie van de server staat):",
      `Coaches: ${roles.coaches.join(", ") || "(geen)"}`,
      `Leidinggevenden: ${roles.leads.join(", ") || "(geen)"}`,
      `Beheerders: ${roles.admins.join(", ") || "(geen)"}`,
      `Terugkerende vragen: ${Object.entries(p)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
      "Wijzigen: /instellingen coach toevoegen <id>, of typ /instellingen help.",
    ].join("\n"),
} as const;

/** The TurnHandler for /instellingen. */
export function settingsCommand(app: App): TurnHandler {
  const audit = new AuditLog(app.store, app.clock);
  return async (turn: SafeTurn) => {
    const m = /^\/instellingen\b\s*([\s\S]*)$/i.exec(turn.text.trim());
    if (!m || turn.action) return undefined;
    if (turn.role !== "admin") {
      return [{ text: OPS_MSG.forbidden, private: true }];
    }
    try {
      return await handle(app, audit, turn, m[1]!.trim().split(/\s+/).filter(Boolean));
    } catch (err) {
      const code = errorCode(err);
      if (code === "INPUT_INVALID") return [{ text: OPS_MSG.badId, private: true }];
      if (code === "STORE_UNAVAILABLE" || code === "STORE_ERROR") return [{ text: OPS_MSG.storeDown, private: true }];
      throw err;
    }
  };
}

async function handle(app: App, audit: AuditLog, turn: SafeTurn, words: string[]): Promise<Reply[]> {
  const tenant = turn.tenant;
  const reply = (text: string): Reply[] => [{ text, private: true }];
  if (words.length === 0) {
    const [roles, patterns] = await Promise.all([app.roles.stored(tenant), loadSettings(app.store, tenant)]);
    return reply(OPS_MSG.show(roles, patterns as unknown as Record<string, number>));
  }
  const [first, second, third] = words.map((w) => w.toLowerCase());
  const role = ROLE_WORDS[first ?? ""];
  if (role && (ADD.has(second ?? "") || REMOVE.has(second ?? "")) && words[2]) {
    const id = words[2];
    const op = ADD.has(second!) ? "add" : "remove";
    await app.roles.change(tenant, role, id, op);
    await audit.record({
      tenant,
      who: turn.user,
      role: turn.role,
      action: op === "add" ? "roles.grant" : "roles.revoke",
      target: id,
      details: { role },
    });
    return reply(op === "add" ? OPS_MSG.granted(id, role) : OPS_MSG.revoked(id, role));
  }
  if (first === "patronen" && second && third !== undefined) {
    const field = PATTERN_FIELDS.find((f) => f.toLowerCase() === second);
    const value = Number(words[2]!.replace(",", "."));
    if (!field || !Number.isFinite(value)) return reply(OPS_MSG.usage);
    try {
      await saveSettings(app.store, tenant, { [field]: value });
    } catch (err) {
      if (err instanceof AanzetError) throw err;
      return reply(OPS_MSG.badValue(field));
    }
    await audit.record({
      tenant,
      who: turn.user,
      role: turn.role,
      action: "settings.change",
      target: field,
      details: { value },
    });
    return reply(OPS_MSG.patternSet(field, value));
  }
  return reply(OPS_MSG.usage);
}
