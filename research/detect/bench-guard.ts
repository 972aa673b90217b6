/**
 * The resolved-praise guard's cost: detect() on bench:detect's posts with the guard on and off,
 * alternating rounds in one process (a loaded machine slows both alike). npx tsx research/detect/bench-guard.ts
 */
import { detect } from '../../lib/detect/index';
import { guardFlags } from '../../lib/detect/resolved';

const bodies = [
  'my order still has not arrived after 9 days, this is unacceptable', 'thanks so much for the quick reply, love the new update!',
  'you charged me twice and nobody answers, I want a refund now', 'how do I change the delivery address on order 12345?',
  'worst customer service ever, I am cancelling my account', 'great job on the app redesign, works perfectly',
  'the website is down again and I cannot pay my bill', 'can you tell me when the store opens on Sunday?',
  'I have been on hold for 2 hours, absolutely ridiculous', 'just picked up my new phone, really happy with it',
  'my card was declined even though I have money in the account', 'your staff were so helpful today, thank you',
  'support fixed my billing issue in 5 minutes, amazing team', 'thanks for sorting out the refund so quickly',
];
const posts = Array.from({ length: 20_000 }, (_, i) => `@Acme ${bodies[i % bodies.length]} ${i % 97}`);
const rate = (on: boolean) => {
  guardFlags.resolvedPraise = on;
  const t0 = BigInt(Math.round(process.cpuUsage().user * 1000));
  for (const p of posts) detect(p);
  return posts.length / (Number(BigInt(Math.round(process.cpuUsage().user * 1000)) - t0) / 1e9);
};
rate(true); rate(false);
const best = { on: 0, off: 0 };
for (let r = 0; r < 7; r++) { best.off = Math.max(best.off, rate(false)); best.on = Math.max(best.on, rate(true)); }
console.log(`guard off ${Math.round(best.off).toLocaleString('en-US')} posts/s, on ${Math.round(best.on).toLocaleString('en-US')} posts/s, ratio on/off ${(best.on / best.off).toFixed(3)}`);
