import { z } from 'zod';

/** How upset a post is: 0 is not a complaint, 4 the worst (the detector's five levels). */
export const SEVERITIES = [0, 1, 2, 3, 4] as const;
export const SeveritySchema = z.literal(SEVERITIES, { error: 'expected 0..4' });
export type Severity = z.infer<typeof SeveritySchema>;

/** The one wording of each level, on the page, in the helper, the popup and the dashboard. */
export const SEVERITY_LABELS = ['Not a complaint', 'Questioning', 'Disapproval', 'Accusation', 'Blame / anger'] as const satisfies
  Readonly<Record<Severity, string>>;
