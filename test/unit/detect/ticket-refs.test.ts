import { describe, expect, it } from 'vitest';
import { findTicketRefs } from '../../../lib/detect/ticket-refs';

const labels = (text: string) => findTicketRefs(text).map((t) => t.label);

describe('ticket numbers quoted in a post', () => {
  it.each([
    ['@AcmeSupport Ticket #48213 has had no reply since this morning', ['Ticket #48213']],
    ['opened case no. 00123456 last week, nothing', ['Case #00123456']],
    ['my order: ACM-20931 never shipped', ['Order #ACM-20931']],
    ['ref 7781234 — still waiting', ['Ref #7781234']],
    ['ticket #48213 and again ticket 48213, plus incident #902', ['Ticket #48213', 'Incident #902']],
  ])('finds them in %j', (text, expected) => {
    expect(labels(text)).toEqual(expected);
  });

  it.each([
    'I have been a customer since 2019 and order 2024 was fine',
    'the ticket system is down',
    'my order arrived broken',
    'call me on 555 0100',
  ])('finds none in %j', (text) => {
    expect(labels(text)).toEqual([]);
  });
});
