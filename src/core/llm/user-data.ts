// The worker's words go to a model as data, never as instructions: one JSON object in the user
// message, which the system prompt describes as material to work on.

/** The user message for a task: a JSON object (fields are scrubbed text). */
export function userData(fields: Record<string, string>): string {
  return JSON.stringify(fields);
}
