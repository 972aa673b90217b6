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
  billing: ['bill', 'invoice', 'auto-renew', 'autorenew', 'auto renew', 'renewed my', 'renewed without', 'overcharg', 'double charg', 'payment', 'paid twice', 'credit card', 'debited', 'late fee', 'autopay',
    'auto-pay', 'direct debit', 'receipt', 'taking money', 'took money', 'deducted'],
  refunds: ['refund', 'money back', 'reimburs', 'chargeback', 'store credit', 'where is my money', "where's my money"],
  delivery: ['deliver', 'shipping', 'shipped', 'shipment', 'package', 'parcel', 'courier', 'tracking number', 'tracking says', 'tracking shows',
    'tracking info', 'tracking link', 'tracking page', 'no tracking', 'never arrived', 'still waiting for my order', 'lost in transit',
    'in transit', 'wrong item', 'where is my order', 'driver'],
  'account-access': ['login', 'log in', 'logged out', 'logs me out', 'logged me out', 'logging me out', 'sign in', 'signin', 'password',
    'locked out', '2fa', 'two-factor', 'verification code', 'account suspended', 'account locked', 'hacked', 'credentials',
    'access to my account', 'into my account', 'reset link', 'reset email'],
  outage: ['outage', 'down again', 'is down', 'went down', 'downtime', 'offline', 'not loading', 'service unavailable', '503', '502', '500',
    '504', 'bad gateway', 'unavailable', 'unreachable', 'blackout', 'timing out', 'times out', 'timed out', 'incident', 'nothing loads',
    'nothing responds', 'nothing works', 'back up', 'for everyone', 'for anyone', 'anyone else', 'interruption', 'disruption', 'no service',
    'no signal', 'no connection', 'no internet', 'no power'],
  bugs: ['bug', 'crash', 'broken', 'glitch', 'freez', 'error message', 'keeps crashing', 'keeps freezing', 'keeps quitting', "doesn't work",
    'does not work', 'not working', 'stopped working', 'does nothing', 'duplicat', 'greys out', 'grayed out', 'greyed out', 'invisible',
    'disappear', 'vanish', 'not saving', "won't save", 'resets itself', 'breaks the', 'show up twice', 'shows up twice', 'appears twice',
    'went wrong', 'fails', 'failed', 'failing', 'keeps failing', 'wiped', 'got deleted', 'lost my data', 'lost my files', 'lost my work',
    'cuts off', 'cut off', 'blank', 'double count', 'miscalculat'],
  performance: ['slow', 'lag', 'takes forever', 'sluggish', 'latency', 'battery drain', 'drains my battery', 'loading time', 'used to take',
    'takes ages', 'took ages', 'seconds to', 'minutes to load', 'ram', 'memory', 'cpu', 'stutter', 'crawl', 'choppy', 'janky', 'unresponsive',
    'hangs', 'minutes to', 'hours to'],
  'customer-service': ['customer service', 'customer support', 'support team', 'no response', 'no reply', 'on hold', 'ignored', 'rude',
    'nobody answers', 'no one answers', 'ticket', 'agent', 'chatbot', 'a human', 'callback', 'call back', 'hung up', 'zero response',
    'nobody replies', 'nobody replied', 'nobody responds', 'no one replied', 'no one responds', 'copy-paste', 'copy paste', 'same answer',
    'canned', 'anyone work', 'support line', 'support desk', 'helpdesk', 'help desk', 'service desk', 'help line', 'helpline', 'hotline',
    'call centre', 'call center', 'live chat', 'chat bot', 'on the phone', 'phone call', 'call dropped', 'representative', 'not one answer',
    'no answer', 'never answered', 'never replied', 'never responded', 'help article', 'faq', 'staff', 'emailed you', 'emailed your',
    'transferred', 'repeat myself', 'explain everything again', 'explain it again', 'explaining it again', 'start over with'],
  pricing: ['price', 'pricing', 'expensive', 'overpriced', 'too much money', 'rip off', 'ripoff', 'rip-off', 'subscription fee', 'price hike',
    'hidden fee', 'charging extra', 'charge extra', 'extra for', 'per user', 'per seat', 'costs a fortune', 'cost a fortune', 'afford',
    'costs twice', 'cost twice', 'more than advertised', 'costs more than', 'cost more than', 'unaffordable', 'paying extra', 'pay extra',
    'price increase', 'cash grab', 'money grab', 'paywall', 'pay wall', 'worth the money', 'value for money', 'worth the price'],
  'privacy-security': ['privacy', 'data breach', 'breach', 'leak', 'my data', 'personal data', 'tracking me', 'tracking my', 'security',
    'phishing', 'scam', 'gdpr', 'compromised', 'fraudulent', 'unauthori', 'advertisers', 'third part', 'sells my', 'sold my',
    'shares my', 'sharing my', 'my location', 'my contacts', 'microphone', 'exposed', 'take over', 'takeover', 'identity theft',
    'shared my', 'without my consent', 'without consent', 'without asking', 'without my permission', 'marketing partners', 'selling my',
    'sell my', 'spam', 'suspicious login', 'unrecognised login', 'unrecognized login', 'from another country'],
  cancellation: ['cancel', 'unsubscrib', 'close my account', 'delete my account', 'switching to', 'leaving for', 'done with', 'competitor',
    'another provider', 'another tool', 'another service', 'another bank', 'not renew', "won't renew", 'last straw', 'moving everything',
    'moving off', 'end my subscription', 'end my contract', 'end my membership', 'end my plan', 'terminate', 'renewing',
    'taking my business', 'business elsewhere', 'go elsewhere', 'going elsewhere', 'termination fee', 'early termination'],
};

