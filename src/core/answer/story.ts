// Long case stories: a worker pastes 1,500 characters about a household with several needs
// (a "giftige cocktail"). The main need is answered; at most three other needs are listed,
// each with its counter. Sentences are the unit: a need is a sentence (or two) that the map
// answers on its own with enough evidence. Pure: no I/O.

/** From this many characters on, a message is read as a story (a chat question is shorter). */
export const STORY = {
  minChars: 320,
  maxOthers: 3,
  /** A sentence names another need when the entry covers this share of its words... */
  needCoverage: 0.5,
  /** ...and the answerer would be this sure of it on its own. */
  needConfidence: 0.6,
} as const;

/** Sentences of a message; a line break ends a sentence too. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 3);
}

export function isStory(text: string): boolean {
  return text.length >= STORY.minChars;
}

const ASKS = /\?\s*$|^(wie|wat|waar|hoe|welke|kan|kunnen|moet|mag|betaalt|klopt)\b/i;

/** The sentences that ask something, last first (the question usually ends a story). */
export function askingSentences(parts: string[]): string[] {
  return parts.filter((s) => ASKS.test(s)).reverse();
}

/** Windows to read needs from: each sentence, and each sentence with the one before it. */
export function needWindows(parts: string[]): string[] {
  const out: string[] = [];
  parts.forEach((s, i) => {
    out.push(s);
    if (i > 0) out.push(`${parts[i - 1]} ${s}`);
  });
  return out;
}
