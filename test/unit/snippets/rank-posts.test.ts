import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detect/index';
import { themesOf } from '../../../lib/model/themes';
import { DEFAULT_TEMPLATES, rankTemplates, TemplateSchema, type Situation } from '../../../lib/snippets';
import type { Platform } from '../../../lib/types';

/** The situation the helper builds: the detector's verdict and the post's themes. */
function read(text: string, platform: Platform, returning = false): Situation {
  const v = detect(text, { brandTerms: ['Acme', '@AcmeSupport'] });
  return { severity: v.severity, signals: v.signals, platform, returning, themes: themesOf(text) };
}
const first = (s: Situation, templates = DEFAULT_TEMPLATES) => rankTemplates(templates, s)[0]!.template.id;

// Posts an agent meets, each with the reply a support lead would start from.
const TABLE: Array<[situation: string, platform: Platform, post: string, expected: string]> = [
  ['abuse on X', 'x', '@AcmeSupport you useless idiots, your staff are morons and I hate every one of you', 'calm-boundary'],
  ['abuse on a blog', 'wordpress', 'Whoever runs this company is a pathetic clown. Your product is garbage and so are you.', 'calm-boundary'],
  ['churn', 'x', "@AcmeSupport third billing mistake this year. I'm cancelling my subscription and switching to Globex.", 'churn-without-begging'],
  ['outage', 'x', "@AcmeSupport the site is down again, we can't take any orders. Third outage this month.", 'outage-status'],
  ['billing', 'wordpress', 'I was charged twice for my plan this month and nobody has answered my emails about it.', 'move-to-private'],
  ['hacked account', 'x', '@AcmeSupport my account was hacked and someone changed my password, please help', 'move-to-private'],
  ['delivery', 'wordpress', "My package still hasn't arrived after two weeks and the tracking hasn't moved. Really disappointed.", 'own-the-failure'],
  ['praise', 'x', '@AcmeSupport love the new update, the dashboard is so much faster now, great work!', 'thank-for-kind-words'],
  ['praise that names a fixed problem', 'wordpress', 'Acme support fixed my billing mess in ten minutes, thank you so much, great service!', 'thank-for-kind-words'],
  ['question', 'discourse', "How do I export my invoices as CSV? I can't find the option anywhere.", 'dont-know-yet'],
];

describe('the first suggestion reads the post', () => {
  it.each(TABLE)('%s → its reply first', (_name, platform, post, expected) => {
    expect(first(read(post, platform))).toBe(expected);
  });

  it('a returning customer gets the follow-up on the promise first, unless they are now abusive', () => {
    const again = read('@AcmeSupport still waiting for the update you promised on my order', 'x', true);
    expect(first(again)).toBe('follow-up-on-promise');
    const abusive = read('@AcmeSupport you lying idiots, still nothing, your staff are morons', 'x', true);
    expect(first(abusive)).toBe('calm-boundary');
  });

  it('a template that says nothing about when it fits ranks last, even on a praise post', () => {
    const bare = TemplateSchema.parse({ id: 'custom-outage', title: 'Our outage text', body: 'Hi ${CUSTOMER_FIRST_NAME}, ${1:[status]}$0' });
    const ranked = rankTemplates([bare, ...DEFAULT_TEMPLATES], read('@AcmeSupport love the new update, great work!', 'x'));
    expect(ranked.at(-1)!.template.id).toBe('custom-outage');
  });

  it('never puts a template written for another site first', () => {
    for (const [, , post] of TABLE) {
      const ranked = rankTemplates(DEFAULT_TEMPLATES, read(post, 'reddit'));
      expect(ranked[0]!.template.platforms ?? ['reddit']).toContain('reddit');
    }
  });
});
