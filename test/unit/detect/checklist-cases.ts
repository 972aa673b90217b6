/**
 * Behaviour tests in the style of CheckList (Ribeiro et al., ACL 2020), written before the
 * issue-20 tuning and never used to train or tune: every sentence is our own.
 *  MFT  minimum functionality: a sentence and the verdict it must get.
 *  INV  invariance: a template filled with different handles, names, brands, platforms, links
 *       or letter case must get one verdict (complaint yes/no and severity) for all fillers.
 *  DIR  direction: adding escalation never lowers severity; adding thanks for a fix never raises it.
 */

export const MFT_COMPLAINTS = [
  'Whoever designed this update should be fired, it broke everything.',
  'This company is a joke, they lost my package and blamed me.',
  'You people are liars, the refund never came.',
  'Your support team is useless and rude.',
  'Really disappointed with the new update, the export button is gone.',
  'Third time this month the app has crashed and deleted my notes.',
  'They charged me twice and nobody answers my emails.',
  'Absolute scam. Took my money and never shipped the order.',
  'Worst customer service I have ever dealt with.',
  'The checkout has been broken for a week and nobody cares.',
  'My order arrived smashed and they refuse to replace it.',
  'I have been on hold for two hours, this is ridiculous.',
  'Incompetent idiots cancelled my booking without telling me.',
  'Still no refund after 30 days. Pathetic.',
  'The new version is slower and half the features are missing.',
  'You stole my money and now you ignore me.',
  'Been waiting three weeks for a replacement card, unacceptable.',
  'The outage wiped out a whole day of work and there is no apology.',
  'Cancelling today. Fourth billing error this year, I am done with you.',
  'Your app logged me out again and now my password does not work.',
];

export const MFT_NOT_COMPLAINTS = [
  'Thanks so much, the replacement arrived this morning!',
  'Big thanks to the support team for sorting this out so quickly.',
  'How do I change the email address on my account?',
  'Does the new model come in blue?',
  'What time does the store open on Sunday?',
  'I just ordered the new headphones, can not wait to try them.',
  'Loving the new dark mode, great job.',
  'Is there a student discount for the annual plan?',
  'Heading to the airport now, see you all in Berlin.',
  'The conference keynote starts at 9am tomorrow.',
  'Just finished reading the release notes for version 5.',
  'Can you recommend a good case for this phone?',
  'Happy birthday to the best team in the business!',
  'We are hiring engineers in London and Lisbon.',
  'My sister works at the bakery on the corner.',
  'Where can I download the invoice for last month?',
  'Great coffee and friendly staff, will come back.',
  'Which plan includes international calls?',
  'Watching the match tonight with friends.',
  'Thank you for the quick delivery, everything works perfectly.',
];

/** INV templates: {X} is replaced by each filler of the group; all fillings must agree. */
export const INV_TEMPLATES = [
  '{X} my order still has not arrived after two weeks and nobody replies.',
  '{X} thanks for the quick reply, that solved it.',
  'Whoever designed this update {X} should be fired, it broke everything.',
  'The app keeps crashing when I open settings {X}',
  '{X} how do I export my contacts to a spreadsheet?',
  'Charged twice this month {X} and still waiting for a refund.',
  'Great service today {X} the courier was early.',
  'Is the store {X} open on public holidays?',
];

export const INV_FILLERS: Record<string, string[]> = {
  handles: ['', '@AcmeSupport', '@help_desk', '@ZetaCare @ZetaCare', 'cc @press_team'],
  links: ['', 'https://example.com/screenshot.png', 'http://t.co/abc123', 'www.example.org/ticket'],
  names: ['Maria', 'John', 'Priya', 'Wojciech', 'Oluwaseun', 'Thandiwe'],
  brands: ['Acme', 'Comcast', 'Flipkart', 'Norvello', 'Quibbly', 'Tarvex'],
  platforms: ['on Twitter', 'on Reddit', 'on the forum', 'on my blog', 'on Facebook'],
};

