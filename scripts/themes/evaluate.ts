/**
 * Precision and recall of theme assignment per theme on the labelled complaint sentences of
 * test/fixtures/themes/labelled.ts (or the second list, labelled-second.ts), on its tuning half or
 * its held-out half.
 */
import { THEMES, type Theme } from '../../lib/model/themes';
import { LABELLED } from '../../test/fixtures/themes/labelled';
import { LABELLED_SECOND } from '../../test/fixtures/themes/labelled-second';
import { LABELLED_THIRD } from '../../test/fixtures/themes/labelled-third';

export type Split = 'tune' | 'held-out' | 'all';
export type ThemeList = 'first' | 'second' | 'third';
const LISTS: Record<ThemeList, Array<[Theme[], string]>> = { first: LABELLED, second: LABELLED_SECOND, third: LABELLED_THIRD };

export interface ThemeFigures {
  theme: Theme;
  /** Sentences labelled with the theme. */
  support: number;
  precision: number;
  recall: number;
}

export function rowsOf(split: Split, list: ThemeList = 'first'): Array<[Theme[], string]> {
  return LISTS[list].filter((_, i) => split === 'all' || (i % 2 === 0) === (split === 'tune'));
}

export function evaluateThemes(assign: (text: string) => readonly Theme[], split: Split, list: ThemeList = 'first') {
  const rows = rowsOf(split, list);
  const assigned = rows.map(([, text]) => new Set(assign(text)));
  const perTheme: ThemeFigures[] = THEMES.map((theme) => {
    let tp = 0, fp = 0, fn = 0;
    rows.forEach(([gold], i) => {
      const hit = assigned[i]!.has(theme);
      const want = gold.includes(theme);
      if (hit && want) tp++;
      else if (hit) fp++;
      else if (want) fn++;
    });
    return { theme, support: tp + fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
  });
  const themed = rows.filter(([gold]) => gold.length > 0);
  const untagged = themed.filter(([, text]) => assign(text).length === 0).length;
  const micro = perTheme.reduce((a, f) => ({ tp: a.tp + f.recall * f.support }), { tp: 0 });
  const labels = rows.reduce((a, [gold]) => a + gold.length, 0);
  const predicted = assigned.reduce((a, s) => a + s.size, 0);
  return { rows: rows.length, perTheme, untagged, themed: themed.length, microPrecision: predicted === 0 ? 1 : micro.tp / predicted, microRecall: micro.tp / labels };
}
