import { themesOf } from '../model/themes';
import type { History } from './histories';

/**
 * A history whose stored themes differ from what the current theme words say of each text, with
 * the themes recomputed; undefined when every one is already current (nothing to write).
 *
 * Why: themes are stored with each interaction when it is first logged, so the dashboard's themes
 * over time and the feedback report can be read without running the matcher over every complaint
 * (about 40 µs a text: 0.4 s per report for 10,000 complaints, redrawn on every write). When the
 * theme words improve, a schema upgrade runs this over the log, so an agent's existing complaints
 * are counted with the same words as new ones.
 */
export function rethemed(history: History): History | undefined {
  let changed: History | undefined;
  history.interactions.forEach((interaction, n) => {
    const now = themesOf(interaction.text ?? '');
    if (sameThemes(now, interaction.themes)) return;
    changed ??= { ...history, interactions: [...history.interactions] };
    changed.interactions[n] = { ...interaction, themes: now };
  });
  return changed;
}

function sameThemes(a: readonly string[], b: readonly string[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((t, n) => t === b[n]);
}
