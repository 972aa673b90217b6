import { describe, expect, it } from 'vitest';
import { DEFAULT_SIGNATURE_CHOICE, fitForPlatform, fullSignature, initialsSignature, shortSignature, xWeightedLength } from '../../../lib/snippets';
import { JANE } from './fixtures';

const FULL = '—\nJane Doe\nCustomer Support Lead, Acme\n+1 555 0100 · jane@acme.com';
const words = (n: number) => 'x'.repeat(n);

describe('signatures', () => {
  it('writes the full block, the short form and initials', () => {
    expect(fullSignature(JANE)).toBe(FULL);
    expect(shortSignature(JANE)).toBe('— Jane, Acme Support');
    expect(initialsSignature(JANE)).toBe('^JD');
    expect(initialsSignature({ ...JANE, fullName: 'Jane van der Berg' })).toBe('^JB');
  });

  it('leaves out what the profile does not have', () => {
    expect(fullSignature({ ...JANE, title: '', phone: '' })).toBe('—\nJane Doe\nAcme\njane@acme.com');
    expect(shortSignature({ ...JANE, company: '' })).toBe('— Jane');
    expect(fullSignature({ ...JANE, fullName: ' ' })).toBe('');
  });
});

describe('fitForPlatform', () => {
  it('keeps the full signature on long-form sites, adding it if the body lacks it', () => {
    expect(fitForPlatform('Thanks, I will check.', JANE, 'wordpress')).toEqual({
      text: `Thanks, I will check.\n\n${FULL}`,
      length: 21 + 2 + [...FULL].length,
      limit: null,
      signature: 'full',
      overBy: 0,
    });
    const placed = `Hi.\n\n${FULL}`;
    expect(fitForPlatform(placed, JANE, 'discourse').text).toBe(placed);
  });

  it('keeps the full block on X when it fits', () => {
    const r = fitForPlatform(`Sorry about that.\n\n${FULL}`, JANE, 'x');
    expect(r.signature).toBe('full');
    expect(r.text).toContain('+1 555 0100');
    expect(r.length).toBe(xWeightedLength(r.text));
  });

  it('switches to the short form on X when the full one would pass 280', () => {
    const r = fitForPlatform(`${words(240)}\n\n${FULL}`, JANE, 'x');
    expect(r).toMatchObject({ signature: 'short', limit: 280, overBy: 0 });
    expect(r.text).toBe(`${words(240)}\n— Jane, Acme Support`);
  });

  it('falls back to initials, then to no signature, never cutting the agent\'s words', () => {
    expect(fitForPlatform(words(270), JANE, 'x').text).toBe(`${words(270)} ^JD`);
    expect(fitForPlatform(words(278), JANE, 'x')).toMatchObject({ text: words(278), signature: 'none', length: 278, overBy: 0 });
    expect(fitForPlatform(words(300), JANE, 'x')).toMatchObject({ text: words(300), signature: 'none', overBy: 20 });
  });

  it('counts a long link as 23 when deciding', () => {
    const body = `${words(200)} https://acme.com/${words(80)}`;
    expect(fitForPlatform(body, JANE, 'x').signature).toBe('short');
  });

  it('applies Bluesky and Mastodon limits too', () => {
    expect(fitForPlatform(words(290), JANE, 'bluesky')).toMatchObject({ limit: 300, signature: 'short', text: `${words(290)} ^JD` });
    expect(fitForPlatform(words(298), JANE, 'bluesky')).toMatchObject({ signature: 'none', overBy: 0 });
    expect(fitForPlatform(words(400), JANE, 'mastodon')).toMatchObject({ limit: 500, signature: 'full' });
  });
});

describe('signature per platform: the agent chooses the fields', () => {
  const body = (p: typeof JANE) => `Hi Sam, I'll reply here by Tuesday.\n\n${fullSignature(p)}`;

  it('by default a public post on X carries name and company, never the personal phone or email', () => {
    const out = fitForPlatform(body(JANE), JANE, 'x', DEFAULT_SIGNATURE_CHOICE);
    expect(out.text).toBe(`Hi Sam, I'll reply here by Tuesday.\n— ${JANE.fullName}, ${JANE.company}`);
    expect(out.text).not.toContain(JANE.phone);
    expect(out.text).not.toContain(JANE.email);
  });

  it('puts the work phone on X when the agent ticks it', () => {
    const out = fitForPlatform(body(JANE), JANE, 'x', { ...DEFAULT_SIGNATURE_CHOICE, shortForm: ['fullName', 'company', 'phone'] });
    expect(out.text.endsWith(`— ${JANE.fullName}, ${JANE.company} · ${JANE.phone}`)).toBe(true);
  });

  it('blogs and forums get the full block by default, and only the chosen fields when narrowed', () => {
    expect(fitForPlatform(body(JANE), JANE, 'wordpress', DEFAULT_SIGNATURE_CHOICE).text).toBe(body(JANE));
    const narrowed = fitForPlatform(body(JANE), JANE, 'forum', { ...DEFAULT_SIGNATURE_CHOICE, longForm: ['fullName', 'title', 'company', 'email'] }).text;
    expect(narrowed).toContain(JANE.email);
    expect(narrowed).not.toContain(JANE.phone);
  });

  it('still shortens when the chosen line would not fit in 280', () => {
    const long = `${'word '.repeat(52)}end.\n\n${fullSignature(JANE)}`;
    const out = fitForPlatform(long, JANE, 'x', { ...DEFAULT_SIGNATURE_CHOICE, shortForm: ['fullName', 'title', 'company', 'phone', 'email'] });
    expect(out.overBy).toBe(0);
    expect(out.text).not.toContain(JANE.email);
  });
});
