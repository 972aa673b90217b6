/**
 * HELD-OUT, third list (issue 20, round 7): blog, forum and review comments written for this check in
 * our own words on 2026-12-07 before any change of round 7 (ordinal severity), committed before any
 * tuning. Never trained on, never used to choose a setting: only `npm run eval:detector`
 * (ONLY=heldout) reads it. Complaints carry a severity (1 no explicit reproach, 2 disapproval,
 * 3 accusation, 4 blame/anger); several escalate (churn, repetition, an outage, lost money, a threat).
 */
export const HELDOUT_THIRD_COMPLAINTS: ReadonlyArray<readonly [string, 1 | 2 | 3 | 4]> = [
  ['Is there any news on when the sync bug will be fixed? My notes have not updated since Tuesday.', 1],
  ['The dishwasher I bought in March already leaks from the door seal.', 1],
  ['Could someone check my order? It says shipped but the tracking number does not exist.', 1],
  ['The battery drains overnight even when the laptop is shut. Not what I expected for the price.', 2],
  ['Really poor experience with the checkout, it rejected my card three times and then took the money anyway.', 2],
  ['The latest firmware made the camera slower to focus. Please bring back the old behaviour.', 1],
  ['Support told me to wait 48 hours. It has been nine days and nobody has replied.', 2],
  ['We lost a full day of sales because the payment page was down again this morning.', 2],
  ['The subscription renewed at twice the price without any warning email. That is sneaky.', 3],
  ['They charged my account for a delivery that never came and now claim I signed for it.', 3],
  ['Second outage in a week and not a word on the status page. We are looking at other providers.', 3],
  ['I have reported this crash four times now. If it is not fixed by Friday we cancel the contract.', 3],
  ['Your agent hung up on me twice and then marked the case as resolved. Shameful.', 4],
  ['These clowns deleted my whole project during the migration and will not even apologise.', 4],
  ['Absolutely fed up. Third time my flight was cancelled by this airline and I am never booking with them again.', 4],
  ['The bank froze my savings for a month with no explanation and I had to borrow money for rent.', 3],
  ['Dear team, the invoice shows the wrong VAT number again, this is the fourth correction I have asked for.', 2],
  ['The service went dark during our launch event. Completely unacceptable for an enterprise plan.', 3],
  ['Whoever approved this redesign clearly never used the product. Everything takes twice as many clicks.', 3],
  ['the refund was promised in 5 days, its been a month, i am taking this to the consumer ombudsman', 4],
  ['Ordered a blue jacket, received a grey one two sizes too small.', 1],
  ['The plugin stopped loading after the update and my site has been showing an error page all day.', 2],
];

export const HELDOUT_THIRD_NOT_COMPLAINTS: readonly string[] = [
  'Thanks for the detailed write-up, the section on caching saved me hours.',
  'Does anyone know whether the export feature supports CSV with semicolons?',
  'I switched to the yearly plan last week. Setup took five minutes.',
  'Great post! Looking forward to part two.',
  'Quick tip for others: you can change the theme under Settings, then Appearance.',
  'The support team sorted out my login problem within the hour, very impressed.',
  'We are migrating our blog to a new host this weekend, expect a short pause in posts.',
  'How do I reset the counter on the water filter? The manual does not mention it.',
  'Picked up the new model today. The screen is bright and the keyboard feels solid.',
  'I had the same question, and the FAQ answered it: the warranty covers two years.',
  'Our meetup is on Thursday at 7, everyone is welcome.',
  'Has anyone tried the beta on Linux yet? Curious how it compares.',
  'The delivery arrived a day early and the box was well packed.',
  'Version 3.2 is out with a new dark theme and faster search.',
  'Following this thread, I am planning the same upgrade next month.',
  'Thank you for fixing the billing glitch so quickly, everything is correct now.',
];
