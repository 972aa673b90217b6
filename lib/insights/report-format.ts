import { toCSV } from '../db/csv';
import type { FeedbackReport } from './feedback-report';

import { localDay as day } from '../time/calendar';

/**
 * Customer words are untrusted: in Markdown they could open links, images or HTML in
 * whatever renders the report. Inline markup characters are escaped, and block markers at
 * the start, and the text is kept to one line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    // Only at the start does a character begin a block (heading, list, numbered list).
    .replace(/^([#+\-=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** "ana 3, ben 1": who on the team saw the complaints first (names are escaped like customer words). */
export function seenByText(seenBy: ReadonlyArray<{ agent: string; count: number }>): string {
  return seenBy.map((a) => `${a.agent} ${a.count}`).join(', ');
}

const TREND_WORDS = { new: 'new', rising: 'rising', steady: 'steady', falling: 'falling' } as const;

export function feedbackReportMarkdown(report: FeedbackReport): string {
  const team = report.seenBy !== undefined;
  const lines = [
    `# ${team ? 'Team customer feedback' : 'Customer feedback'}, ${day(report.from)} to ${day(report.to)}`,
    '',
    `${report.complaints} complaints (previous period: ${report.previousComplaints}). ` +
      `${report.uncategorised} matched no theme.`,
    '',
  ];
  if (report.seenBy && report.seenBy.length > 0) lines.push(`First seen by: ${escapeMarkdown(seenByText(report.seenBy))}.`, '');
  if (report.themes.length === 0) {
    lines.push('No recurring themes in this period.', '');
    return lines.join('\n');
  }
  if (team) {
    lines.push('| Theme | Complaints | Previous period | Trend | First seen by |', '| --- | ---: | ---: | --- | --- |');
    for (const t of report.themes) lines.push(`| ${t.label} | ${t.count} | ${t.previous} | ${TREND_WORDS[t.trend]} | ${escapeMarkdown(seenByText(t.seenBy ?? []))} |`);
  } else {
    lines.push('| Theme | Complaints | Previous period | Trend |', '| --- | ---: | ---: | --- |');
    for (const t of report.themes) lines.push(`| ${t.label} | ${t.count} | ${t.previous} | ${TREND_WORDS[t.trend]} |`);
  }
  for (const t of report.themes) {
    lines.push('', `## ${t.label}: ${t.count}`, '');
    for (const e of t.examples) lines.push(`> ${escapeMarkdown(e.text)} (${e.platform}, severity ${e.severity})`, '');
  }
  return lines.join('\n');
}

export function feedbackReportCSV(report: FeedbackReport): string {
  const examples = (t: FeedbackReport['themes'][number]) => [0, 1, 2].map((n) => t.examples[n]?.text ?? '');
  if (report.seenBy !== undefined) {
    return toCSV(
      ['theme', 'label', 'complaints', 'previous', 'trend', 'first_seen_by', 'example1', 'example2', 'example3'],
      report.themes.map((t) => [t.theme, t.label, t.count, t.previous, t.trend, seenByText(t.seenBy ?? []), ...examples(t)]),
    );
  }
  return toCSV(
    ['theme', 'label', 'complaints', 'previous', 'trend', 'example1', 'example2', 'example3'],
    report.themes.map((t) => [t.theme, t.label, t.count, t.previous, t.trend, ...examples(t)]),
  );
}
