// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReplyHelper } from '../../../components/overlay/ReplyHelper';
import { forgetAllDrafts } from '../../../components/overlay/drafts';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { DEFAULT_TEMPLATES } from '../../../lib/snippets';
import type { Post, Verdict } from '../../../lib/types';
import { fixedClock, setClock } from '../../../lib/time/clock';
import '../time/in-zone';

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
// Each test is a fresh page: drafts kept in the overlay's memory do not carry over.
afterEach(forgetAllDrafts);

/** The agent types over every [field] the template left, as they would before sending. */
function fillFields(draft: HTMLTextAreaElement, words = 'the export button is missing') {
  fireEvent.change(draft, { target: { value: draft.value.replace(/\[[^\]]+\]/g, words) } });
}

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
    fillFields(draft);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Insert reply' }));
    });
    expect(insert).toHaveBeenCalledWith(draft.value);
    const events = send.mock.calls.map(([m]) => (m as { event?: string }).event);
    expect(events).toEqual(expect.arrayContaining(['helper-opened', 'reply-inserted']));
  });

  it('keeps Insert and Copy disabled, naming the fields, until each is filled or deleted', async () => {
    const { insert } = renderHelper();
    const draft = (await screen.findByLabelText('Reply text')) as HTMLTextAreaElement;
    const insertButton = screen.getByRole('button', { name: 'Insert reply' }) as HTMLButtonElement;
    expect(insertButton.disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Copy reply' }) as HTMLButtonElement).disabled).toBe(true);
    expect(insertButton.getAttribute('aria-describedby')).toBe('fl-unfilled');
    expect(document.getElementById('fl-unfilled')!.textContent).toMatch(/^Fill in or delete before sending: .+\.$/);
    expect(screen.getAllByText('To fill in', { exact: false }).length).toBeGreaterThan(0);
    fireEvent.click(insertButton);
    expect(insert).not.toHaveBeenCalled();
    // Deleting a field on purpose counts as dealing with it.
    fireEvent.change(draft, { target: { value: draft.value.replace(/\[[^\]]+\]/g, '') } });
    expect(insertButton.disabled).toBe(false);
    expect(document.getElementById('fl-unfilled')).toBeNull();
  });

  it('flags a fee waiver that came with a custom template until the agent rewrites it', async () => {
    const custom = { id: 'waive', title: 'Waive', body: 'Hi ${CUSTOMER_FIRST_NAME}, we can move you with no cancellation fee. I will confirm by Tuesday.', tags: [], severities: [4 as const] };
    render(<ReplyHelper target={{ post, verdict }} settings={settings} templates={[custom]} send={vi.fn(async () => ({ ok: true }))} insert={vi.fn(async () => ({ ok: true, message: '' }))} onClose={() => {}} />);
    const draft = (await screen.findByLabelText('Reply text')) as HTMLTextAreaElement;
    expect(screen.getByText(/Not confirmed by you/)).toBeTruthy();
    fireEvent.change(draft, { target: { value: draft.value.replace('with no cancellation fee', 'to the monthly plan (I checked: your contract allows it)') } });
    expect(screen.queryByText(/Not confirmed by you/)).toBeNull();
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
    fillFields((await screen.findByLabelText('Reply text')) as HTMLTextAreaElement);
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

describe('reply helper: when a follow-up reminds', () => {
  afterEach(() => setClock(null));

  const dueAtSent = (send: ReturnType<typeof vi.fn>) =>
    send.mock.calls.map(([m]) => m as { event?: string; dueAt?: number }).find((m) => m.event === 'follow-up-set')?.dueAt;

  it('before the working day starts, "today" reminds at the agent’s hour and says so', async () => {
    process.env.TZ = 'Pacific/Kiritimati';
    setClock(fixedClock(new Date(2026, 11, 7, 6, 0)));
    const { send } = renderHelper();
    await screen.findByLabelText('Reply text');
    fireEvent.change(screen.getByLabelText('Follow-up date'), { target: { value: '2026-12-07' } });
    expect(screen.getByTestId('follow-up-when').textContent).toBe('Reminds you today at 09:00, once you send.');
    fillFields(screen.getByLabelText('Reply text') as HTMLTextAreaElement);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Insert reply' }));
    });
    expect(dueAtSent(send)).toBe(new Date(2026, 11, 7, 9, 0).getTime());
  });

  it('after the hour has passed, "today" is due at once (the e2e badge bug before 09:00 read the other way)', async () => {
    process.env.TZ = 'America/Los_Angeles';
    const tenPm = new Date(2026, 11, 7, 22, 0);
    setClock(fixedClock(tenPm));
    const { send } = renderHelper();
    await screen.findByLabelText('Reply text');
    fireEvent.change(screen.getByLabelText('Follow-up date'), { target: { value: '2026-12-07' } });
    expect(screen.getByTestId('follow-up-when').textContent).toMatch(/due as soon as you send/);
    fireEvent.change(screen.getByLabelText('Follow-up time'), { target: { value: '23:15' } });
    expect(screen.getByTestId('follow-up-when').textContent).toBe('Reminds you today at 23:15, once you send.');
    fillFields(screen.getByLabelText('Reply text') as HTMLTextAreaElement);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Insert reply' }));
    });
    expect(dueAtSent(send)).toBe(new Date(2026, 11, 7, 23, 15).getTime());
  });

  it('proposes two business days in local time just after midnight east of UTC', async () => {
    process.env.TZ = 'Pacific/Kiritimati';
    // Friday 00:20 local is still Thursday in UTC: a UTC date would offer Thursday as the
    // earliest day and propose Monday instead of Tuesday.
    setClock(fixedClock(new Date(2026, 11, 4, 0, 20)));
    const followUpTemplate = DEFAULT_TEMPLATES.find((t) => t.setsFollowUp)!;
    render(<ReplyHelper target={{ post, verdict }} settings={settings} templates={[followUpTemplate]} send={vi.fn(async () => ({ ok: true }))} insert={vi.fn(async () => ({ ok: true, message: '' }))} onClose={() => {}} />);
    await screen.findByLabelText('Reply text');
    const date = screen.getByLabelText('Follow-up date') as HTMLInputElement;
    expect(date.min).toBe('2026-12-04');
    expect(date.value).toBe('2026-12-08');
  });
});

