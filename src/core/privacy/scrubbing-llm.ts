// The LLM port with scrubbing in front: every user and assistant message and every text to
// embed passes the scrubber right before it leaves the process, whoever built the request.
// System prompts are the project's own text (map entries, instructions) and pass unchanged.
import type { ChatMessage, LlmPort } from "../llm/port.js";

/** Wraps a port so nothing unscrubbed is sent. */
export function scrubbingLlm(port: LlmPort, scrubText: (text: string) => string): LlmPort {
  const clean = (m: ChatMessage): ChatMessage => (m.role === "system" ? m : { ...m, content: scrubText(m.content) });
  return {
    chat: (messages, opts) => port.chat(messages.map(clean), opts),
    embed: (texts, opts) => port.embed(texts.map(scrubText), opts),
  };
}
