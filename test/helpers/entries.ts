// Small hand-made map entries for unit tests that must not depend on the real map's wording.
import { EntrySchema, type MapEntry } from "../../src/core/map/schema.js";

type Input = Partial<MapEntry> & { id: string; title: string; actor: string; law?: string | null };

export function entry(input: Input): MapEntry {
  const { actor, law = null, ...rest } = input;
  return EntrySchema.parse({
    topic: "overig",
    summary: "Een korte samenvatting in eenvoudige woorden voor de test.",
    questions: [`vraag over ${input.title}`],
    aanZet: [{ actor, law, role: "primary", condition: `Als het gaat om ${input.title}.` }],
    ifStuck: "Vraag het je coach of maak bezwaar.",
    sources: [{ title: "Bron", url: "https://wetten.overheid.nl/" }],
    reviewedOn: "2026-11-01",
    ...rest,
  });
}
