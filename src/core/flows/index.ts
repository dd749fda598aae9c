// Public surface of the flow engine: declarative dialogue flows with durable state.
export { COMPUTED_KINDS, END, FlowSchema, StepSchema, type FlowDef, type StepDef, type OutcomeDef } from "./schema.js";
export { ENGINE_KEYS, Messages, fill, flattenCatalogue } from "./messages.js";
export { checkFlow, checkFlowSet, parseFlow } from "./graph-check.js";
export { LEGAL_ROOM_ROUTES, legalRoom, matchCase, type FlowEnv } from "./computed.js";
export { back, prompt, skip, startState, submit } from "./engine.js";
export { currentStep, outcomesOf } from "./path.js";
export { flowCommand, looksLikeQuestion, parseChoice, parseYesNo } from "./input.js";
export { buildRecord, recordMarkdown, recordReply, recordSummary, type DecisionRecord } from "./record.js";
export { isOpen, loadState, recordKey, saveState, stateKey, type FlowState } from "./state.js";
export { FlowPlugin, type FlowCatalog, type FlowPluginOptions } from "./plugin.js";
export { newInstanceId, triggeredFlow } from "./start.js";
