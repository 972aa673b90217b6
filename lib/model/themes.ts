/**
 * A small keyword taxonomy for complaint themes. Deliberately plain: support leads read
 * these counts in a report, so a theme must be explainable by the words listed here.
 * A text can carry several themes ("charged twice and the app crashes"). Matching is on
 * word starts, case-insensitive, so "refunded" counts as refund and "misbilled" does not.
 */
export const THEMES = [
  'billing',
  'refunds',
  'delivery',
  'account-access',
  'outage',
  'bugs',
  'performance',
  'customer-service',
  'pricing',
  'privacy-security',
  'cancellation',
] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_LABELS: Record<Theme, string> = {
  billing: 'Billing and charges',
  refunds: 'Refunds',
  delivery: 'Delivery and shipping',
  'account-access': 'Login and account access',
  outage: 'Outage and downtime',
  bugs: 'Bugs and crashes',
  performance: 'Performance',
  'customer-service': 'Customer service',
  pricing: 'Pricing',
  'privacy-security': 'Privacy and security',
  cancellation: 'Cancellation',
};

/** Word stems per theme; each stem matches at the start of a word. */
const KEYWORDS: Record<Theme, readonly string[]> = {
  billing: ['bill', 'charg', 'invoice', 'overcharg', 'double charg', 'payment', 'paid twice', 'credit card', 'debited'],
  refunds: ['refund', 'money back', 'reimburs', 'chargeback'],
  delivery: ['deliver', 'shipping', 'shipped', 'shipment', 'package', 'parcel', 'courier', 'tracking', 'never arrived', 'still waiting for my order', 'lost in transit'],
  'account-access': ['login', 'log in', 'logged out', 'sign in', 'signin', 'password', 'locked out', '2fa', 'two-factor', 'verification code', 'account suspended', 'account locked', 'hacked'],
  outage: ['outage', 'down again', 'is down', 'went down', 'downtime', 'offline', 'not loading', 'service unavailable', '503', '502'],
  bugs: ['bug', 'crash', 'broken', 'glitch', 'freez', 'error message', 'keeps closing', 'doesn\'t work', 'does not work', 'not working', 'stopped working'],
  performance: ['slow', 'lag', 'takes forever', 'sluggish', 'latency', 'battery drain', 'loading time'],
  'customer-service': ['customer service', 'customer support', 'support team', 'no response', 'no reply', 'on hold', 'ignored', 'rude', 'nobody answers', 'no one answers', 'ticket'],
  pricing: ['price', 'pricing', 'expensive', 'overpriced', 'too much money', 'rip off', 'ripoff', 'rip-off', 'subscription fee', 'price hike'],
  'privacy-security': ['privacy', 'data breach', 'breach', 'leak', 'my data', 'personal data', 'tracking me', 'security', 'phishing', 'scam', 'gdpr'],
  cancellation: ['cancel', 'unsubscrib', 'close my account', 'delete my account', 'switching to', 'leaving for', 'done with'],
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Compiled once: \b before the stem only, so stems match inflections ("charged", "crashes").
const MATCHERS: Array<[Theme, RegExp]> = THEMES.map((theme) => [
  theme,
  new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${KEYWORDS[theme].map(escapeRegExp).join('|')})`, 'iu'),
]);

/** The themes a complaint text touches, in taxonomy order; [] when none apply. */
export function themesOf(text: string): Theme[] {
  const normalised = text.replace(/[\u2018\u2019]/g, "'");
  return MATCHERS.filter(([, re]) => re.test(normalised)).map(([theme]) => theme);
}
