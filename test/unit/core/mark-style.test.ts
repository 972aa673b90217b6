// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ensureMarkStyles, SEVERITY_ATTR } from '../../../lib/content/marks';

/**
 * Issue 18: what the mark draws decides what the page redraws. A box-shadow (or outline) on a
 * flagged post makes Chromium recompute the ink overflow of the post and its ancestors, which in
 * a 50,000-comment list walked the whole list in the next frame's PrePaint at every mark flush
 * (bench:page: 9.2 s against 0.7 s without us). A background changes paint only.
 */
describe('the in-place mark', () => {
  it('draws each severity as a coloured left rule in the post’s background, with nothing that changes its overflow', () => {
    const style = ensureMarkStyles(document);
    const rules = [...style.sheet!.cssRules].map((r) => r.cssText);
    expect(rules).toHaveLength(4);
    for (const sev of [1, 2, 3, 4]) {
      const rule = rules.find((r) => r.includes(`[${SEVERITY_ATTR}="${sev}"]`));
      expect(rule).toMatch(/background-image:\s*linear-gradient\(to right, #[0-9a-f]{6} 3px, transparent 3px\)/);
      expect(rule).not.toMatch(/box-shadow|outline|filter|border|margin|padding|width|height/);
    }
    // One element, whatever the number of flagged posts.
    expect(ensureMarkStyles(document)).toBe(style);
    expect(document.querySelectorAll('style').length).toBe(1);
  });
});
