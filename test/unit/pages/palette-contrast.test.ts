import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameBaseCss } from '../../../lib/content/ui-shell';

/**
 * Issue 21: severity colours must read in light mode as well as dark. WCAG 2 contrast of the
 * palette tokens as shipped (parsed from the stylesheets, not copied here): severity text at 4.5:1
 * on every surface it sits on, the 12% tint of its own badge included; the severity dot, a UI
 * part, at 3:1; and the four severities told apart by more than colour-name (hue or lightness).
 */

type Palette = Record<string, string>;

function tokensOf(block: string): Palette {
  const out: Palette = {};
  for (const m of block.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\b/g)) out[m[1]!] = m[2]!.toLowerCase();
  return out;
}

/** The first `selector { … }` block, and the same selector's block inside the dark-scheme media query. */
function themes(css: string, selector: string): { light: Palette; dark: Palette } {
  const first = css.indexOf(`${selector} {`);
  const media = css.indexOf('@media (prefers-color-scheme: dark)');
  const inMedia = css.indexOf(`${selector} {`, media);
  const blockAt = (at: number) => css.slice(at, css.indexOf('}', at));
  return { light: tokensOf(blockAt(first)), dark: tokensOf(blockAt(inMedia)) };
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const channel = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const luminance = (hex: string) => {
  const [r, g, b] = rgb(hex).map(channel) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
/** color-mix(in srgb, fg p, transparent) painted over bg. */
const tint = (fg: string, bg: string, p: number) =>
  `#${rgb(fg)
    .map((c, i) => Math.round(c * p + rgb(bg)[i]! * (1 - p)).toString(16).padStart(2, '0'))
    .join('')}`;
const hue = (hex: string) => {
  const [r, g, b] = rgb(hex).map((c) => c / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
};
const hueApart = (a: string, b: string) => {
  const d = Math.abs(hue(a) - hue(b));
  return Math.min(d, 360 - d);
};

const pages = themes(readFileSync(path.resolve('components/pages/theme.css'), 'utf8'), ':root');
const helper = themes(frameBaseCss(), ':root');

/** Every pair below that misses its threshold, named, so a failure says which colour on which surface. */
function failures(pairs: Array<[string, string, string, number]>): string[] {
  return pairs.filter(([, fg, bg, min]) => contrast(fg, bg) < min).map(([what, fg, bg, min]) => `${what}: ${fg} on ${bg} is ${contrast(fg, bg).toFixed(2)}:1 < ${min}`);
}

describe.each(['light', 'dark'] as const)('severity colours in the %s theme', (theme) => {
  it('popup and dashboard: severity text at 4.5:1 on each surface and on its own badge tint; dots at 3:1', () => {
    const t = pages[theme];
    const surfaces = { bg: t.bg!, 'bg-soft': t['bg-soft']!, 'bg-hover': t['bg-hover']!, 'warn-soft': t['warn-soft']! };
    const pairs: Array<[string, string, string, number]> = [];
    for (const level of [0, 1, 2, 3, 4]) {
      const sev = t[`sev-${level}`]!;
      for (const [name, bg] of Object.entries(surfaces)) {
        pairs.push([`--sev-${level} text on --${name}`, sev, bg, 4.5]);
        // The badge (.sev): 12% of the colour over the surface, the colour as its text.
        pairs.push([`--sev-${level} badge on --${name}`, sev, tint(sev, bg, 0.12), 4.5]);
        pairs.push([`--sev-${level} dot on --${name}`, sev, bg, 3]);
      }
    }
    pairs.push(['danger button text', t['danger-text']!, t['sev-4']!, 4.5]);
    expect(failures(pairs)).toEqual([]);
  });

  it('reply helper: severity text (badge, tags, triage) at 4.5:1 on its surfaces', () => {
    const t = helper[theme];
    const surfaces = { 'fl-bg': t['fl-bg']!, 'fl-bg-soft': t['fl-bg-soft']!, 'fl-warn-bg': t['fl-warn-bg']! };
    const pairs: Array<[string, string, string, number]> = [];
    for (const level of [1, 2, 3, 4]) {
      for (const [name, bg] of Object.entries(surfaces)) pairs.push([`--fl-sev-${level} on --${name}`, t[`fl-sev-${level}`]!, bg, 4.5]);
    }
    expect(failures(pairs)).toEqual([]);
  });

  it('the four severities differ: each pair apart in hue or in lightness, and the helper matches the popup', () => {
    const t = pages[theme];
    const levels = [1, 2, 3, 4].map((n) => t[`sev-${n}`]!);
    for (let a = 0; a < levels.length; a++) {
      for (let b = a + 1; b < levels.length; b++) {
        const apart = hueApart(levels[a]!, levels[b]!) >= 20 || contrast(levels[a]!, levels[b]!) >= 1.5;
        expect(apart, `severity ${a + 1} (${levels[a]}) and ${b + 1} (${levels[b]}) look alike`).toBe(true);
      }
    }
    expect([1, 2, 3, 4].map((n) => helper[theme][`fl-sev-${n}`])).toEqual(levels);
  });
});