describe('reply helper: the agent’s draft is kept', () => {
  it('closing and reopening a post brings the edited draft back; sending it clears it', async () => {
    const mine = { ...post, id: 'x:draft-1' };
    const show = () =>
      render(<ReplyHelper target={{ post: mine, verdict }} settings={settings} templates={[...DEFAULT_TEMPLATES]} send={vi.fn(async () => ({ ok: true }))} insert={vi.fn(async () => ({ ok: true, message: 'Reply inserted.' }))} onClose={() => {}} />);
    const first = show();
    const draft = (await screen.findByLabelText('Reply text')) as HTMLTextAreaElement;
    const template = draft.value;
    fillFields(draft, 'the export that failed on Monday');
    const edited = draft.value;
    first.unmount();

    const again = show();
    await waitFor(() => expect((screen.getByLabelText('Reply text') as HTMLTextAreaElement).value).toBe(edited));
    expect(screen.getByText('Your draft for this post is back, as you left it.')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Insert reply' }));
    });
    again.unmount();

    show();
    await waitFor(() => expect((screen.getByLabelText('Reply text') as HTMLTextAreaElement).value).toBe(template));
  });

  it('"Discard draft" brings the suggested template back', async () => {
    const mine = { ...post, id: 'x:draft-2' };
    render(<ReplyHelper target={{ post: mine, verdict }} settings={settings} templates={[...DEFAULT_TEMPLATES]} send={vi.fn(async () => ({ ok: true }))} insert={vi.fn(async () => ({ ok: true, message: '' }))} onClose={() => {}} />);
    const draft = (await screen.findByLabelText('Reply text')) as HTMLTextAreaElement;
    const template = draft.value;
    expect(screen.queryByRole('button', { name: 'Discard draft' })).toBeNull();
    fireEvent.change(draft, { target: { value: 'Something else entirely.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Discard draft' }));
    expect(draft.value).toBe(template);
  });
});

describe('reply helper: inline writing help', () => {
  it('underlines the flagged words in the draft itself and rewrites them in one click', async () => {
    renderHelper();
    const draft = (await screen.findByLabelText('Reply text')) as HTMLTextAreaElement;
    fireEvent.change(draft, { target: { value: 'Hi Marcus, we apologize for any inconvenience. I will call you today at 3pm.' } });
    const marks = screen.getByTestId('draft-marks');
    expect([...marks.querySelectorAll('mark')].map((m) => [m.dataset.kind, m.textContent])).toEqual([['canned', 'we apologize for any inconvenience']]);
    // The layer reads as the draft, character for character, so the underline sits under the words.
    expect(marks.textContent!.replace('\u200b', '')).toBe(draft.value);
    fireEvent.click(screen.getByRole('button', { name: 'Change to “I\'m sorry for the trouble”' }));
    expect(draft.value).toBe("Hi Marcus, I'm sorry for the trouble. I will call you today at 3pm.");
    expect(marks.querySelectorAll('mark')).toHaveLength(0);
    expect(screen.queryByText(/Sounds canned/)).toBeNull();
  });

  it('"Add a next step" adds a required field, so Insert waits for a day the agent names', async () => {
    renderHelper();
    const draft = (await screen.findByLabelText('Reply text')) as HTMLTextAreaElement;
    fireEvent.change(draft, { target: { value: 'Hi Marcus, thanks for the details.\n— Jane, Acme Support' } });
    const insertButton = screen.getByRole('button', { name: 'Insert reply' }) as HTMLButtonElement;
    expect(insertButton.disabled).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Add a next step' }));
    expect(draft.value).toBe("Hi Marcus, thanks for the details. I'll get back to you here by [a day you can keep].\n— Jane, Acme Support");
    expect(insertButton.disabled).toBe(true);
    expect(screen.getByRole('button', { name: 'Go to field “[a day you can keep]” in the draft' })).toBeTruthy();
  });
});

