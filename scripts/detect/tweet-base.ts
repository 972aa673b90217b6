/**
 * The simulated agent's starting model for `npm run eval:corrections`: the shipped recipe
 * (scripts/detect/pipeline.ts) fitted on tweets only, complaint and severity alike, so the
 * finance posts the agent corrects and the ones it is scored on are all new to it.
 * (The shipped weights saw every finance post: they cannot be measured on them.)
 */
import type { Verdict } from '../../lib/detect';
import { grievancePrior } from '../../lib/detect/grievance-prior';
import { normalise } from '../../lib/detect/normalise';
import type { BaseVerdict } from '../../lib/detect/adapt';
import { featurise } from './featurise';
import { stratifiedFolds } from './folds';
import {
  complaintLogit, COMPLAINT_BITS, fitComplaint, fitDecision, fitSeverity, LEVELS, predictSeverity, SEED, SEVERITY_BITS,
} from './pipeline';
import type { Row } from './data';
import { toSparse } from './sparse';

export interface BaseModel {
  threshold: number;
  /** A verdict as detect() would give it (no cues, no signals: the layer reads neither). */
  verdict(text: string): Verdict;
  base(text: string): BaseVerdict;
}

/** Round 12: the grievance-phrase prior joins the logit as in detect() (GRIEVANCE_PRIOR=0: without). */
const priorOf = (text: string) => (process.env.GRIEVANCE_PRIOR !== '0' ? grievancePrior(normalise(text)) : 0);

export function trainTweetBase(tweets: Row[]): BaseModel {
  const xs = featurise(tweets, COMPLAINT_BITS);
  const ys = tweets.map((r) => r.complaint);
  const examples = tweets.map((r, i) => ({ x: xs[i]!, y: r.complaint, w: 1 }));
  // Calibration and threshold from inner out-of-fold logits, as scripts/train.ts does.
  const K = 5;
  const folds = stratifiedFolds(ys, K, SEED + 7);
  const oof = new Array<number>(tweets.length).fill(0);
  for (let f = 0; f < K; f++) {
    const m = fitComplaint(examples.filter((_, i) => folds[i] !== f));
    tweets.forEach((r, i) => { if (folds[i] === f) oof[i] = complaintLogit(m, xs[i]!) + priorOf(r.text); });
  }
  const decision = fitDecision(oof, ys);
  const complaint = fitComplaint(examples);
  const rated = tweets.filter((r) => r.complaint === 1 && LEVELS.includes(r.severity ?? 0));
  const severity = fitSeverity(featurise(rated, SEVERITY_BITS), rated.map((r) => r.severity!));

  // Memoised: the simulation asks about the same posts many times.
  const seen = new Map<string, BaseVerdict>();
  const base = (text: string): BaseVerdict => {
    const known = seen.get(text);
    if (known) return known;
    const score = 1 / (1 + Math.exp(-(decision.a * (complaintLogit(complaint, toSparse(text, COMPLAINT_BITS)) + priorOf(text)) + decision.b)));
    const v = { score, complaint: score >= decision.threshold, severity: predictSeverity(severity, toSparse(text, SEVERITY_BITS)) };
    seen.set(text, v);
    return v;
  };
  return {
    threshold: decision.threshold,
    base,
    verdict(text) {
      const b = base(text);
      // Severity is kept for non-complaints too: the evaluation scores levels on every true complaint.
      return { complaint: b.complaint, score: b.score, severity: b.severity as Verdict['severity'], cues: [], signals: {} as Verdict['signals'] };
    },
  };
}
