// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ReplyHelper } from '../../../components/overlay/ReplyHelper';
import { forgetAllDrafts } from '../../../components/overlay/drafts';
import { chipName } from '../../../lib/content/chips';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { DEFAULT_TEMPLATES } from '../../../lib/snippets';
import type { Post, Verdict } from '../../../lib/types';

const post = (text: string): Post => ({ id: `x:${text.length}`, platform: 'x', author: 'Marcus Reed', handle: '@marcus', text, permalink: null, time: null });
const verdict: Verdict = {
  complaint: true, score: 0.9, severity: 2, cues: [],
  signals: { brand: false, churn: false, abuse: false, question: false, urgency: false },
};

afterEach(cleanup);
afterEach(forgetAllDrafts);

function open(text: string, summary?: { severityRising: boolean }) {
  const p = post(text);
  const s = summary && { postId: p.id, contactId: 'c', known: true, earlierInteractions: 1, severityRising: summary.severityRising };
  render(<ReplyHelper target={{ post: p, verdict, summary: s }} settings={DEFAULT_SETTINGS} templates={[...DEFAULT_TEMPLATES]} send={async () => ({ ok: true })} insert={async () => ({ ok: true, message: '' })} onClose={() => {}} />);
}

describe('triage in the reply helper', () => {
  it('says what to answer first and why', () => {
    open('Third outage this month, we are moving everything off your platform.');
    const note = screen.getByRole('note', { name: /^Priority/ });
    expect(note.getAttribute('aria-label')).toBe('Priority Urgent: may leave, an outage');
    expect(note.textContent).toBe('Urgent — may leave · an outage');
  });

  it('names a customer who comes back angrier', () => {
    open('The export button is gone.', { severityRising: true });
    expect(screen.getByRole('note', { name: /^Priority/ }).textContent).toContain('comes back angrier than last time');
  });

  it('shows nothing for a post with no stake beyond its words', () => {
    open('The export button is gone after the update.');
    expect(screen.queryByRole('note', { name: /^Priority/ })).toBeNull();
  });

  it('puts the priority into the chip name after the severity, keeping the name the tests rely on', () => {
    expect(chipName('Nadia Okafor', 3, 'Urgent: an outage')).toBe('Reply as support to Nadia Okafor, severity 3: Accusation. Urgent: an outage');
    expect(chipName('Nadia Okafor', 1)).toBe('Reply as support to Nadia Okafor, severity 1: Questioning');
  });
});
