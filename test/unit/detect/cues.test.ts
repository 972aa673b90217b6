import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detect';
import { cuesOfText, MAX_CUES } from '../../../lib/detect/cues';

// Our own posts (blog comments, forum threads, tweets with and without handles), each with the
// phrases an agent would quote back as "what went wrong". Written for this test, not tuned on.
const POSTS: Array<[string, string[]]> = [
  ['This company is a joke, they lost my package and blamed me.', ['company is a joke', 'lost my package', 'blamed me']],
  ['Whoever designed this update should be fired, it broke everything.', ['should be fired', 'broke everything']],
  ['Really disappointed with the new update, the export button is gone.', ['really disappointed', 'button is gone']],
  ['Cancelling today. Fourth billing error this year, I am done with you.', ['billing error']],
  ['You charged me twice and the bug was never fixed.', ['charged me twice', 'never fixed']],
  ['Opened three tickets about the sync problem, still no reply from anyone.', ['still no reply']],
  ['The app keeps crashing since the last update and support ignored my emails', ['keeps crashing', 'ignored my emails']],
  ['Hi team, my account is still locked and nobody answers the phone.', ['nobody answers']],
  ['Hello, I was double charged for my subscription this month.', ['double charged']],
  ['Third outage this week. Our whole team lost a day of work.', ['third outage', 'lost a day']],
  ['The courier left my parcel in the rain and it arrived damaged, worst delivery ever', ['arrived damaged', 'worst delivery']],
  ['Been on hold for 45 minutes, absolutely ridiculous', ['absolutely ridiculous']],
  ['They deleted my photos without warning and refused a refund.', ['deleted my photos', 'refused a refund']],
  ['Your site has been down all morning, we are losing real money here', ['losing real money']],
  ['Dear support, the invoice shows hidden fees I never agreed to.', ['hidden fees', 'never agreed']],
  ['@AcmeHelp my card got declined twice at checkout and the order still has not shipped', ['declined twice', 'not shipped']],
  ['Hey guys, the password reset email never arrives. Tried five times.', ['never arrives']],
  ['The new pricing is a total rip off, overpriced garbage', ['overpriced garbage']],
];

// Words that explain nothing on their own: greetings, pronouns, function words, time words,
// and the product's own nouns (what the post is about, not what went wrong).
const NEVER_ALONE = new Set(['hi', 'hello', 'hey', 'dear', 'thanks', 'team', 'i', 'me', 'my', 'you', 'your', 'we', 'our', 'they', 'it',
  'this', 'that', 'the', 'a', 'is', 'was', 'no', 'not', 'still', 'today', 'since', 'now', 'again', 'brought', 'app', 'update',
  'account', 'order', 'button', 'site', 'website', 'service', 'support', 'card', 'invoice', 'subscription', 'package', 'delivery']);
const GREETINGS = ['hi', 'hello', 'hey', 'dear'];

describe('cues an agent understands', () => {
  it.each(POSTS)('%s', (text, expected) => {
    const cues = cuesOfText(text);
    for (const phrase of expected) expect(cues, `${text}: ${phrase}`).toContain(phrase);
  });

  it('never offers a greeting, a pronoun, a function word or a product noun on its own, and at most four', () => {
    const texts = [...POSTS.map(([t]) => t), 'Hi, I brought my laptop in today and the repair is still not done after 3 weeks',
      'hi, i have a question about my order', 'Hello team, thanks for the update', 'You you you, your app, your update, your account.'];
    for (const text of texts) {
      const cues = cuesOfText(text);
      expect(cues.length, text).toBeLessThanOrEqual(MAX_CUES);
      for (const cue of cues) {
        expect(NEVER_ALONE.has(cue), `${text}: ${cue}`).toBe(false);
        expect(cue.split(' ').some((w) => GREETINGS.includes(w.replace(/[^a-z]/g, ''))), `${text}: ${cue}`).toBe(false);
      }
    }
  });

  it('never quotes a link or a handle, and reads "oh no" as no grievance', () => {
    const cues = cuesOfText('@AcmeSupport the editor crashes https://t.co/8acpyAtE every time, worst customer service ever @AcmeHelp');
    expect(cues).toContain('worst customer service');
    for (const cue of cues) expect(cue, cue).not.toMatch(/https|t\.co|acme/);
    expect(cuesOfText('Oh no my favourite jeans have a defect')).not.toContain('no my favourite');
  });

  it('finds no grievance in a greeting, a neutral question or thanks', () => {
    for (const text of ['Hi, I have a question about my order', 'Hello team, thanks for the update', 'How do I export my data to CSV?',
      'Thank you, the new export works perfectly']) {
      expect(cuesOfText(text), text).toEqual([]);
    }
  });

  it('gives flagged posts the same cues through detect(), and none to posts it does not flag', () => {
    const text = 'You stole my money, you scammers, I will sue';
    const v = detect(text);
    expect(v.complaint).toBe(true);
    expect(v.cues).toEqual(cuesOfText(text));
    expect(detect('Thanks, love the new update!').cues).toEqual([]);
  });

  it('stays total and fast on hostile text', () => {
    const t0 = performance.now();
    for (const text of ['', '😡'.repeat(5000), 'never '.repeat(50_000), 'lost my '.repeat(30_000), '\u202E'.repeat(4000)]) {
      expect(() => cuesOfText(text)).not.toThrow();
    }
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
