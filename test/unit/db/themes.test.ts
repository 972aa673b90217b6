import { describe, expect, it } from 'vitest';
import { themesOf } from '../../../lib/insights';

describe('themesOf', () => {
  it.each([
    ['I was charged twice this month', ['billing']],
    ['Still waiting for my refund after 3 weeks', ['refunds']],
    ['My package never arrived, tracking says delivered', ['delivery']],
    ["Can't log in, password reset email never comes", ['account-access']],
    ['Is the site down again? 503 everywhere', ['outage']],
    ['The app crashes every time I open settings', ['bugs']],
    ['So slow, every page takes forever to load', ['performance']],
    ['Your customer service is a joke, no reply in a week', ['customer-service']],
    ['Way too expensive after the price hike', ['pricing']],
    ['You leaked my personal data?', ['privacy-security']],
    ['I want to cancel my subscription', ['cancellation']],
  ])('%s → %j', (text, themes) => {
    expect(themesOf(text)).toEqual(themes);
  });

  it('finds several themes in one complaint, in taxonomy order', () => {
    expect(themesOf('Charged me twice, no refund, and now the app crashes. I am cancelling.')).toEqual([
      'billing', 'refunds', 'bugs', 'cancellation',
    ]);
  });

  it('matches word starts only and returns nothing for praise', () => {
    expect(themesOf('Thanks, the new release is lovely')).toEqual([]);
    expect(themesOf('debugging is fun')).toEqual([]); // "bug" inside a word
  });
});
