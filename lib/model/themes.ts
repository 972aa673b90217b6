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
  billing: ['bill', 'charg', 'invoice', 'overcharg', 'double charg', 'payment', 'paid twice', 'credit card', 'debited', 'late fee', 'autopay',
    'auto-pay', 'direct debit', 'receipt', 'taking money', 'took money', 'deducted'],
  refunds: ['refund', 'money back', 'reimburs', 'chargeback', 'store credit'],
  delivery: ['deliver', 'shipping', 'shipped', 'shipment', 'package', 'parcel', 'courier', 'tracking number', 'tracking says', 'tracking shows',
    'tracking info', 'tracking link', 'tracking page', 'no tracking', 'never arrived', 'still waiting for my order', 'lost in transit',
    'in transit', 'wrong item', 'where is my order', 'driver'],
  'account-access': ['login', 'log in', 'logged out', 'logs me out', 'logged me out', 'logging me out', 'sign in', 'signin', 'password',
    'locked out', '2fa', 'two-factor', 'verification code', 'account suspended', 'account locked', 'hacked', 'credentials',
    'access to my account', 'into my account', 'reset link', 'reset email'],
  outage: ['outage', 'down again', 'is down', 'went down', 'downtime', 'offline', 'not loading', 'service unavailable', '503', '502', '500',
    '504', 'bad gateway', 'unavailable', 'unreachable', 'blackout', 'timing out', 'times out', 'timed out', 'incident', 'nothing loads',
    'nothing responds', 'nothing works', 'back up', 'for everyone', 'for anyone', 'anyone else'],
  bugs: ['bug', 'crash', 'broken', 'glitch', 'freez', 'error message', 'keeps crashing', 'keeps freezing', 'keeps quitting', "doesn't work",
    'does not work', 'not working', 'stopped working', 'does nothing', 'duplicat', 'greys out', 'grayed out', 'greyed out', 'invisible',
    'disappear', 'vanish', 'not saving', "won't save", 'resets itself', 'breaks the', 'show up twice', 'shows up twice', 'appears twice'],
  performance: ['slow', 'lag', 'takes forever', 'sluggish', 'latency', 'battery drain', 'drains my battery', 'loading time', 'used to take',
    'takes ages', 'took ages', 'seconds to', 'minutes to load', 'ram', 'memory', 'cpu', 'stutter', 'crawl'],
  'customer-service': ['customer service', 'customer support', 'support team', 'no response', 'no reply', 'on hold', 'ignored', 'rude',
    'nobody answers', 'no one answers', 'ticket', 'agent', 'chatbot', 'a human', 'callback', 'call back', 'hung up', 'zero response',
    'nobody replies', 'nobody replied', 'nobody responds', 'no one replied', 'no one responds', 'copy-paste', 'copy paste', 'same answer',
    'canned', 'anyone work'],
  pricing: ['price', 'pricing', 'expensive', 'overpriced', 'too much money', 'rip off', 'ripoff', 'rip-off', 'subscription fee', 'price hike',
    'hidden fee', 'charging extra', 'charge extra', 'extra for', 'per user', 'per seat', 'costs a fortune', 'cost a fortune', 'afford',
    'costs twice', 'cost twice', 'more than advertised'],
  'privacy-security': ['privacy', 'data breach', 'breach', 'leak', 'my data', 'personal data', 'tracking me', 'tracking my', 'security',
    'phishing', 'scam', 'gdpr', 'compromised', 'fraudulent', 'unauthori', 'advertisers', 'third part', 'sells my', 'sold my',
    'shares my', 'sharing my', 'my location', 'my contacts', 'microphone', 'exposed', 'take over', 'takeover', 'identity theft'],
  cancellation: ['cancel', 'unsubscrib', 'close my account', 'delete my account', 'switching to', 'leaving for', 'done with', 'competitor',
    'another provider', 'another tool', 'another service', 'another bank', 'not renew', "won't renew", 'last straw', 'moving everything',
    'moving off'],
};

/**
 * Phrase families a word list cannot say: a service said to be down in any words ("the site is
 * down", "servers have been dead", "down for two hours"), a team moving to another product.
 */
const PHRASES: Partial<Record<Theme, readonly string[]>> = {
  outage: [
    String.raw`(?:site|app|service|server|platform|api|website|system|dashboard|network)s? (?:\w+ ){0,3}(?:down|dead|offline|unreachable)\b`,
    String.raw`^\W*down (?:for|since|all|again|everywhere)\b`,
    String.raw`(?:entire|whole) (?:system|platform|service|site|website|app|network) (?:\w+ ){0,3}(?:crash|down|dead|unavailable|offline|stopped)`,
    String.raw`(?:can't|cannot|can not|unable to) (?:connect|reach)\b`,
    String.raw`(?:none of|all of|every one of) (?:our|my|the) (?:users|customers|clients|team|staff|employees|stores|sites)\b`,
    String.raw`everything (?:is |was )?(?:broken|down|dead)\b`,
  ],
  bugs: [String.raw`keeps (?:closing|shutting down) (?:when|on|every|after|whenever|as soon)`, 'force clos', 'closes itself'],
  cancellation: [String.raw`moving (?:our|my|the) (?:\w+ ){0,2}(?:to|off) `],
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const START = String.raw`(?:^|[^\p{L}\p{N}])`;

// Compiled once: a boundary before the stem only, so stems match inflections ("charged", "crashes").
const MATCHERS: Array<[Theme, RegExp]> = THEMES.map((theme) => [
  theme,
  new RegExp(`${START}(?:${[...KEYWORDS[theme].map(escapeRegExp), ...(PHRASES[theme] ?? [])].join('|')})`, 'iu'),
]);

// Failure words that say "bug" only while the whole service is up: "everything is broken, nobody
// can get in" is the outage, not one more bug; a named fault ("the export does nothing") still is.
const GENERIC_BUG = new RegExp(`${START}(?:crash\\w*|broken|not working|stopped working|doesn't work|does not work)`, 'giu');
const BUGS = MATCHERS.find(([t]) => t === 'bugs')![1];

/** The themes a complaint text touches, in taxonomy order; [] when none apply. */
export function themesOf(text: string): Theme[] {
  const normalised = text.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');
  const found = MATCHERS.filter(([, re]) => re.test(normalised)).map(([theme]) => theme);
  if (found.includes('outage') && found.includes('bugs') && !BUGS.test(normalised.replace(GENERIC_BUG, ' '))) {
    return found.filter((t) => t !== 'bugs');
  }
  return found;
}
