// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { packScoreResult, unpackScoreItems, type ScoreRequestColumns } from '../../../lib/score-wire';
import { scorePosts } from '../../../lib/background/score';
import { startSession } from '../../../lib/content/session';
import { createOverlayStore } from '../../../lib/content/store';
import { detect } from '../../../lib/detect';
import { articleAdapter } from './article-adapter';

// A German forum post that quotes English complaint words: the English model alone flags it,
// but it is not written in English, so the page shows no severity and the agent gets no chip.
const GERMAN = 'Ich habe mich schon dreimal beschwert, aber der Kundenservice sagt nur: worst service ever, you charged me twice, scam. ' +
  'Die Rechnung ist doppelt abgebucht und ich warte seit drei Wochen auf mein Geld.';
const ENGLISH = 'You charged me twice, worst service ever, this is a scam and I want my money back.';

const adapter = articleAdapter('A. Nutzer');

let stop = () => {};
afterEach(() => {
  stop();
  document.body.replaceChildren();
});

describe('a post in another language is not read', () => {
  it('gets no severity and no chip, only a mark naming its language; the English one is flagged', async () => {
    expect(detect(GERMAN).complaint, 'the English model alone would flag it').toBe(true);
    for (const [id, text] of [['de1', GERMAN], ['en1', ENGLISH]] as const) {
      const el = document.createElement('article');
      el.id = id;
      el.textContent = text;
      document.body.append(el);
    }
    const store = createOverlayStore();
    const session = startSession({
      doc: document, adapter, store, isOwnNode: () => false,
      // The background's scorer itself, as the router runs it (lib/background/score.ts).
      send: (async (msg: { type: string } & ScoreRequestColumns) =>
        msg.type === 'cs→bg:score'
          ? { ok: true, ...packScoreResult(scorePosts(unpackScoreItems(msg), { brandTerms: [], focus: 'all', layer: null })) }
          : { ok: true, dropped: 0 }) as never,
    });
    stop = session.stop;
    const de = document.getElementById('de1')!;
    const en = document.getElementById('en1')!;
    for (let i = 0; i < 100 && !(de.hasAttribute('data-frontline-post') && en.hasAttribute('data-frontline-post')); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(de.getAttribute('data-frontline-post')).toBe('de1');
    expect(de.hasAttribute('data-frontline-severity')).toBe(false);
    expect(de.getAttribute('data-frontline-not-read')).toBe('de');
    expect(en.getAttribute('data-frontline-severity')).toMatch(/^[1-4]$/);
    expect(en.hasAttribute('data-frontline-not-read')).toBe(false);
    expect([...store.get().flagged.keys()]).toEqual(['en1']);
  });
});