/** Case variants are checked on every MFT sentence and template (upper, lower, title case). */
export const CASE_VARIANTS: Array<(s: string) => string> = [
  (s) => s.toUpperCase(),
  (s) => s.toLowerCase(),
  (s) => s.replace(/\b\w/g, (c) => c.toUpperCase()),
];

/** DIR bases: complaints at various levels. */
export const DIR_BASES = [
  'The package never arrived.',
  'My refund has not been processed yet.',
  'The app crashes every time I open it.',
  'Your support team has not replied to my ticket.',
  'I was charged for a subscription I cancelled.',
  'The internet has been down all morning.',
  'The new update removed the export button.',
  'My account is locked and I cannot log in.',
  'The delivery was late and the box was damaged.',
  'Nobody has fixed the billing error on my account.',
];

/** Added to a base: severity must not go down. */
export const DIR_ESCALATIONS = [
  'This is the third time this happened.',
  'I am cancelling my account and moving to your competitor.',
  'I will report you to the consumer court.',
  'You are thieves and liars.',
  'You stole my money.',
  'This is your fault and you know it.',
];

/** Added to a base: severity must not go up. */
export const DIR_THANKS = [
  'Thanks for fixing it so quickly.',
  'Update: support sorted it out, thank you.',
  'Thank you, it works now.',
];

/**
 * MFT, praise that mentions a problem already fixed (written for the resolved-praise guard, before
 * it was tuned): the customer is pleased, so none of these is a complaint, however bad the old
 * problem sounds. The guard's own words must generalise past these (research/detect/heldout-praise.ts
 * holds a second list, never looked at while tuning).
 */
export const MFT_RESOLVED_PRAISE = [
  'Acme fixed my billing issue in 5 minutes, amazing team. Hope the app update lands soon',
  'Support resolved my login problem within an hour, really impressed.',
  'Had a nightmare with a double charge last month but the team refunded it the same day. Five stars.',
  'The outage yesterday was handled brilliantly, everything is back up and they kept us posted.',
  'Shout out to Dana from the help desk who sorted out my broken router in ten minutes.',
  'My package got lost but they sent a replacement overnight. Cannot fault them.',
  'Thanks for restoring my account so quickly, you saved my week.',
  'Was worried about the missing refund, but it just landed. Thank you!',
  'The crash on startup is gone after the latest patch, great work everyone.',
  'Kudos to the engineers who got the servers back online before lunch.',
  'They replaced my cracked screen for free, no questions asked. Brilliant service.',
  'Finally solved the sync error with help from the forum moderators, much appreciated.',
  'Quick update: my card was unblocked this morning, thank you for chasing it.',
  'The billing mistake was corrected within a day and they even added a credit. Impressed.',
  'Customer service went above and beyond to fix the delivery mix-up. Grateful.',
  'Problem solved! The agent walked me through resetting the modem and it works perfectly now.',
  'They fixed the export bug in a day, fantastic. Fingers crossed the dark mode comes next.',
  'Lovely chat with support, they cleared up the duplicate invoice. Looking forward to the new plans.',
];

/**
 * MFT, complaints that also thank, praise or say something was fixed: the grievance is still
 * open (or the thanks is sarcastic), so each one must stay a complaint.
 */
export const MFT_COMPLAINTS_DESPITE_THANKS = [
  'Thanks for nothing. Three weeks and my refund never came.',
  'They fixed the billing error, great, but now the app crashes every time I open it.',
  'You supposedly fixed my account last week and it is locked again. Unacceptable.',
  'Thanks for the quick reply, but my order is still missing and nobody can tell me where it is.',
  'Support said the issue was resolved. It was not. Still cannot log in after four days.',
  'Great job, you fixed the outage by breaking the checkout instead.',
  'Appreciate the apology, but I was charged twice and I want my money back today.',
  'The refund came through, thanks, but the replacement you promised never arrived and I am cancelling.',
  'Amazing, another update that deletes my settings. Third time this month.',
  'Thank you for closing my ticket without fixing anything.',
  'Resolved? The same error is back an hour later and your agent hung up on me.',
  'They sorted out one problem and created two more. Worst service ever.',
];
