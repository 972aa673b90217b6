import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detect/index';

describe('detect: verdicts a support agent would expect', () => {
  it('flags a clear accusation with high severity and explains it', () => {
    const v = detect('You stole my money, you scammers, I will sue');
    expect(v.complaint).toBe(true);
    expect(v.severity).toBeGreaterThanOrEqual(3);
    expect(v.cues.length).toBeGreaterThan(0);
    expect(v.cues.length).toBeLessThanOrEqual(6);
    expect(v.cues.some((c) => /stole|scammers|sue|money/.test(c))).toBe(true);
  });

  it('does not flag praise', () => {
    for (const text of ['Thanks, love the new update!', 'Your staff were so helpful today, thank you', 'Great job on the redesign, works perfectly']) {
      const v = detect(text);
      expect(v.complaint, text).toBe(false);
      expect(v.severity).toBe(0);
      expect(v.cues).toEqual([]);
    }
  });

  it('scores complaints above neutral questions and praise', () => {
    const complaint = detect('My order still has not arrived after 9 days, this is unacceptable').score;
    const question = detect('Hello, I would like to know the opening hours of your branch.').score;
    const praise = detect('Thanks, love the new update!').score;
    expect(complaint).toBeGreaterThan(0.8);
    expect(question).toBeLessThan(0.5);
    expect(praise).toBeLessThan(question + 0.2);
    for (const s of [complaint, question, praise]) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });

  it('orders severity: mild disappointment below accusation/blame', () => {
    const mild = detect('A bit disappointed that the app keeps crashing since the update.');
    const harsh = detect('You stole my money, you scammers, I will sue');
    expect(mild.complaint).toBe(true);
    expect(harsh.severity).toBeGreaterThan(mild.severity);
  });

  it('reports brand mentions word-bounded and case-insensitively, handles included', () => {
    const terms = ['Acme', '@AcmeSupport', 'Acme Pay'];
    expect(detect('@acmesupport my card is blocked', { brandTerms: terms }).signals.brand).toBe(true);
    expect(detect('ACME lost my parcel', { brandTerms: terms }).signals.brand).toBe(true);
    expect(detect('paid with acme  pay yesterday', { brandTerms: terms }).signals.brand).toBe(true);
    expect(detect('moving to Acmeville next week', { brandTerms: terms }).signals.brand).toBe(false);
    expect(detect('ACME lost my parcel').signals.brand).toBe(false);
  });

  it('reports churn, abuse, question and urgency signals', () => {
    expect(detect('I am cancelling my subscription and switching to a competitor').signals.churn).toBe(true);
    expect(detect('Please close my account and refund me').signals.churn).toBe(true);
    expect(detect('your support agents are useless idiots').signals.abuse).toBe(true);
    expect(detect('How do I change my delivery address?').signals.question).toBe(true);
    expect(detect('Can you help me with my order please').signals.question).toBe(true);
    expect(detect('The site is down again and I have been waiting 3 days').signals.urgency).toBe(true);
    const calm = detect('Lovely weather today').signals;
    expect(calm).toEqual({ brand: false, churn: false, abuse: false, question: false, urgency: false });
  });

  it('catches one angry paragraph inside a long friendly comment', () => {
    const friendly = 'I have been a customer for many years and I really like the new design of the website. ' +
      'The team at the branch was friendly when I visited last week and the coffee was nice. ';
    const outro = 'Anyway the weather is lovely here and I hope you all have a great weekend with your families. ';
    const angry = 'But you charged me twice, nobody answers the phone, this is a scam and I want a refund now! ';
    const calm = detect(friendly.repeat(3) + outro.repeat(3));
    const mixed = detect(friendly.repeat(3) + angry + outro.repeat(3));
    expect(calm.complaint).toBe(false);
    expect(mixed.complaint).toBe(true);
    expect(mixed.cues.some((c) => /charged|scam|refund|nobody/.test(c))).toBe(true);
  });

  it('keeps cues in the verdict when serialised', () => {
    const v = JSON.parse(JSON.stringify(detect('Worst service ever, I want a refund'))) as { cues: string[] };
    expect(v.cues.length).toBeGreaterThan(0);
  });
});
