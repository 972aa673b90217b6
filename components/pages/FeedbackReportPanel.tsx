import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { FrontlineDB } from '@/lib/db';
import { feedbackReport, feedbackReportCSV, feedbackReportMarkdown, seenByText, type Trend } from '@/lib/insights';
import { StatusMessage, type Status } from './StatusMessage';
import { datedName, downloadText } from './download';
import { PLATFORM_LABELS, count } from './format';
import { SeverityBadge } from './SeverityBadge';

const TREND_TEXT: Record<Trend, string> = { new: 'New', rising: '▲ Rising', steady: '— Steady', falling: '▼ Falling' };

/**
 * What customers complain about, for the people who can fix it: themes, counts, trend, their own
 * words. `team`: over the team's log (the Team view), with who saw each theme's complaints first.
 */
export function FeedbackReportPanel({ db, range, team }: { db: FrontlineDB; range: { from: number; to: number }; team?: { me: string } }) {
  const me = team?.me;
  const report = useLiveQuery(() => feedbackReport(db, range, me === undefined ? undefined : { me }), [db, range.from, range.to, me]);
  const [status, setStatus] = useState<Status | null>(null);
  const titleId = team ? 'team-report-title' : 'report-title';

  const save = (kind: 'md' | 'csv') => {
    if (!report) return;
    const name = datedName(team ? 'team-feedback-report' : 'feedback-report', kind);
    downloadText(name, kind === 'md' ? feedbackReportMarkdown(report) : feedbackReportCSV(report), kind === 'md' ? 'text/markdown' : 'text/csv');
    setStatus({ kind: 'ok', text: `Saved ${name}.` });
  };

  return (
    <section className="card stack report" aria-labelledby={titleId}>
      <div className="row wrap">
        <div className="grow">
          <h2 id={titleId}>{team ? 'Team feedback report' : 'Feedback report'}</h2>
          <p className="muted small">
            {report
              ? `${report.complaints} complaints (previous period ${report.previousComplaints}); ${report.uncategorised} matched no theme.`
              : 'Loading…'}
            {report?.seenBy && report.seenBy.length > 0 ? ` First seen by ${seenByText(report.seenBy)}.` : ''}
          </p>
        </div>
        <button type="button" className="btn" disabled={!report} onClick={() => save('md')}>
          Export report (Markdown)
        </button>
        <button type="button" className="btn" disabled={!report} onClick={() => save('csv')}>
          Export report (CSV)
        </button>
      </div>
      <StatusMessage status={status} />
      {report && report.themes.length === 0 && <p className="muted">No recurring themes in this period. Choose a longer period to see more complaints.</p>}
      {report && report.themes.length > 0 && (
        <table className="table">
          <caption className="sr-only">{team ? 'Team feedback by theme' : 'Feedback by theme'}</caption>
          <thead>
            <tr>
              <th scope="col">Theme</th>
              <th scope="col" className="num">Complaints</th>
              <th scope="col" className="num">Previous</th>
              <th scope="col">Trend</th>
              {team ? <th scope="col">First seen by</th> : null}
              <th scope="col">What customers say</th>
            </tr>
          </thead>
          <tbody>
            {report.themes.map((t) => (
              <tr key={t.theme}>
                <th scope="row">{t.label}</th>
                <td className="num">{count(t.count)}</td>
                <td className="num">{count(t.previous)}</td>
                <td className={`trend trend-${t.trend}`}>{TREND_TEXT[t.trend]}</td>
                {team ? <td>{seenByText(t.seenBy ?? [])}</td> : null}
                <td>
                  <ul className="list quotes">
                    {t.examples.map((e, n) => (
                      <li key={n} className="stack-xs">
                        <q className="quote-text">{e.text}</q>
                        <span className="row small">
                          <SeverityBadge severity={e.severity} />
                          <span className="muted">{PLATFORM_LABELS[e.platform]}</span>
                        </span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
