import { z } from 'zod';

/** Facts about a post besides its severity, each a yes or no. */
export const SignalsSchema = z.object({
  /** Names one of the agent's brand terms. */
  brand: z.boolean(),
  /** Threatens to leave. */
  churn: z.boolean(),
  /** Insults or threatens someone. */
  abuse: z.boolean(),
  question: z.boolean(),
  urgency: z.boolean(),
});
export type Signals = z.infer<typeof SignalsSchema>;
export type Signal = keyof Signals;

/** How a signal is named to the agent (the helper's tags), in display order. */
export const SIGNAL_LABELS: Readonly<Record<Signal, string>> = {
  brand: 'mentions us',
  churn: 'may leave',
  abuse: 'abusive',
  question: 'asks a question',
  urgency: 'urgent',
};
