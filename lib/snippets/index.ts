/** The reply helper's pure core: snippet syntax, variables, signatures, length, tone, templates. */
export { parseSnippet, formatSnippetError, type SnippetNode, type SnippetError, type ParseResult } from './parse';
export { expandSnippet, type Expansion, type TabStop, type Range } from './expand';
export {
  startStops,
  nextStop,
  activeRange,
  isAtFinalStop,
  shiftStopsAfterEdit,
  syncMirrors,
  type StopState,
} from './tab-stops';
export { firstName, PLATFORM_NAMES, type AgentProfile, type CustomerContext } from './profile';
export { addBusinessDays, humanDate, dateTimeVariables, isWeekend, moveFollowUpDate } from './dates';
export {
  buildVariables,
  DEFAULT_FOLLOW_UP_BUSINESS_DAYS,
  type SnippetVariables,
  type VariableClock,
} from './variables';
export {
  fullSignature,
  shortSignature,
  initialsSignature,
  lineSignature,
  onlyFields,
  DEFAULT_SIGNATURE_CHOICE,
  SIGNATURE_FIELDS,
  type SignatureChoice,
  type SignatureField,
} from './signature';
export { xWeightedLength, findUrls, X_MAX_WEIGHTED_LENGTH, X_URL_WEIGHTED_LENGTH } from './x-length';
export { fitForPlatform, type FittedReply, type SignatureKind } from './fit';
export { describeUnfilled, findPlaceholders, stopsFromPlaceholders, type Placeholder } from './placeholders';
export { checkTone, hasNextStep, NEXT_STEP_FIELD, type ToneWarning, type Warning, type WarningKind } from './tone';
export { applyRewrite, markSegments, type DraftSegment, type Rewritten } from './rewrite';
export { TONE_RULES, type ToneRule } from './tone-rules';
export {
  DEFAULT_TEMPLATES,
  TemplateSchema,
  SIGNAL_KEYS,
  parseTemplatesImport,
  rankTemplates,
  type Template,
  type TemplatesImport,
  type RankedTemplate,
  type Situation,
} from './templates';
export { describeSwallowedAmounts, findSwallowedAmounts, type SwallowedAmount } from './amounts';
export { expandShortcutAt, SHORTCUT_PATTERN, type ShortcutExpansion } from './shortcuts';
