/** The interaction log and customer memory. Use only from the background and extension pages (ARCHITECTURE.md). */
export { FrontlineDB, DEFAULT_DB_NAME, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8 } from './schema';
export { recordCorrection, allCorrections, correctionsStamp, correctionsOf, type CorrectionInput } from './corrections';
export { DIRECTORY_SHARDS, matchDirectory, shardOf, type DirectoryMatch, type DirectoryShard } from './directory';
export { eventsOf, eventsIn } from './events-of';
export { activeSince, allInteractions, getInteraction, getInteractions, interactionsOf, pendingAfter, logTables } from './histories';
export { openDB, type OpenOptions } from './open';
export * from './records';
export { toStoredEvent, withOwner, withoutEvents } from './event-shape';
export { contactIdFor, interactionIdFor, normaliseHandle, searchWordsFor, MAX_TEXT } from './normalise';
export { recordPosts, recordEvent, snooze, markResolved, type ReturningSummary } from './log';
export { customerHistory } from './customer-history';
export { ownEventsSince, ownEventsInLog, mergeTeamEvents, type SharedEvent, type TeamEventInput } from './team';
export {
  contactHistory,
  recentContacts,
  recentContactsBare,
  searchDirectory,
  prepareSearch,
  contactSummary,
  type ContactSummary,
  dueFollowUps,
  dueInteractions,
  dueCount,
  dueUpTo,
  latestInteractionId,
  countsFor,
  startOfDay,
  startOfWeek,
  type ContactHistory,
  type ContactListItem,
  type RecentContactsOptions,
  type ActivityCounts,
} from './queries';
export {
  exportJSON,
  exportJSONParts,
  exportJSONBlob,
  exportCSV,
  ExportFileSchema,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportFile,
  type Progress,
  type TransferOptions,
} from './transfer';
export { importJSON, type ImportResult } from './import-json';
export { applyRetention, deleteAllData } from './retention';
export { expireUnactedVisits, SEEN_TTL_DAYS } from './seen-expiry';
export { csvCell, toCSV } from './csv';
export { isQuotaError, QUOTA_MESSAGE, DatabaseBlockedError, CancelledError } from './errors';
export { popupLists, POPUP_RECENT_LIMIT, POPUP_DUE_LIMIT, contactQuery, type ListFilters, type PopupLists, type DueItem } from './popup-lists';
export { withRetryQueue, retryPending, type PendingWrite, type PendingInput, type WriteOutcome } from './pending';
export { mergeContactRecords, undoMergeRecords, MergeRefusedError } from './merge';
export { mergedOwnersOf, setMergedOwners } from './merged';
export { searchTexts, TEXT_SEARCH_LIMIT, type TextHit, type TextSearchResult, type TextSearchOptions } from './text-search';
export { matchText, snippetRuns, textQueryTokens, type SnippetRun } from './text-match';
