// One error type for the whole bot: a stable code for logs and operators, the cause kept.

/** Stable error codes; logged with every failure so operators can grep for them. */
export type ErrorCode =
  | "MAP_INVALID"
  | "FLOW_INVALID"
  | "PROMPT_INVALID"
  | "CONFIG_INVALID"
  | "STORE_UNAVAILABLE"
  | "STORE_ERROR"
  | "INPUT_TOO_LARGE"
  | "INPUT_INVALID"
  | "RATE_LIMITED"
  | "HANDLER_FAILED"
  | "LLM_FAILED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "IMPORT_LINE_INVALID"
  | "BWB_UNAVAILABLE"
  | "USAGE";

export class AanzetError extends Error {
  readonly code: ErrorCode;
  /** The id the error is about (the knelpunt that was not found, ...), for callers that tell
   * the user: read it here, never parse it from the message. */
  readonly subject: string | undefined;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; subject?: string }) {
    super(message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.code = code;
    this.subject = options?.subject;
    this.name = "AanzetError";
  }
}

/** Code of any thrown value, for logs: AanzetError's own, else HANDLER_FAILED. */
export function errorCode(err: unknown): ErrorCode {
  return err instanceof AanzetError ? err.code : "HANDLER_FAILED";
}
