// Public surface of the learning loop: feedback and moderation, recurring-question detection,
// lead review, the proposal queue, the audit log and the reports.
export { installLearning, learningServices, type LearningLoop, type LearningOptions } from "./loop.js";
export { AuditLog } from "./audit.js";
export { ProposalQueue, proposalPatch, fieldAndText } from "./proposals.js";
export { PatternDetector, type Placement } from "./patterns.js";
export { KnelpuntenService, knelpuntJson, weekStart, trendOf } from "./knelpunten.js";
export { ReviewService, type Reviewer } from "./review.js";
export { DEFAULT_SETTINGS, SettingsSchema, loadSettings, saveSettings, SettingsCache } from "./settings.js";
export { checkRule } from "./patterns-rule.js";
export { extractFeatures, MapVocabulary } from "./patterns-features.js";
export { reportCsv, reportHtml, reportMarkdown, type ReportMeta } from "./report.js";
export * from "./types.js";
export { isMapGap, listGaps, type GapList, type MapGap } from "./gaps.js";