describe('reply helper: a template from the palette', () => {
  it('applies to this post, and the agent’s replaced draft is one click away', async () => {
    const mine = { ...post, id: 'x:palette-1' };
    const props = { target: { post: mine, verdict }, settings, templates: [...DEFAULT_TEMPLATES], send: vi.fn(async () => ({ ok: true })), insert: vi.fn(async () => ({ ok: true, message: '' })), onClose: () => {} };
    const view = render(<ReplyHelper {...props} />);
    const draft = (await screen.findByLabelText('Reply text')) as HTMLTextAreaElement;
    fireEvent.change(draft, { target: { value: 'Hi Marcus, my own words about the outage. I will call you today.' } });
    view.rerender(<ReplyHelper {...props} requestedTemplateId="dont-know-yet" requestNonce={1} />);
    await waitFor(() => expect(draft.value).toMatch(/honest answer: I don't know yet/));
    expect(helperStatus().textContent).toMatch(/replaced your draft/);
    fireEvent.click(screen.getByRole('button', { name: 'Restore draft' }));
    expect(draft.value).toBe('Hi Marcus, my own words about the outage. I will call you today.');
    // Asking again for the same template applies it again (the nonce, not the id, is the request).
    view.rerender(<ReplyHelper {...props} requestedTemplateId="dont-know-yet" requestNonce={2} />);
    await waitFor(() => expect(draft.value).toMatch(/honest answer/));
  });
});

describe('reply helper: copy is not reply', () => {
  it('logs "copied" on Copy, and "replied" only when the agent says it was posted', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: vi.fn(async () => {}) }, configurable: true });
    const { send } = renderHelper();
    fillFields((await screen.findByLabelText('Reply text')) as HTMLTextAreaElement);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy reply' }));
    });
    const events = () => send.mock.calls.map(([m]) => (m as { event?: string }).event);
    expect(events()).toContain('reply-copied');
    expect(events()).not.toContain('reply-inserted');
    expect(events()).not.toContain('reply-confirmed');
    expect(helperStatus().textContent).toMatch(/not yet logged as a reply/);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'I posted it' }));
    });
    expect(events()).toContain('reply-confirmed');
    expect(helperStatus().textContent).toBe('Logged as replied.');
    expect(screen.queryByRole('button', { name: 'I posted it' })).toBeNull();
  });
});

describe('reply helper: the follow-up date is one control', () => {
  afterEach(() => setClock(null));

  it('moving the reminder moves the day the reply promises, and the reminder sent matches it', async () => {
    process.env.TZ = 'Europe/Berlin';
    setClock(fixedClock(new Date(2026, 11, 3, 10, 0))); // a Thursday
    const followUpTemplate = DEFAULT_TEMPLATES.find((t) => t.id === 'dont-know-yet')!;
    const send = vi.fn(async (_msg: unknown): Promise<unknown> => ({ ok: true }));
    render(<ReplyHelper target={{ post, verdict }} settings={settings} templates={[followUpTemplate]} send={send} insert={vi.fn(async () => ({ ok: true, message: 'Reply inserted.' }))} onClose={() => {}} />);
    const draft = (await screen.findByLabelText('Reply text')) as HTMLTextAreaElement;
    expect(draft.value).toContain('by Monday 7 December');
    fireEvent.change(screen.getByLabelText('Follow-up date'), { target: { value: '2026-12-09' } });
    expect(draft.value).toContain('by Wednesday 9 December');
    expect(draft.value).not.toContain('Monday 7 December');
    // Moving the date is not an edit of the agent's: no "Discard draft" appears for it.
    expect(screen.queryByRole('button', { name: 'Discard draft' })).toBeNull();
    fillFields(draft);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Insert reply' }));
    });
    const dueAt = send.mock.calls.map(([m]) => m as { event?: string; dueAt?: number }).find((m) => m.event === 'follow-up-set')?.dueAt;
    expect(new Date(dueAt!).getDate()).toBe(9);
  });
});

