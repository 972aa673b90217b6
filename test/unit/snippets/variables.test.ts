import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addBusinessDays, buildVariables, expandSnippet, isWeekend, moveFollowUpDate } from '../../../lib/snippets';
import { FRIDAY, JANE, SAM_ON_X } from './fixtures';

describe('buildVariables', () => {
  const { vars, missingProfileFields } = buildVariables(JANE, SAM_ON_X, { now: FRIDAY });

  it('names the agent and the customer', () => {
    expect(vars).toMatchObject({
      AGENT_NAME: 'Jane Doe',
      AGENT_FIRST_NAME: 'Jane',
      AGENT_TITLE: 'Customer Support Lead',
      COMPANY: 'Acme',
      PHONE: '+1 555 0100',
      EMAIL: 'jane@acme.com',
      AGENT_HANDLE: '@janeatacme',
      CUSTOMER_NAME: 'Sam Lee',
      CUSTOMER_FIRST_NAME: 'Sam',
      CUSTOMER_HANDLE: '@samlee',
      PLATFORM: 'X',
      POST_URL: 'https://x.com/samlee/status/1',
    });
    expect(missingProfileFields).toEqual([]);
  });

  it('gives VS Code date and time variables in local time', () => {
    expect(vars).toMatchObject({
      CURRENT_YEAR: '2026',
      CURRENT_YEAR_SHORT: '26',
      CURRENT_MONTH: '11',
      CURRENT_MONTH_NAME: 'November',
      CURRENT_MONTH_NAME_SHORT: 'Nov',
      CURRENT_DATE: '27',
      CURRENT_DAY_NAME: 'Friday',
      CURRENT_DAY_NAME_SHORT: 'Fri',
      CURRENT_HOUR: '09',
      CURRENT_MINUTE: '05',
      CURRENT_SECOND: '07',
      CURRENT_SECONDS_UNIX: String(Math.floor(FRIDAY.getTime() / 1000)),
    });
  });

  it('sets the follow-up two business days ahead, skipping the weekend', () => {
    expect(vars.FOLLOW_UP_DATE).toBe('Tuesday 1 December');
    const monday = buildVariables(JANE, SAM_ON_X, { now: new Date(2026, 10, 23, 17, 0) });
    expect(monday.vars.FOLLOW_UP_DATE).toBe('Wednesday 25 November');
    const saturday = buildVariables(JANE, SAM_ON_X, { now: new Date(2026, 10, 28) });
    expect(saturday.vars.FOLLOW_UP_DATE).toBe('Tuesday 1 December');
  });

  it('lets the agent choose the follow-up date or distance', () => {
    expect(buildVariables(JANE, SAM_ON_X, { now: FRIDAY, followUpDate: new Date(2026, 11, 4) }).vars.FOLLOW_UP_DATE).toBe(
      'Friday 4 December',
    );
    expect(buildVariables(JANE, SAM_ON_X, { now: FRIDAY, followUpBusinessDays: 1 }).vars.FOLLOW_UP_DATE).toBe('Monday 30 November');
  });

  it('signs with the full block', () => {
    expect(vars.SIGNATURE).toBe('—\nJane Doe\nCustomer Support Lead, Acme\n+1 555 0100 · jane@acme.com');
  });

  it('lists empty profile fields and leaves them empty', () => {
    const r = buildVariables({ ...JANE, phone: '  ', handle: '' }, SAM_ON_X, { now: FRIDAY });
    expect(r.missingProfileFields).toEqual(['phone', 'handle']);
    expect(r.vars.PHONE).toBe('');
    expect(r.vars.SIGNATURE).toBe('—\nJane Doe\nCustomer Support Lead, Acme\njane@acme.com');
  });

  it('falls back to a template default when the page gave no usable name', () => {
    const anon = buildVariables(JANE, { ...SAM_ON_X, name: '12345' }, { now: FRIDAY }).vars;
    expect(expandSnippet('Hi ${CUSTOMER_FIRST_NAME:there},', anon).text).toBe('Hi there,');
  });

  it('never lands a follow-up on a weekend, and never earlier than asked', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(2000, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }), fc.integer({ min: 1, max: 15 }), (d, n) => {
        const due = addBusinessDays(d, n);
        expect(isWeekend(due)).toBe(false);
        const calendarDays = Math.round((due.getTime() - new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()) / 86_400_000);
        expect(calendarDays).toBeGreaterThanOrEqual(n);
        expect(calendarDays).toBeLessThanOrEqual(n + Math.ceil(n / 5) * 2 + 2);
      }),
    );
  });
});

describe('moveFollowUpDate: one date, in the reminder and in the text', () => {
  it('moves every mention of the old day to the new one', () => {
    const text = "I'll update you by Tuesday 8 December. Until Tuesday 8 December, write to me here.";
    expect(moveFollowUpDate(text, new Date(2026, 11, 8), new Date(2026, 11, 10))).toEqual({
      text: "I'll update you by Thursday 10 December. Until Thursday 10 December, write to me here.",
      moved: true,
    });
  });

  it('leaves a text the agent rewrote alone, and says so', () => {
    const text = "I'll update you on Monday.";
    expect(moveFollowUpDate(text, new Date(2026, 11, 8), new Date(2026, 11, 10))).toEqual({ text, moved: false });
  });
});
