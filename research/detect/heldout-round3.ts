/**
 * Held-out posts for issue 20, round 3: written for this check in the words of blog and forum
 * comments (no @handles), before any tuning, and never trained or tuned on. Severity follows the
 * data's scheme: 1 no explicit reproach, 2 disapproval, 3 accusation, 4 blame.
 */
export const HELDOUT_COMPLAINTS: Array<[string, 1 | 2 | 3 | 4]> = [
  ['Ordered a standing desk from Deskora six weeks ago and it still has not shipped.', 1],
  ['My router keeps dropping the connection every evening since the firmware update.', 1],
  ['The invoice I got this month is missing the discount we agreed on.', 1],
  ['Tried to reset my password three times, the email never arrives.', 1],
  ['The washing machine they installed on Monday is already leaking.', 1],
  ['Has anyone else had their parcel marked delivered when it never showed up? Mine is nowhere.', 1],
  ['Really unhappy with the latest release, half my saved filters are gone and nothing works like before.', 2],
  ['Honestly the worst onboarding I have ever sat through, nobody could answer a single question.', 2],
  ['Customer service here is a waste of time. Two hours on hold and then the line went dead.', 2],
  ['I am fed up with the constant price rises while the service keeps getting worse.', 2],
  ['This is ridiculous, the train was cancelled again and no one told us anything.', 2],
  ['Pathetic support, they closed my ticket without even reading it.', 2],
  ['Their technician lied to me about the part being on order, it was never ordered at all.', 3],
  ['They took the money for the repair and never did the repair. That is theft, plain and simple.', 3],
  ['The company knowingly sold us a faulty model and then pretended the fault was ours.', 3],
  ['You people deleted my account and every photo in it, and now you deny it happened.', 3],
  ['They charged my card twice on purpose and hid the refund button, a total scam.', 3],
  ['Third time this year the billing is wrong, and every time they blame me for it.', 3],
  ['I am taking this to the ombudsman. Months of broken promises and my savings are stuck with them.', 4],
  ['Enough. My lawyer will be in touch, you ruined our wedding with this mess and you will pay for it.', 4],
  ['This is entirely their fault, they lost my passport and I will hold them accountable in court.', 4],
  ['Reporting this bank to the regulator today, they froze my account for no reason and will not explain.', 4],
  ['Cancelling everything with Lumio tomorrow. Fourth outage this month, we lost a whole day of sales.', 2],
  ['Whoever approved this redesign should be ashamed, the app is unusable now.', 3],
];

export const HELDOUT_NOT_COMPLAINTS = [
  'Just upgraded to the new plan and the speed is great so far.',
  'Does anyone know if the summer sale includes the garden furniture?',
  'Here is my review of the new headphones after a month of daily use: comfortable and the battery lasts.',
  'Thanks to the forum for the tip about clearing the cache, that fixed it for me.',
  'The store on Main Street moves to a bigger building next week.',
  'Which of the two laptops would you recommend for video editing?',
  'We had a lovely dinner there on Saturday, the staff were very kind.',
  'Posting the steps I used to migrate my notes in case they help someone.',
  'Big shout out to the delivery driver who waited while I found my keys.',
  'Has the new update come out for Android yet or only iOS?',
  'I switched the theme to dark mode and I love it.',
  'The conference talk on accessibility was the best one this year.',
  'Can someone explain how the loyalty points are calculated?',
  'My first week with the new bike: 120 km and not a single issue.',
  'Support sorted out my login problem in ten minutes, very impressed.',
  'Reminder: the community meetup is on Thursday at 7pm.',
];
