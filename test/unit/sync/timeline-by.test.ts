import { describe, expect, it } from 'vitest';
import { describeEvent } from '../../../components/pages/timeline-events';

const base = { interactionId: 'https://x.com/nadia/status/1', contactId: 'x:nadia', at: Date.UTC(2026, 10, 2, 9) };

describe("a customer's timeline with colleagues' events (team sync)", () => {
  it("says who wrote a colleague's event, and never calls it confirmed by you", () => {
    expect(describeEvent({ ...base, type: 'reply-confirmed', text: 'Refunded', by: 'ben' })).toBe('ben: Reply sent');
    expect(describeEvent({ ...base, type: 'status', status: 'resolved', by: 'ana' })).toBe('ana: Status changed to resolved');
    expect(describeEvent({ ...base, type: 'reply-confirmed', text: 'Refunded' })).toBe('Reply sent (confirmed by you)');
  });
});
