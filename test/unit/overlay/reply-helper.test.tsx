// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReplyHelper } from '../../../components/overlay/ReplyHelper';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { DEFAULT_TEMPLATES } from '../../../lib/snippets';
import type { Post, Verdict } from '../../../lib/types';

const post: Post = {
  id: 'x:1',
  platform: 'x',
  author: 'Marcus Reed',
  handle: '@marcus_reed_dev',
  text: '@AcmeSupport third outage this month, we are moving off Acme.',
  permalink: 'https://x.com/marcus_reed_dev/status/1',
  time: null,
};
const verdict: Verdict = {
  complaint: true,
  score: 0.97,
  severity: 4,
  cues: ['outage'],
  signals: { brand: true, churn: true, abuse: false, question: false, urgency: true },
};
const settings = {
  ...DEFAULT_SETTINGS,
  profile: { fullName: 'Jane Doe', title: 'Support Lead', company: 'Acme', phone: '+1 555 0100', email: 'jane@acme.example', handle: '@AcmeSupport' },
};

afterEach(cleanup);

/** The helper's own status line (tone warnings are status regions too). */
const helperStatus = () => screen.getAllByRole('status').find((el) => el.classList.contains('fl-status'))!;

function renderHelper(send = vi.fn(async (_msg: unknown): Promise<unknown> => ({ ok: true })), insert = vi.fn(async (_text: string) => ({ ok: true, message: 'Reply inserted.' }))) {
  render(<ReplyHelper target={{ post, verdict }} settings={settings} templates={[...DEFAULT_TEMPLATES]} send={send} insert={insert} onClose={() => {}} />);
  return { send, insert };
}

describe('reply helper', () => {
  it('prefills the best template for the situation, signed by the agent', async () => {
    renderHelper();
    const draft = (await screen.findByLabelText('Reply text')) as HTMLTextAreaElement;
    expect(draft.value).toContain('Marcus');
    expect(draft.value).toMatch(/Jane/);
  });

  it('logs that it was opened, and logs the inserted text with its template', async () => {
    const { send, insert } = renderHelper();
    const draft = (await screen.findByLabelText('Reply text')) as HTMLTextAreaElement;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Insert reply' }));
    });
    expect(insert).toHaveBeenCalledWith(draft.value);
    const events = send.mock.calls.map(([m]) => (m as { event?: string }).event);
    expect(events).toEqual(expect.arrayContaining(['helper-opened', 'reply-inserted']));
  });

  it('warns live about an over-promise and stops warning once it is removed', async () => {
    renderHelper();
    const draft = (await screen.findByLabelText('Reply text')) as HTMLTextAreaElement;
    fireEvent.change(draft, { target: { value: 'Hi Marcus, I guarantee this will never happen again. I will call you today at 3pm.' } });
    expect(screen.getAllByText(/Promise you may not keep/).length).toBeGreaterThan(0);
    fireEvent.change(draft, { target: { value: 'Hi Marcus, I will call you today at 3pm with what we found.' } });
    expect(screen.queryByText(/Promise you may not keep/)).toBeNull();
  });

  it('says so when the reply was inserted but the log refused it, instead of only "inserted"', async () => {
    const send = vi.fn(async (msg: unknown) =>
      (msg as { event?: string }).event === 'reply-inserted' ? { ok: false, error: 'the database is full' } : { ok: true },
    );
    renderHelper(send);
    await screen.findByLabelText('Reply text');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Insert reply' }));
    });
    const status = helperStatus();
    expect(status.textContent).toMatch(/Reply inserted\..*not saved to your log: the database is full/);
    expect(status.className).toMatch(/is-error/);
  });

  it('does not claim "Marked resolved" when the background never answered', async () => {
    const send = vi.fn(async (msg: unknown) => ((msg as { event?: string }).event === 'status' ? undefined : { ok: true }));
    renderHelper(send);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Mark resolved' }));
    });
    expect(helperStatus().textContent).toMatch(/^Not marked resolved: Frontline did not answer/);
  });
});
