/**
 * Where an interaction stands in the agent's work. The list without its zod schema (status.ts),
 * for views such as the popup's filters that only name the statuses (issue 22: less code to load).
 */
export const STATUSES = ['open', 'waiting', 'resolved'] as const;
export type Status = (typeof STATUSES)[number];
