// @vitest-environment happy-dom
/**
 * The helper's "Not a complaint" / "More severe" / "Less severe" buttons, wired to the real
 * background router and a real (fake-indexeddb) database: a click stores the agent's word.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HelperCorrectionButtons as CorrectionButtons } from '../../../components/overlay/CorrectionButtons';
import { correct, correctionLayer } from '../../../lib/background/corrections';
import { routeContentMessage, type RouterDeps } from '../../../lib/background/router';
import { FrontlineDB } from '../../../lib/db';
import type { ContentToBackgroundMessage } from '../../../lib/messages';
import type { Post, Verdict } from '../../../lib/types';

const OWN_ID = 'frontline-test-id';
const sender = { id: OWN_ID, url: 'https://x.com/acme/status/1', tab: { id: 3 }, frameId: 0 };
const post: Post = {
  id: 'x:9', platform: 'x', author: 'Dana', handle: '@dana', text: 'RBI cuts repo rate, loans to get cheaper for customers',
  permalink: 'https://x.com/dana/status/9', time: null,
};
const verdict = (severity: Verdict['severity']): Verdict => ({
  complaint: severity > 0, score: 0.57, severity, cues: [], signals: { brand: false, churn: false, abuse: false, question: false, urgency: false },
});

let db: FrontlineDB;
function send() {
  db = new FrontlineDB(`buttons-${Math.random()}`);
  const deps: RouterDeps = {
    ownId: OWN_ID, postsSeen: async () => [], interactionEvent: async () => undefined, recentContacts: async () => [],
    openDashboard: async () => undefined, activate: async () => undefined, injectUi: async () => undefined,
    correct: (msg) => correct(db, msg), correctionLayer: () => correctionLayer(db),
  };
  return (msg: ContentToBackgroundMessage) => routeContentMessage(msg, sender, deps);
}
/** The background refits the layer before it answers: seconds on a loaded test machine. */
const FIT_WAIT = { timeout: 15_000 };

afterEach(async () => {
  cleanup();
  await db?.delete();
});

describe('CorrectionButtons', { timeout: 30_000 }, () => {
  it('"Not a complaint" stores the correction, says so, and offers no second "Not a complaint"', async () => {
    render(<CorrectionButtons post={post} verdict={verdict(1)} send={send()} />);
    expect(screen.queryByRole('button', { name: 'Less severe' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Not a complaint' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/not a complaint/i), FIT_WAIT);
    expect(await db.corrections.toArray()).toMatchObject([{ text: post.text, level: 0, detected: 1 }]);
    expect(screen.queryByRole('button', { name: 'Not a complaint' })).toBeNull();
  });

  it('"More severe" then "Less severe" step the level and the latest word is the one kept', async () => {
    render(<CorrectionButtons post={post} verdict={verdict(3)} send={send()} />);
    fireEvent.click(screen.getByRole('button', { name: 'More severe' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'More severe' })).toBeNull(), FIT_WAIT);
    expect(await db.corrections.toArray()).toMatchObject([{ level: 4 }]);
    fireEvent.click(screen.getByRole('button', { name: 'Less severe' }));
    await waitFor(async () => expect(await db.corrections.toArray()).toMatchObject([{ level: 3 }]), FIT_WAIT);
  });

  it('says when the correction was refused, and keeps the level', async () => {
    const refuse = async () => ({ ok: false, error: 'refused: a x post from evil.example' });
    render(<CorrectionButtons post={post} verdict={verdict(2)} send={refuse} />);
    fireEvent.click(screen.getByRole('button', { name: 'More severe' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Not saved: refused/));
    expect(screen.getByRole('group').getAttribute('aria-label')).toBe('Detected: Disapproval');
  });
});
