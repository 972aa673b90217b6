/**
 * Round 12: the grievance prior's cost, A/B inside one process (the switch flipped on the decoded
 * model between rounds, both orders), in CPU time, on the shared tweets (the machine is shared, so
 * wall-clock posts/s are noisy; compare the two columns, not the absolute figures).
 * npx tsx research/detect/bench-prior.ts
 */
import { detect } from '../../lib/detect/index';
import { model } from '../../lib/detect/model';
import { loadCorpus } from '../../scripts/detect/featurise';

const posts = loadCorpus().tweets.map((r) => r.text);
const m = model();
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const run = (on: boolean) => {
  m.complaint.grievancePrior = on;
  const t = cpu();
  let flagged = 0;
  for (let k = 0; k < 5; k++) for (const p of posts) if (detect(p).complaint) flagged++;
  return { rate: (5 * posts.length) / ((cpu() - t) / 1000), flagged: flagged / 5 };
};
run(true); run(false);
const on: number[] = [], off: number[] = [];
for (let r = 0; r < 6; r++) {
  const order = r % 2 === 0 ? [true, false] : [false, true];
  for (const o of order) (o ? on : off).push(run(o).rate);
}
const best = (xs: number[]) => Math.max(...xs).toFixed(0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!.toFixed(0);
console.log(`${posts.length} tweets x5 per round, 6 rounds each, CPU time`);
console.log(`prior off: best ${best(off)} posts/s, median ${median(off)}`);
console.log(`prior on:  best ${best(on)} posts/s, median ${median(on)} (ratio of medians ${(Number(median(on)) / Number(median(off))).toFixed(2)})`);
