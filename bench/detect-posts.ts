/**
 * bench:detect's posts: synthetic (the labelled data may be absent), from a fixed-seed mix of
 * complaint and friendly phrases so about a third are flagged, as on real support feeds. Shared with
 * research/detect/bench-ab-cpu.ts so both measure the same posts.
 */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

const openers = ['@AcmeSupport', '@acme_help hi,', 'Hey @AcmeBank', '', 'So', '@BrandCo'];
const bodies = [
  'my order still has not arrived after 9 days, this is unacceptable',
  'thanks so much for the quick reply, love the new update!',
  'you charged me twice and nobody answers, I want a refund now',
  'how do I change the delivery address on order 12345?',
  'worst customer service ever, I am cancelling my account',
  'great job on the app redesign, works perfectly',
  'the website is down again and I cannot pay my bill',
  'can you tell me when the store opens on Sunday?',
  'I have been on hold for 2 hours, absolutely ridiculous',
  'just picked up my new phone, really happy with it',
  'my card was declined even though I have money in the account',
  'your staff were so helpful today, thank you',
];
const tails = ['', ' #fail', ' 😡', ' https://t.co/abc123', ' Please help.', ' 🙂', '!!'];

export function benchPosts(count: number): string[] {
  const random = rng(42);
  const pick = <T>(a: T[]) => a[Math.floor(random() * a.length)]!;
  return Array.from({ length: count }, (_, i) => `${pick(openers)} ${pick(bodies)}${pick(tails)} ${i % 97}`.trim());
}
