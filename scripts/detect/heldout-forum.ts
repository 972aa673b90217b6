/**
 * HELD-OUT, second list (issue 20, round 6): forum and blog comments written for this check in our
 * own words before any change of round 6, without reading heldout-blog.ts past its header. Never
 * trained on, never used to choose a setting: only `npm run eval:detector` (ONLY=heldout) reads it.
 * Roughly half complaints (several implicit or polite), half not (questions, thanks, how-tos,
 * neutral mentions, praise that names a past problem). Severity: 1 no explicit reproach,
 * 2 disapproval, 3 accusation, 4 blame.
 */
export const HELDOUT_FORUM_COMPLAINTS: ReadonlyArray<readonly [string, 1 | 2 | 3 | 4]> = [
  ['Week three of waiting for the replacement router. Still using my phone as a hotspot.', 1],
  ['The app logs me out every time I switch tabs, which makes it useless on a laptop.', 2],
  ['I was charged twice for the same order and the refund form just loops back to the start.', 2],
  ['Our printer driver stopped working after the latest patch and there is no way to roll it back.', 1],
  ['Honestly the worst onboarding I have been through. Nobody explained the billing cycle.', 2],
  ['They keep emailing me after I unsubscribed four times. This is not a mistake any more.', 3],
  ['Bought the annual plan in January and the calendar integration has never worked once.', 1],
  ['The courier marked my parcel as delivered while I was standing at the door all afternoon.', 3],
  ['Moving our team to another tool next month, the constant outages have cost us two clients.', 2],
  ['Your support staff closed my ticket without reading it. Twice. Completely unacceptable.', 4],
  ['The recipe in the manual burns every time, the temperature printed there must be wrong.', 1],
  ['It is frankly insulting to be told to restart the modem when the whole street has no signal.', 3],
  ['The warranty claim was rejected because of a scratch that was already there when it arrived.', 2],
  ['Half the screenshots in the docs show menus that no longer exist, so setup took all evening.', 1],
  ['I would like a refund please. The headphones stopped charging after a week and I am disappointed.', 1],
  ['Somebody in management decided to remove dark mode and I have a headache every night now.', 2],
  ['These people lied about the cancellation fee and then pretended the call never happened.', 4],
  ['The new pricing doubles what we pay for the same features. Hard to see this as anything but greed.', 3],
  ['Third time this quarter the nightly backup failed silently. We only noticed when we needed it.', 2],
  ['The hotel photos show a pool. There is no pool, just a fenced hole.', 2],
];

export const HELDOUT_FORUM_NOT_COMPLAINTS: readonly string[] = [
  'Does anyone know whether the export can include archived projects as well?',
  'Quick question for the community: which plan do you use for a team of five?',
  'Thanks to Priya on the support desk, my account is back and everything syncs again.',
  'I had trouble with the login last year but it has worked perfectly since the update.',
  'Here is how I set up the webhook: create a token, paste it in settings, then hit save.',
  'We migrated to the new version on Friday; notes from the process are in the thread below.',
  'Could someone point me to the page that explains how the trial converts to a paid plan?',
  'Great write-up, I learned a lot about caching from this post.',
  'Just received the keyboard, the build quality is lovely and it types quietly.',
  'For anyone wondering, the battery saver setting is under Display, not Power.',
  'Happy to report the billing issue from last month was sorted within a day. Thanks all!',
  'Is it normal for the first sync to take a while on a large library?',
  'I use Acme at work and Globex at home; both do what I need.',
  'The meetup is on Thursday at seven, bring a laptop if you want to try the beta.',
  'Would it be possible to add a keyboard shortcut for archiving? It would save me time.',
  'Our library switched to the new catalogue system this spring and readers seem to like it.',
  'Congrats to the team on the launch, the new editor feels fast.',
  'If you get error 42, clearing the cache and signing in again fixes it.',
  'Anyone going to the conference in Lisbon next month? Happy to share a taxi.',
  'The release notes say version 5 drops support for the old file format, so convert first.',
];
