/**
 * Deterministic people and post texts for the synthetic pages, so the with- and
 * without-extension runs (and runs on different days) read exactly the same words.
 */
// The detector's seeded generator (mulberry32): tiny, fast, good enough to vary names and texts.
export { rng as seededRandom } from '../../scripts/detect/folds';

const FIRST = ['Nadia', 'Tom', 'Priya', 'Lukas', 'Mei', 'Omar', 'Sofia', 'Jake', 'Aiko', 'Diego', 'Hannah', 'Kwame', 'Elena', 'Ravi', 'Chloe', 'Ivan'];
const LAST = ['Park', 'Okafor', 'Schmidt', 'Nguyen', 'Rossi', 'Haddad', 'Kowalski', 'Silva', 'Tanaka', 'Murphy', 'Berg', 'Costa', 'Ahmed', 'Lind'];

const NEUTRAL = [
  'Just shipped a new side project, pretty happy with how the landing page turned out.',
  'Morning run done. 10k in the rain and somehow it felt great.',
  'Hot take: tabs vs spaces matters less than naming things well.',
  'Reading a great book on the history of typography this week, highly recommend it.',
  'The sunset over the harbour tonight was unreal. Photos do not do it justice.',
  'Anyone going to the conference in Lisbon next month? Would love to meet up.',
  'Finally fixed that flaky test. It was a timezone issue, of course it was.',
  'Coffee number three. The deadline is tomorrow and the slides are half done.',
  'Our team is hiring frontend engineers, remote friendly, DM me for details.',
  'New episode of the podcast is out: we talk about burnout and side projects.',
  'Tried the new ramen place downtown. The broth alone is worth the trip.',
  'Thread: ten things I learned from maintaining an open source library for five years.',
];

const COMPLAINTS = [
  '@AcmeSupport I was charged twice for my subscription this month and nobody answers my emails. Fix this now.',
  '@AcmeSupport your app keeps crashing every time I open it since the last update. This is ridiculous.',
  '@AcmeSupport my order never arrived, tracking has said "in transit" for three weeks. Where is my package?',
  '@AcmeSupport why can I still not log in? Password reset emails never come. Completely unacceptable.',
  '@AcmeSupport still waiting for my refund after 30 days. Terrible service, I want my money back.',
  '@AcmeSupport the site has been down all morning and I cannot access my account. Is anyone even working there?',
  '@AcmeSupport this is the third time I am asking: cancel my account and stop billing my card. Worst company ever.',
];

export interface Author {
  name: string;
  handle: string;
}

export function authorFor(random: () => number): Author {
  const first = FIRST[Math.floor(random() * FIRST.length)]!;
  const last = LAST[Math.floor(random() * LAST.length)]!;
  const handle = `${first}${last}${Math.floor(random() * 1000)}`.toLowerCase();
  return { name: `${first} ${last}`, handle };
}

/** About one post in eight is a complaint to @AcmeSupport (the brief's mix). */
export function isComplaint(index: number): boolean {
  return index % 8 === 3;
}

export function textFor(index: number, random: () => number): string {
  const pool = isComplaint(index) ? COMPLAINTS : NEUTRAL;
  return pool[Math.floor(random() * pool.length)]!;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
