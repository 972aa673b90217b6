import { describe, expect, it } from 'vitest';
import { situationOf } from '../../../components/overlay/situation';
import { detect } from '../../../lib/detect/index';
import { DEFAULT_TEMPLATES, rankTemplates } from '../../../lib/snippets';
import type { Post } from '../../../lib/types';

const post = (text: string): Post => ({ id: 'x:1', platform: 'x', author: 'A Customer', handle: '@a', text, permalink: null, time: null });
const firstFor = (text: string) => {
  const p = post(text);
  return rankTemplates(DEFAULT_TEMPLATES, situationOf(p, detect(text, { brandTerms: ['Acme', '@AcmeSupport'] })))[0]!.template.id;
};

// The helper's triage note says "may leave" for these; the first suggestion must answer that,
// not only the outage or the bill the customer mentions on the way out.
describe('the helper ranks for a customer who says they are leaving', () => {
  it.each([
    '@AcmeSupport this is the THIRD outage this month. Every time you say it is fixed and it never is. Absolutely unacceptable, we are moving everything off Acme on Monday.',
    '@AcmeSupport the dashboard is down again and we are switching to Globex at the end of the month.',
    'Site down for the second day running. We are moving our business away from Acme, done with this.',
  ])('%s → the churn reply first', (text) => {
    expect(firstFor(text)).toBe('churn-without-begging');
  });

  it('an outage with no word of leaving still gets the outage reply first', () => {
    expect(firstFor("@AcmeSupport the site is down again, we can't take any orders. Third outage this month.")).toBe('outage-status');
  });
});
