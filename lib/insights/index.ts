/** Dashboard aggregations over the interaction log (lib/db). */
export { THEMES, THEME_LABELS, themesOf, type Theme } from '../model/themes';
export { complaintsOverTime, type ComplaintBucket } from './over-time';
export { timeToFirstReply, percentile, type ReplyTimes } from './reply-time';
export { returningCustomers, type ReturningCustomer } from './returning';
export { feedbackReport, firstSeer, trendOf, type AgentCount, type FeedbackReport, type ThemeReport, type Trend } from './feedback-report';
export { feedbackReportMarkdown, feedbackReportCSV, escapeMarkdown, seenByText } from './report-format';
export { teamActivity, teamPeriodRange, firstWords, TEAM_PERIODS, TEAM_LIST_LIMIT, type TeamActivity, type TeamPeriod, type TeamReply, type AgentCounts, type UnansweredPost } from './team';
export { loadTeamActivity } from './team-load';
