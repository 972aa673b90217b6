/**
 * A training recipe as the evaluation sees it, so `npm run eval:detector` can measure main's
 * recipe (RECIPE=main) and the shipped one on the same folds in the same run.
 */
import type { Sparse } from './sparse';
import type { Binary } from './logreg';

/** One complaint training example; `w` is its weight in the loss. */
export interface Example { x: Sparse; y: number; w: number; /** 1 for a banking post (feature copies, pipeline.ts). */ domain?: number }

export interface SeverityExample { x: Sparse; level: number; text: string }

export interface Recipe {
  name: string;
  /** Sets the feature switches this recipe was trained with (before any featurise call). */
  setup(): void;
  fitComplaint(train: Example[]): Binary;
  fitSeverity(tweets: SeverityExample[], finance: SeverityExample[]): unknown;
  /** Level 1..4 for a complaint post, as the runtime decodes it. */
  /** source 'social': the text is known to be a short social post (DetectOptions.source), so the gate reads it as one. */
  predictSeverity(model: unknown, x: Sparse, text: string, source?: 'social'): number;
}
