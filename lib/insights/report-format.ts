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

const TREND_WORDS = { new: 'new', rising: 'rising', steady: 'steady', falling: 'falling' } as const;

export function feedbackReportMarkdown(report: FeedbackReport): string {
  const lines = [
    `# Customer feedback, ${day(report.from)} to ${day(report.to)}`,
    '',
    `${report.complaints} complaints (previous period: ${report.previousComplaints}). ` +
      `${report.uncategorised} matched no theme.`,
    '',
  ];
  if (report.themes.length === 0) {
    lines.push('No recurring themes in this period.', '');
    return lines.join('\n');
  }
  lines.push('| Theme | Complaints | Previous period | Trend |', '| --- | ---: | ---: | --- |');
  for (const t of report.themes) lines.push(`| ${t.label} | ${t.count} | ${t.previous} | ${TREND_WORDS[t.trend]} |`);
  for (const t of report.themes) {
    lines.push('', `## ${t.label}: ${t.count}`, '');
    for (const e of t.examples) lines.push(`> ${escapeMarkdown(e.text)} (${e.platform}, severity ${e.severity})`, '');
  }
  return lines.join('\n');
}

export function feedbackReportCSV(report: FeedbackReport): string {
  return toCSV(
    ['theme', 'label', 'complaints', 'previous', 'trend', 'example1', 'example2', 'example3'],
    report.themes.map((t) => [t.theme, t.label, t.count, t.previous, t.trend, ...[0, 1, 2].map((n) => t.examples[n]?.text ?? '')]),
  );
}