/**
 * Phrase families a word list cannot say: a service said to be down in any words ("the site is
 * down", "servers have been dead", "down for two hours"), a team moving to another product.
 */
const PHRASES: Partial<Record<Theme, readonly string[]>> = {
  // "charged", "charges", not "chargeback" (a refund the customer forces through the bank).
  billing: [String.raw`charg(?!eback)`],
  refunds: [
    // Money the customer is still owed, in any words.
    String.raw`(?:not|never|haven't|have not|hasn't|didn't|did not) (?:\w+ ){0,2}(?:seen|got|gotten|received) (?:a (?:cent|penny|dime)|my money|the money)`,
    String.raw`(?:the|my|our) return (?:was|has been|got|is) (?:accepted|received|approved|processed|confirmed)`,
  ],
  pricing: [
    // A price that rose, in any words: "rates went up 40%", "the fee doubled".
    String.raw`(?:rates?|prices?|fees?|costs?|premiums?|tariffs?|subscriptions?) (?:\w+ ){0,2}(?:went up|gone up|going up|increased|doubled|tripled|rose|jumped|hiked)`,
    String.raw`behind (?:a|the) (?:pay|premium|paid|pro|higher) (?:tier|plan|wall|version)`,
  ],
  'privacy-security': [String.raw`(?:someone|somebody|a stranger|strangers|hackers?) (?:\w+ ){0,3}(?:logged|signed|got|broke|broken) (?:in|into)\b`],
  outage: [
    String.raw`(?:site|app|service|server|platform|api|website|system|dashboard|network)s? (?:\w+ ){0,3}(?:down|dead|offline|unreachable)\b`,
    String.raw`^\W*down (?:for|since|all|again|everywhere)\b`,
    String.raw`(?:entire|whole) (?:system|platform|service|site|website|app|network) (?:\w+ ){0,3}(?:crash|down|dead|unavailable|offline|stopped)`,
    String.raw`(?:can't|cannot|can not|unable to) (?:connect|reach)\b`,
    String.raw`(?:none of|all of|every one of) (?:our|my|the) (?:users|customers|clients|team|staff|employees|stores|sites)\b`,
    String.raw`everything (?:is |was )?(?:broken|down|dead)\b`,
    // Everyone, or every page, at once: the service rather than one feature.
    String.raw`(?:nobody|no one|none of us) (?:\w+ ){0,4}(?:can|could) (?:reach|access|load|open|use|get (?:in|on))`,
    String.raw`(?:problem|issue)s? on your (?:side|end)`,
    String.raw`(?:every|each) page (?:\w+ ){0,2}(?:spins|hangs|fails|errors)`,
    String.raw`unusable for (?:everyone|anyone|all|us|our|the whole)\b`,
    // A utility that is "out" (internet, power, the network) rather than a feature that fails.
    String.raw`(?:internet|power|network|wifi|wi-fi|broadband|signal|connection|phone line|service) (?:\w+ ){0,3}(?:out|down)\b(?! of\b)`,
    String.raw`(?:entire|whole) (?:\w+ ){1,2}(?:is|was|has been|are|have been) (?:\w+ )?unusable\b`,
  ],
  bugs: [String.raw`keeps (?:closing|shutting down) (?:when|on|every|after|whenever|as soon)`, 'force clos', 'closes itself',
    // One feature that will not do its job: "won't open", "can't upload", "throws an error" (not "billing error").
    String.raw`(?:won't|will not|wouldn't|can't|cannot|doesn't|does not|refuses to) (?:open|start|launch|load|save|sync|upload|export|import|print|send|play|install|update)\b`,
    String.raw`(?<!(?:billing|payment|invoice|pricing|charging|human|clerical) )error`,
    // Numbers the software works out wrong: "the totals are wrong", "figures are off".
    String.raw`(?:totals?|sums?|figures|calculations?|counts?|results|balances?) (?:\w+ ){0,3}(?:is|are|was|were) (?:\w+ )?(?:wrong|incorrect|off)\b`],
  delivery: [
    // An order that has not come, came late or came wrong, in any words.
    String.raw`(?:order|item|purchase)s? (?:\w+ ){0,4}(?:stuck|never (?:came|showed up|turned up|arrived)|hasn't (?:come|arrived|shipped)|late|delayed|missing)`,
    String.raw`(?:someone else's|the wrong) (?:order|item|size|colou?r|product)`,
    'depot', 'warehouse', 'arrived (?:damaged|broken|crushed|late|opened)',
    String.raw`missing from (?:the|my|our) (?:bag|box|order|parcel|package|delivery|shipment)`,
  ],
  'customer-service': [
    // Someone on our side, named by their role, kept the customer waiting or answering themselves.
    String.raw`(?:support|agent|staff|rep|team) (?:\w+ ){0,2}(?:keeps|kept|never|won't|refuses|ignores|ignored)`,
    String.raw`(?:waited|waiting|been waiting) (?:\w+ ){0,2}(?:minutes|hours|days|weeks) (?:on|for) (?:the phone|hold|a reply|an answer|a response|someone)`,
  ],
  cancellation: [String.raw`moving (?:our|my|the) (?:\w+ ){0,2}(?:to|off) `,
    String.raw`(?:delete|close|remove|terminate) (?:my|this|the|our) (?:\w+ )?account (?:completely|entirely|for good|permanently)`,
    String.raw`(?:want|wants|wanted) out of (?:this|my|the|our)`],
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
const GENERIC_BUG = new RegExp(`${START}(?:crash\\w*|broken|not working|stopped working|doesn't work|does not work|fail\\w*|errors?|went wrong)`, 'giu');
// Weaker still: "failed", "an error", "went wrong" name no fault of their own. When another theme
// says what failed ("the payment failed", "delivery failed", "login error"), that theme is the
// complaint; they say "bug" only when nothing else does ("the export failed again").
const FAILURE_ONLY = new RegExp(`${START}(?:fail\\w*|errors?|went wrong)`, 'giu');
const BUGS = MATCHERS.find(([t]) => t === 'bugs')![1];

/** The themes a complaint text touches, in taxonomy order; [] when none apply. */
export function themesOf(text: string): Theme[] {
  const normalised = text.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');
  const found = MATCHERS.filter(([, re]) => re.test(normalised)).map(([theme]) => theme);
  if (found.includes('outage') && found.includes('bugs') && !BUGS.test(normalised.replace(GENERIC_BUG, ' '))) {
    return found.filter((t) => t !== 'bugs');
  }
  if (found.length > 1 && found.includes('bugs') && !BUGS.test(normalised.replace(FAILURE_ONLY, ' '))) {
    return found.filter((t) => t !== 'bugs');
  }
  return found;
}
