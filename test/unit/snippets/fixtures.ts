import type { AgentProfile, CustomerContext } from '../../../lib/snippets';

/** A complete agent profile, as the Options page would store it. */
export const JANE: AgentProfile = {
  fullName: 'Jane Doe',
  title: 'Customer Support Lead',
  company: 'Acme',
  phone: '+1 555 0100',
  email: 'jane@acme.com',
  handle: '@janeatacme',
};

export const SAM_ON_X: CustomerContext = {
  name: 'Sam Lee',
  handle: '@samlee',
  platform: 'x',
  postUrl: 'https://x.com/samlee/status/1',
};

/** Friday 27 November 2026, 09:05:07 local time. */
export const FRIDAY = new Date(2026, 10, 27, 9, 5, 7);
