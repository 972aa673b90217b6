import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CancelledError, interactionIdFor, matchText, recordEvent, recordPosts, searchTexts, snippetRuns, textQueryTokens } from '@/lib/db';
import { DAY, HOUR, T0, freshDB, post, verdict } from './helpers';

const marked = (text: string, query: string) => {
  const ranges = matchText(text, textQueryTokens(query));
  return ranges && snippetRuns(text, ranges).filter((r) => r.hit).map((r) => r.text);
};

describe('text matcher', () => {
  it('needs every word of the query to start a word of the text, in any order', () => {
    expect(marked('My parcel was never delivered', 'deliv parc')).toEqual(['parc', 'deliv']);
    expect(marked('My parcel was never delivered', 'deliv refund')).toBeNull();
    // A prefix of a word, not a piece from inside one.
    expect(marked('undelivered parcel', 'deliv')).toBeNull();
  });

  it('ignores case and diacritics, and marks the text as written', () => {
    expect(marked('Le café était FROID', 'cafe eta froi')).toEqual(['café', 'éta', 'FROI']);
    expect(marked('the CAFE is closed', 'Café')).toEqual(['CAFE']);
  });

  it('cuts a long text to an excerpt around the match', () => {
    const text = `${'filler words here. '.repeat(30)}The refund never arrived. ${'more filler. '.repeat(30)}`;
    const runs = snippetRuns(text, matchText(text, ['refund'])!);
    const shown = runs.map((r) => r.text).join('');
    expect(shown.length).toBeLessThan(160);
    expect(shown.startsWith('…')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
    expect(runs.find((r) => r.hit)?.text).toBe('refund');
  });
});

async function seed() {
  const db = freshDB();
  const lena = post({ author: 'Lena Berg', handle: '@lenab', text: 'The invoice shows a charge I never made' });
  const marcus = post({ author: 'Marcus Oyelaran', handle: '@marcus', text: 'App crashes when I open settings' });
  await recordPosts(db, [{ post: lena, verdict: verdict(2) }], T0);
  await recordPosts(db, [{ post: marcus, verdict: verdict(2) }], T0 + HOUR);
  await recordEvent(db, { interactionId: interactionIdFor(marcus), type: 'note', text: 'Works at Kvarnström logistics, prefers email', at: T0 + DAY });
  return { db, lena, marcus };
}

describe('searchTexts', () => {
  it('finds a word that is only in an internal note, and names the contact', async () => {
    const { db } = await seed();
    const { hits } = await searchTexts(db, 'kvarnstrom');
    expect(hits.map((h) => [h.source, h.contact?.name])).toEqual([['note', 'Marcus Oyelaran']]);
    db.close();
  });

  it('finds a word that is only in a post', async () => {
    const { db } = await seed();
    const { hits } = await searchTexts(db, 'INVOICE char');
    expect(hits.map((h) => [h.source, h.contact?.name])).toEqual([['post', 'Lena Berg']]);
    expect(hits[0]!.runs.filter((r) => r.hit).map((r) => r.text)).toEqual(['invoice', 'char']);
    db.close();
  });

  it('does not match words spread over two records (a post and its note)', async () => {
    const { db } = await seed();
    // "crashes" is in Marcus's post, "logistics" in his note.
    expect((await searchTexts(db, 'crashes logistics')).hits).toEqual([]);
    db.close();
  });

  it('stops at the limit, says there is more, and pages through ties in time without repeats', async () => {
    const db = freshDB();
    // 30 posts flagged in one batch: all with the same time, across several pages.
    await recordPosts(
      db,
      Array.from({ length: 30 }, (_, n) => ({ post: post({ id: `t${n}`, handle: `@p${n}`, author: `P ${n}`, text: `Refund request number ${n}` }), verdict: verdict(1) })),
      T0,
    );
    const first = await searchTexts(db, 'refund', { limit: 20, pageSize: 7 });
    expect(first.hits).toHaveLength(20);
    expect(first.more).toBe(true);
    const all = await searchTexts(db, 'refund', { limit: 40, pageSize: 7 });
    expect(all.more).toBe(false);
    expect(new Set(all.hits.map((h) => h.key)).size).toBe(30);
    db.close();
  });

  it('stops scanning once cancelled, and stops at maxScan when asked', async () => {
    const { db } = await seed();
    const abort = new AbortController();
    const pending = searchTexts(db, 'invoice', { signal: abort.signal, pageSize: 1 });
    abort.abort();
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
    const capped = await searchTexts(db, 'invoice', { maxScan: 1, pageSize: 1 });
    // Marcus's interaction is the newest: Lena's post lies past the cap.
    expect(capped).toMatchObject({ hits: [], capped: true, scanned: 1 });
    db.close();
  });
});
