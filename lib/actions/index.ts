/**
 * The one write path (ARCHITECTURE.md, "One write path"). Every write to the log goes through
 * these functions, whoever asks: the background router (content-script messages) and the
 * extension pages (popup, dashboard, options). Each keeps the rules that follow a write in one
 * place: kept for retry when the disk is full, an alarm for a promised follow-up, the badge
 * recounted. Reads stay in lib/db (plain functions, wrapped in live queries by the pages).
 */
export { recordInteraction, resolveInteraction, snoozeOneDay } from './agent';
export { recordPostsSeen, withCues } from './record-posts';
export { importFile, forgetOlderThan, deleteEverything } from './data';
export { refreshBadge } from './badge';
export { armFollowUp, FOLLOW_UP_ALARM_PREFIX } from './follow-up-alarm';
export { createVisitBudget, VISIT_LIMITS, type VisitBudget } from './visit-budget';
export { recordAgentCorrection } from './correct';
export { recordTeamEvents } from './team';
export { mergeContacts, undoMerge } from './merge';
export { followMergedOwners, MERGED_OWNERS_KEY } from './merge-owners';
