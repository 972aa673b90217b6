/** Dashboard aggregations over the interaction log (lib/db). */
export { THEMES, THEME_LABELS, themesOf, type Theme } from '../model/themes';
export { complaintsOverTime, type ComplaintBucket } from './over-time';
export { timeToFirstReply, percentile, type ReplyTimes } from './reply-time';
export { returningCustomers, type ReturningCustomer } from './returning';
export { feedbackReport, trendOf, type FeedbackReport, type ThemeReport, type Trend } from './feedback-report';
export { feedbackReportMarkdown, feedbackReportCSV, escapeMarkdown } from './report-format';
