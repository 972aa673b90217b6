import { describe, expect, it } from 'vitest';
import { mergeTeamEvents, recordPosts } from '../../../lib/db';
import { feedbackReport, feedbackReportCSV, feedbackReportMarkdown, firstSeer } from '../../../lib/insights';
import { HOUR, T0, freshDB, post, verdict } from '../db/helpers';
import { getInteraction } from '../../../lib/db/histories';

describe("the team's feedback report", () => {
  it('counts every complaint in the team log, says who saw each first, and keeps names as text in both exports', async () => {
    const db = freshDB();
    // This browser (ana) saw one billing complaint; a colleague whose name carries Markdown saw another first.
    await recordPosts(db, [{ post: post({ author: 'Jane', handle: '@jane', text: 'Charged twice this month' }), verdict: verdict(3) }], T0);
    const late = post({ author: 'Omar', handle: '@omar', text: 'I was charged twice, refund please', permalink: 'https://x.com/omar/status/9' });
    await mergeTeamEvents(db, [{ post: late, verdict: verdict(2), event: { at: T0 + HOUR, type: 'flagged', severity: 2, by: 'ben | *lead*' } }]);
    // Ana saw Omar's post later: it stays first seen by the colleague.
    await recordPosts(db, [{ post: late, verdict: verdict(2) }], T0 + 2 * HOUR);
    const range = { from: T0 - HOUR, to: T0 + 3 * HOUR };

    const mine = await feedbackReport(db, range);
    expect(mine.seenBy).toBeUndefined();
    const team = await feedbackReport(db, range, { me: 'ana' });
    expect(team.complaints).toBe(2);
    expect(team.seenBy).toEqual([
      { agent: 'ana', count: 1 },
      { agent: 'ben | *lead*', count: 1 },
    ]);
    const billing = team.themes.find((t) => t.theme === 'billing');
    expect(billing?.seenBy).toEqual(team.seenBy);
    expect(firstSeer((await getInteraction(db, 'https://x.com/omar/status/9'))!, 'ana')).toBe('ben | *lead*');

    const md = feedbackReportMarkdown(team);
    expect(md).toMatch(/^# Team customer feedback, /);
    // The pipe and stars are escaped: they cannot break the table or turn into emphasis.
    expect(md).toContain('| Billing and charges | 2 | 0 | new | ana 1, ben \\| \\*lead\\* 1 |');
    const csv = feedbackReportCSV(team).split('\r\n');
    expect(csv[0]).toBe('theme,label,complaints,previous,trend,first_seen_by,example1,example2,example3');
    expect(csv.find((l) => l.startsWith('billing,'))).toContain(',"ana 1, ben | *lead* 1",');
    // The personal report's files are unchanged.
    expect(feedbackReportMarkdown(mine)).toMatch(/^# Customer feedback, /);
    expect(feedbackReportCSV(mine).split('\r\n')[0]).toBe('theme,label,complaints,previous,trend,example1,example2,example3');
  });
});
