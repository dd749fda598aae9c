// `aanzet <command> --help`: help per command, answered before any config is read or store is
// opened, so asking for help never writes a file (a report folder, data/aanzet.sqlite).

const COMMON = "common options: --store <url> --tenant <id> --team <id> --user <id> --today <yyyy-mm-dd>";

/** Help text per command ("map check" for subcommands); the first line is the usage. */
export const COMMAND_HELP: Readonly<Record<string, string>> = {
  ask: `usage: aanzet ask "<vraag>" [--json] | aanzet ask --jsonl
Answers one question in Dutch. --json prints the answer JSON of docs/interface.md;
--jsonl reads questions from stdin (plain lines or {"text","team","user"}) and prints one JSON answer per line.`,
  chat: `usage: aanzet chat [--role worker|coach|lead|admin] [--thread <id>]
The console channel: interactive on a TTY, or one message per piped line. Type /help in the chat
for what your role can do.`,
  map: `usage: aanzet map check [--tenant <id>] | aanzet map proposals [--json] [--export <id> [--out <file>]] | aanzet map gaps
map check      validates map/, flows/ and prompts/; non-zero exit on errors
map proposals  coach proposals for map changes; --export writes one as a YAML patch
map gaps       questions the map could not answer (off-topic ones only counted)`,
  "map check": `usage: aanzet map check [--tenant <id>]
Validates map/, flows/ and prompts/ (errors name file, entry/step and field) and lists entries past
their review date. With --tenant, also checks that tenant's overlay folder map/tenants/<id>/.
Exits non-zero on errors.`,
  "map proposals": `usage: aanzet map proposals [--tenant <id>] [--json] [--all] | aanzet map proposals --export <id> [--out <file.yaml>]
Lists coach proposals for map changes; --export prints (or writes) one as a YAML patch and marks it exported.`,
  "map gaps": `usage: aanzet map gaps [--tenant <id>] [--json]
Lists the questions the map could not answer (map gaps), most asked first. Off-topic messages
(weather, recipes, poems) are counted, not listed. Coaches see the same list with /gaten in the chat.`,
  flows: `usage: aanzet flows check | aanzet flows export <id> [--tenant <id>]
flows check   validates flows/ (schema and graph checks)
flows export  prints the decision record of a finished flow as Markdown`,
  "flows check": `usage: aanzet flows check
Validates flows/ (schema and graph checks); non-zero exit on errors.`,
  "flows export": `usage: aanzet flows export <id> [--tenant <id>]
Prints the decision record of a finished flow (e.g. OT-7K3P9Q) as Markdown.`,
  replay: `usage: aanzet replay <file|folder> [--format jsonl|slack|whatsapp] [--tenant <id>] [--team <id>]
                    [--team-from-sender <regex> | --team-map <file>] [--progress N] [--json]
Feeds chat history (JSONL, Slack export folder or zip, WhatsApp .txt) through the question log and
pattern detection without answering, and reports per team what was read and skipped.
--team-from-sender takes a regex whose first group is the team, e.g. '^Team (\\w+) - '.
--team-map takes a file of "sender pattern = team" lines.`,
  knelpunten: `usage: aanzet knelpunten [--json] [--all] [--tenant <id>]
       aanzet knelpunten settings [--min-cases N] [--min-teams N] [--window-days N] [--threshold X] [--snooze-days N]
Lists candidate and reviewed knelpunten; settings shows or changes when a question becomes a candidate.`,
  report: `usage: aanzet report [--out <folder>] [--tenant <id>]
Writes knelpunten.md, knelpunten.csv and knelpunten.html (default folder: knelpunten-<tenant>-<date>).`,
  serve: `usage: aanzet serve [--port N] [--host H]
Starts Slack (POST /slack/events or Socket Mode), Teams (POST /api/messages) and GET /healthz on one port.`,
  migrate: `usage: aanzet migrate --from <store url> --to <store url>
Copies all data between stores, e.g. to a SQLite file for a backup (see README, Backup and restore).`,
  erase: `usage: aanzet erase --user <id> | --thread <id> [--tenant <id>] [--dry-run] [--json]
Removes everything about a person or a case (AVG art. 17).`,
  export: `usage: aanzet export --tenant <id> [--out <file>]
Exports all data of one tenant as JSON.`,
  purge: `usage: aanzet purge [--tenant <id>] [--dry-run] [--json]
Removes records past their retention.`,
  roles: `usage: aanzet roles show [--tenant <id>] | aanzet roles set [--tenant <id>] (--coach|--lead|--admin <id>)... [--remove]
Shows or changes who is coach, lead or admin per tenant (besides AANZET_COACHES/LEADS/ADMINS).`,
  tenant: `usage: aanzet tenant init <id> [--name <naam>] [--from <tenant>] [--coach|--lead|--admin <id>]... [--force] | aanzet tenant apply <id>
tenant init   creates map/tenants/<id>/ with tenant.yaml (roles, channels) and an example local rule
tenant apply  stores the roles of an edited tenant.yaml
Then run: aanzet map check --tenant <id>`,
  "tenant init": `usage: aanzet tenant init <id> [--name <naam>] [--from <tenant>] [--coach|--lead|--admin <id>]... [--force]
Creates map/tenants/<id>/ from map/templates/tenant/ (or another tenant's overlay with --from):
tenant.yaml with the municipality's name, roles and channels, and lokaal.yaml.voorbeeld, an
example local rule to copy. Roles given as options are also stored. Then run:
aanzet map check --tenant <id>`,
  "tenant apply": `usage: aanzet tenant apply <id>
Stores the coaches, leads and admins of map/tenants/<id>/tenant.yaml (after you edited it).`,
};

/** Everything before a literal `--`: options after it are positionals, not a help request. */
function options(argv: string[]): string[] {
  const end = argv.indexOf("--");
  return end >= 0 ? argv.slice(0, end) : argv;
}

/**
 * The help text when `argv` (without "aanzet") asks for help on a known command (`--help` or `-h`
 * anywhere before `--`), else undefined. `aanzet map check --help` gets the subcommand's text.
 */
export function helpRequest(argv: string[]): string | undefined {
  const [command, sub] = argv;
  if (command === undefined) return undefined;
  const opts = options(argv.slice(1));
  if (!opts.includes("--help") && !opts.includes("-h")) return undefined;
  const text = (sub !== undefined && COMMAND_HELP[`${command} ${sub}`]) || COMMAND_HELP[command];
  return text === undefined ? undefined : `${text}\n${COMMON}`;
}
