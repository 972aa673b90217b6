import { z } from 'zod';

/** Where an interaction stands in the agent's work. */
export const STATUSES = ['open', 'waiting', 'resolved'] as const;
export const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;
