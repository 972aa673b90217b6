import { describe, expect, it } from 'vitest';
import {
  hashId, PLATFORM_LABELS, PLATFORM_NAMES, PLATFORMS, PostSchema, SEVERITIES, SEVERITY_LABELS,
  SIGNAL_LABELS, SignalsSchema, VerdictSchema,
} from '../../../lib/model';
import { detect } from '../../../lib/detect';

describe('the model', () => {
  it('names every platform, severity and signal once', () => {
    for (const p of PLATFORMS) {
      expect(PLATFORM_NAMES[p]).toBeTruthy();
      expect(PLATFORM_LABELS[p]).toBeTruthy();
    }
    expect(SEVERITY_LABELS).toHaveLength(SEVERITIES.length);
    expect(Object.keys(SIGNAL_LABELS).sort()).toEqual(Object.keys(SignalsSchema.shape).sort());
  });

  it("accepts what the detector says of a text", () => {
    const verdict = detect('I was charged twice and nobody answers. Worst service ever.');
    expect(VerdictSchema.parse(verdict)).toEqual(verdict);
  });

  it('refuses a post without an id or with an unknown platform', () => {
    const post = { id: 'x:1', platform: 'x', author: 'A', handle: '@a', text: 't', permalink: null, time: null };
    expect(PostSchema.safeParse(post).success).toBe(true);
    expect(PostSchema.safeParse({ ...post, id: '' }).success).toBe(false);
    expect(PostSchema.safeParse({ ...post, platform: 'myspace' }).success).toBe(false);
  });

  it('keeps the ids derived from text that earlier versions stored (one FNV-1a)', () => {
    expect(hashId('')).toBe('ztntfp');
    expect(hashId('a')).toBe('1r9wi7g');
    expect(hashId('Nadia Park\nMy order never arrived')).toBe('1lo8ro1');
    expect(hashId('ünïcødé 😀')).toBe('19qwoix');
  });
});