describe('reply helper: money in templates', () => {
  it('says so when a template lost an amount to snippet syntax, instead of silently dropping it', async () => {
    const custom = { id: 'refund', title: 'Refund', body: 'Hi ${CUSTOMER_FIRST_NAME}, we refunded $20 to your card. I will check on it by Tuesday.', tags: [], severities: [4 as const] };
    render(<ReplyHelper target={{ post, verdict }} settings={settings} templates={[custom]} send={vi.fn(async () => ({ ok: true }))} insert={vi.fn(async () => ({ ok: true, message: '' }))} onClose={() => {}} />);
    const draft = (await screen.findByLabelText('Reply text')) as HTMLTextAreaElement;
    expect(draft.value).toContain('we refunded  to your card');
    expect(screen.getByRole('alert').textContent).toMatch(/drops an amount: “\$20” \(write \\\$20\)/);
  });
});

describe('reply helper: shortcuts', () => {
  it('typing "/boundary " in the draft expands that template in place, fields required', async () => {
    renderHelper();
    const draft = (await screen.findByLabelText('Reply text')) as HTMLTextAreaElement;
    fireEvent.change(draft, { target: { value: 'Hi Marcus, I read all of it.\n/boundary ' } });
    expect(draft.value).toMatch(/^Hi Marcus, I read all of it\.\nMarcus, I want to help with \[the problem they raised\]/);
    expect(helperStatus().textContent).toBe('/boundary became “Calm, firm boundary (personal attack)”: Tab moves through its fields.');
    expect((screen.getByRole('button', { name: 'Insert reply' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('reply helper: signature per platform', () => {
  it('a public X reply is signed with the fields chosen for short posts, without the personal phone or email', async () => {
    renderHelper();
    const draft = (await screen.findByLabelText('Reply text')) as HTMLTextAreaElement;
    expect(draft.value).toMatch(/— Jane Doe, Acme$/);
    expect(draft.value).not.toContain('+1 555 0100');
    expect(draft.value).not.toContain('jane@acme.example');
  });
});

describe('reply helper: internal note and ticket number', () => {
  it('recognises the ticket the customer quoted, adds it to a note in one click, and logs the note, not a reply', async () => {
    const withTicket = { ...post, id: 'x:ticket-1', text: '@AcmeSupport Ticket #48213 has had no reply since this morning.' };
    const send = vi.fn(async (_msg: unknown): Promise<unknown> => ({ ok: true }));
    render(<ReplyHelper target={{ post: withTicket, verdict }} settings={settings} templates={[...DEFAULT_TEMPLATES]} send={send} insert={vi.fn(async () => ({ ok: true, message: '' }))} onClose={() => {}} />);
    await screen.findByLabelText('Reply text');
    expect(screen.getByText(/Internal note · Ticket #48213 in the post/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add Ticket #48213 to the note' }));
    const note = screen.getByLabelText('Internal note') as HTMLTextAreaElement;
    fireEvent.change(note, { target: { value: `${note.value}promised a call back by 4pm` } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    });
    const logged = send.mock.calls.map(([m]) => m as { event?: string; text?: string }).find((m) => m.event === 'note');
    expect(logged?.text).toBe('Ticket #48213: promised a call back by 4pm');
    expect(screen.getByText('Note saved to this customer’s history.')).toBeTruthy();
    // The note never reaches the reply.
    expect((screen.getByLabelText('Reply text') as HTMLTextAreaElement).value).not.toContain('promised a call back');
  });
});

describe('reply helper: care for the agent', () => {
  it('blurs the insults of an abusive post until the agent chooses to read them, and puts the boundary reply first', async () => {
    const abusive = { ...post, id: 'x:abuse-1', text: '@AcmeSupport you incompetent clowns, billing charged me twice. Fix it.' };
    const abuseVerdict = { ...verdict, severity: 4 as const, cues: ['clowns', 'charged'], signals: { ...verdict.signals, abuse: true, churn: false } };
    render(<ReplyHelper target={{ post: abusive, verdict: abuseVerdict }} settings={settings} templates={[...DEFAULT_TEMPLATES]} send={vi.fn(async () => ({ ok: true }))} insert={vi.fn(async () => ({ ok: true, message: '' }))} onClose={() => {}} />);
    const draft = (await screen.findByLabelText('Reply text')) as HTMLTextAreaElement;
    expect(draft.value).toMatch(/I won't carry on a conversation that includes personal insults/);
    // In the quote and among the words that flagged the post alike; "charged" is no insult.
    expect(screen.getAllByTestId('blurred-insult').map((e) => e.textContent)).toEqual(['incompetent', 'clowns', '“clowns”']);
    expect(screen.getAllByText('(insult hidden)')).toHaveLength(3);
    expect(screen.getByText('“charged”')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show the 2 insults' }));
    expect(screen.queryAllByTestId('blurred-insult')).toHaveLength(0);
    expect(screen.getByText(/you incompetent clowns, billing charged me twice/)).toBeTruthy();
  });
});
