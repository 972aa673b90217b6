// The levels and their wording without zod (the schema is in severity.ts, which re-exports these):
// the popup's rows name a level without loading zod with the first screen (issue 22).

/** How upset a post is: 0 is not a complaint, 4 the worst (the detector's five levels). */
export const SEVERITIES = [0, 1, 2, 3, 4] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The one wording of each level, on the page, in the helper, the popup and the dashboard. */
export const SEVERITY_LABELS = ['Not a complaint', 'Questioning', 'Disapproval', 'Accusation', 'Blame / anger'] as const satisfies
  Readonly<Record<Severity, string>>;
