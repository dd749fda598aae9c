// A structural check of Adaptive Cards against the parts of schema 1.5 the adapter uses:
// known element and action types, required fields, unique input ids. (The `adaptivecards`
// package botbuilder pulls in is 1.2 and needs a DOM, so it cannot validate 1.5 cards here.)

const ELEMENTS: Record<string, string[]> = {
  TextBlock: ["text"],
  FactSet: ["facts"],
  Container: ["items"],
  ColumnSet: [],
  ActionSet: ["actions"],
  "Input.Text": ["id"],
  "Input.ChoiceSet": ["id", "choices"],
};
const ACTIONS: Record<string, string[]> = {
  "Action.Submit": ["title"],
  "Action.OpenUrl": ["title", "url"],
  "Action.ShowCard": ["title", "card"],
  "Action.Execute": ["title"],
};

/** Problems found in `card` (empty when it is fine). */
export function checkCard(card: unknown, path = "card", ids = new Set<string>()): string[] {
  const problems: string[] = [];
  const c = card as Record<string, unknown>;
  if (c?.type !== "AdaptiveCard") problems.push(`${path}: type must be AdaptiveCard`);
  if (path === "card" && c?.version !== "1.5") problems.push(`${path}: version must be 1.5`);
  const body = (c?.body ?? []) as unknown[];
  if (!Array.isArray(body)) problems.push(`${path}.body: must be an array`);
  const element = (e: Record<string, unknown>, p: string): void => {
    const required = ELEMENTS[String(e.type)];
    if (!required) return void problems.push(`${p}: unknown element type ${String(e.type)}`);
    for (const f of required)
      if (e[f] === undefined || e[f] === "") problems.push(`${p}: ${String(e.type)} needs ${f}`);
    if (typeof e.id === "string") {
      if (ids.has(e.id)) problems.push(`${p}: duplicate input id ${e.id}`);
      ids.add(e.id);
    }
    if (e.type === "FactSet") {
      for (const [i, f] of (e.facts as Array<Record<string, unknown>>).entries()) {
        if (typeof f.title !== "string" || typeof f.value !== "string")
          problems.push(`${p}.facts[${i}]: title and value must be strings`);
      }
    }
    if (Array.isArray(e.items)) e.items.forEach((x, i) => element(x as Record<string, unknown>, `${p}.items[${i}]`));
  };
  body.forEach((e, i) => element(e as Record<string, unknown>, `${path}.body[${i}]`));
  const actions = (c?.actions ?? []) as Array<Record<string, unknown>>;
  actions.forEach((a, i) => {
    const p = `${path}.actions[${i}]`;
    const required = ACTIONS[String(a.type)];
    if (!required) return void problems.push(`${p}: unknown action type ${String(a.type)}`);
    for (const f of required)
      if (a[f] === undefined || a[f] === "") problems.push(`${p}: ${String(a.type)} needs ${f}`);
    if (a.style !== undefined && !["default", "positive", "destructive"].includes(String(a.style)))
      problems.push(`${p}: bad style`);
    if (a.type === "Action.ShowCard") problems.push(...checkCard(a.card, `${p}.card`, ids));
  });
  return problems;
}
