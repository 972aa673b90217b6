/**
 * Hand-written phrase lists. They feed the model as extra features (the model learns how
 * much each category counts) and drive the `signals` shown to the agent. They never
 * decide a verdict on their own. Phrases are tokenised like post text, so "3 days" matches
 * any number of days and "can't" matches "cant".
 */
export const LEXICON = {
  churn: [
    'cancel', 'cancelling', 'canceling', 'cancelled', 'canceled', 'cancellation', 'cancel my',
    'switching to', 'switch to', 'switched to', 'moving to', 'going to use', 'refund', 'refunds',
    'refunded', 'money back', 'close my account', 'closing my account', 'closed my account',
    'unsubscribe', 'leaving', 'never again', 'never using', 'never use', 'never buying', 'never buy',
    'never shopping', 'last time', 'chargeback', 'take my business', 'taking my business',
    'lost a customer', 'ex customer', 'done with',
  ],
  abuse: [
    'idiot', 'idiots', 'stupid', 'moron', 'morons', 'incompetent', 'useless', 'pathetic',
    'clowns', 'clown', 'liar', 'liars', 'scammer', 'scammers', 'thieves', 'crooks', 'fraudsters',
    'shut up', 'screw you', 'f you', 'fuck you', 'fuck off', 'dumb', 'imbecile', 'imbeciles',
    'shame on you', 'disgrace', 'losers', 'retarded', 'bastards', 'jerks', 'fools', 'cheaters', 'cheats',
  ],
  request: [
    'please', 'pls', 'plz', 'can you', 'could you', 'can i', 'how do i', 'how can i', 'how to',
    'help me', 'need help', 'please help', 'would you', 'is there', 'is it possible', 'any update',
    'let me know', 'dm me', 'contact me', 'call me', 'what is', 'why is', 'why does', 'when will',
    'where is', 'kindly', 'request', 'looking into',
  ],
  urgency: [
    'outage', 'down', 'not working', 'isnt working', 'stopped working', 'doesnt work', 'broken',
    'still', 'again', 'urgent', 'urgently', 'asap', 'immediately', 'emergency', 'right now',
    '0 days', '0 weeks', '0 hours', '0 months', 'days', 'weeks', 'waiting', 'still waiting',
    'no response', 'no reply', 'no one', 'nobody', 'charged', 'double charged', 'overcharged',
    'deducted', 'debited', 'lost my', 'money lost', 'my money', 'stolen', 'hacked', 'locked out',
    'blocked', 'declined', 'failed', 'missing', 'never arrived', 'never received', 'not received',
    'where is my', 'still not', 'yet to', 'since',
  ],
  negative: [
    'worst', 'terrible', 'horrible', 'awful', 'disappointed', 'disappointing', 'unacceptable',
    'ridiculous', 'poor', 'bad', 'rude', 'annoying', 'annoyed', 'frustrated', 'frustrating',
    'fed up', 'sick of', 'tired of', 'not happy', 'unhappy', 'not good', 'joke', 'hate', 'disgusting',
    'appalling', 'shocking', 'nightmare', 'waste', 'wasted', 'never', 'no', 'not', 'cant', 'wont',
    'dont', 'didnt', 'doesnt', 'havent', 'hasnt', 'wasnt', 'isnt', 'without', 'lost', 'delay',
    'delayed', 'issue', 'problem', 'error', 'fail', 'wrong', 'again',
  ],
  accusation: [
    'scam', 'fraud', 'fraudulent', 'cheated', 'cheating', 'stole', 'stolen', 'steal', 'stealing',
    'lied', 'lying', 'lie', 'robbed', 'rob', 'looted', 'loot', 'daylight robbery', 'you took',
    'you charged', 'you stole', 'you lost', 'you broke', 'you ruined', 'misleading', 'mislead',
    'deceived', 'deceptive', 'harassment', 'harassing', 'illegal', 'illegally', 'negligence',
  ],
  blame: [
    'your fault', 'because of you', 'thanks to you', 'you people', 'sue', 'suing', 'lawyer',
    'lawsuit', 'legal action', 'court', 'consumer court', 'ombudsman', 'report you', 'complaint against',
    'rbi', 'regulator', 'police', 'responsible', 'accountable', 'shame', 'boycott', 'ruined',
    'destroyed', 'hold you', 'you will pay', 'compensation', 'compensate',
  ],
  positive: [
    'thanks', 'thank you', 'thank', 'thx', 'love', 'loving', 'great', 'awesome', 'amazing',
    'excellent', 'best', 'happy', 'glad', 'appreciate', 'appreciated', 'perfect', 'wonderful',
    'good job', 'well done', 'kudos', 'congrats', 'congratulations', 'nice', 'cool', 'fantastic',
    'brilliant', 'helpful', 'resolved', 'sorted',
  ],
} as const;

export type LexiconCategory = keyof typeof LEXICON;
export const LEXICON_CATEGORIES = Object.keys(LEXICON) as LexiconCategory[];
