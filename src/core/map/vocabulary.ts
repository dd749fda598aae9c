// Canonical ids (actors, laws, routes). The single copy lives in map/vocabulary.json so that
// coaches curate ids next to the map; it is compiled into the build, never read from ../shared.
import vocabulary from "../../../map/vocabulary.json" with { type: "json" };

type Labels = Record<string, string>;

function ids(labels: Labels): [string, ...string[]] {
  const list = Object.keys(labels);
  if (list.length === 0) throw new Error("map/vocabulary.json has an empty id list");
  return list as [string, ...string[]];
}

export const ACTOR_LABELS: Labels = vocabulary.actors;
export const LAW_LABELS: Labels = vocabulary.laws;
export const ROUTE_LABELS: Labels = vocabulary.routes;
export const ACTOR_IDS = ids(ACTOR_LABELS);
export const LAW_IDS = ids(LAW_LABELS);
export const ROUTE_IDS = ids(ROUTE_LABELS);

/** Short Dutch name of an actor for chat text: the label up to its first parenthesis. */
export function actorName(id: string): string {
  const label = ACTOR_LABELS[id] ?? id;
  return label.replace(/\s*\(.*$/, "").trim();
}

/** Short Dutch name of a law for chat text. */
export function lawName(id: string): string {
  return LAW_LABELS[id] ?? id;
}

/** Short Dutch name of a route. */
export function routeName(id: string): string {
  return (ROUTE_LABELS[id] ?? id).replace(/\s*\(.*$/, "").trim();
}
