/**
 * Held-out sentences for the resolved-praise guard (issue 20, round 4): written together with the
 * CheckList lists MFT_RESOLVED_PRAISE and MFT_COMPLAINTS_DESPITE_THANKS, before the guard existed,
 * and never looked at while it was tuned. Scored by research/detect/score-heldout-praise.ts.
 */

/** Pleased customers mentioning a problem that is fixed: none is a complaint. */
export const HELDOUT_RESOLVED_PRAISE = [
  'Big thanks to the night shift who brought the payment system back within minutes of the outage.',
  'My lost suitcase turned up this afternoon, the airline staff were wonderful throughout.',
  'The app kept freezing but the new release fixed it. Smooth as butter now.',
  'Props to Liam in support, he unlocked my account and explained what went wrong.',
  'Had trouble with a wrong charge, one email and it was reversed. Superb.',
  'The broken kettle was swapped for a new one at the store, lovely staff.',
  'Our internet was down for an hour this morning but the technician had it running again by ten. Top marks.',
  'They straightened out my order mix-up really fast, will definitely shop again.',
  'Reported a bug on Monday and the fix shipped on Wednesday. That is how you do support.',
  'Delighted that the overcharge got refunded in full, thank you all.',
  'Their team recovered my deleted files, absolute lifesavers.',
  'The login issue I posted about last week has been sorted, cheers to the moderators.',
];

/** Complaints that thank, praise or mention a fix: the grievance is open, each one is a complaint. */
export const HELDOUT_COMPLAINTS_DESPITE_THANKS = [
  'Thanks a lot for losing my parcel again, really helpful.',
  'The bug was fixed but my data from last month is gone and nobody will answer me.',
  'Lovely, you refunded the wrong amount and now the bank is charging me fees.',
  'They marked the ticket as solved while the website is still down.',
  'Cheers for the apology email, but I am still without internet after six days.',
  'They replaced the router and the new one is just as broken. I am done with this company.',
  'Thank you for nothing, your agent promised a callback that never happened.',
  'Your fix made it worse, now the app will not even open.',
  'Brilliant service as usual: a week of waiting and the problem is still not resolved.',
  'Apparently my issue is resolved, but I have not received a single penny back.',
  'They said it was fixed. It broke again the next morning and support went silent.',
  'Great, the outage is over, but who pays for the orders we lost during it?',
];
