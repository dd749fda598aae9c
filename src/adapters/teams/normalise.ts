// Teams message text -> the words the worker typed. Teams wraps every @mention in
// `<at>Name</at>` (with a matching `mention` entity) and may send a little HTML and entities.
// The bot's own name and colleagues' names both go: the core needs the question, not who
// was addressed, and a colleague's name is personal data.

const ENTITIES: Record<string, string> = { nbsp: " ", lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };

/** Formatting tags Teams may put in `text`; other `<...>` is left alone (it may be the question). */
const HTML_TAG = /<\/?(?:p|div|span|b|i|u|s|em|strong|a|ul|ol|li|blockquote|pre|code|h[1-6])(?:\s[^>]*)?>/gi;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Remove `<at>…</at>` mentions, Teams' formatting tags and a leading bot name; tidy spaces. */
export function stripMentions(text: string, botName?: string): string {
  let t = text
    .replace(/<at(?:\s[^>]*)?>[\s\S]*?<\/at>/gi, " ")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(?:p|div|li)>/gi, "\n")
    .replace(HTML_TAG, "")
    .replace(/&(nbsp|lt|gt|quot|apos|amp);/g, (_m, name: string) => ENTITIES[name] ?? "")
    .replace(/&#(\d{1,6});/g, (_m, code: string) => String.fromCodePoint(Number(code)));
  if (botName && botName.trim()) {
    // "@aanzet, wie ..." typed without picking the mention from the list.
    t = t.replace(new RegExp(`^\\s*@?${escapeRegExp(botName.trim())}\\s*[:,]?\\s+`, "i"), "");
  }
  return t
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ ([?!.,;:])(?=\s|$)/g, "$1")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The bot's commands, as listed in teams/manifest.json (the same as Slack's slash commands). */
export const TEAMS_COMMANDS = ["aanzet", "toets", "escalatie", "knelpunten", "help"] as const;

/**
 * Teams' command menu inserts the bare command word ("toets"), Slack sends "/toets": map
 * the words to the core's slash commands. "aanzet <vraag>" is the question itself. A command
 * word followed by other words is a question ("toets of dit klopt"), except for knelpunten,
 * which takes arguments.
 */
export function commandText(text: string): string {
  const m = /^\/?(aanzet|toets|escalatie|knelpunten|help)(?=$|[\s:,])[\s:,]*([\s\S]*)$/i.exec(text.trim());
  if (!m) return text;
  const cmd = m[1]!.toLowerCase();
  const rest = m[2]!.trim();
  if (cmd === "aanzet") return rest.length > 0 ? rest : "/help";
  if (rest.length > 0 && cmd !== "knelpunten" && !text.trim().startsWith("/")) return text;
  return rest.length > 0 ? `/${cmd} ${rest}` : `/${cmd}`;
}
