/**
 * A second set of CheckList lists (issue 20, round 13), held out: written 2026-12-08 02:25 UTC,
 * before round 13 changed anything, scored blind once with the weights of the time and never tuned
 * on. Our own sentences, in the same three types as test/unit/detect/checklist-cases.ts (which stay
 * as they were written). `ONLY=heldout npm run eval:detector` prints their failure counts.
 */
import type { ChecklistLists } from './behaviour';

export const HELDOUT_CHECKLIST: ChecklistLists = {
  complaints: [
    'Your billing team took my money twice and pretends it never happened.',
    'Nobody at this company knows what they are doing.',
    'The update wiped my saved playlists and support just shrugged.',
    'Three emails, two calls, zero answers. Pathetic.',
    'You promised delivery by Friday and it is now Tuesday.',
    'The login page has been broken since the weekend.',
    'Your agent hung up on me halfway through the call.',
    'I was charged a cancellation fee nobody mentioned.',
    'The new firmware bricked my router and you refuse to help.',
    'What a shambles, the parcel went to the wrong city again.',
    'These crooks renewed my plan without asking.',
    'The app deletes my drafts every time it syncs.',
    'Half the pages on your site throw errors and nobody fixes them.',
    'I am fed up with the constant dropouts on my connection.',
    'Management should be ashamed of how they treat paying customers.',
    'The replacement is as faulty as the original.',
  ],
  notComplaints: [
    'Could you tell me how to add a second user to my plan?',
    'The team fixed everything yesterday, thank you all.',
    'Is the annual discount still available this month?',
    'Our office moves to the new building next week.',
    'Just upgraded to the pro plan, excited to try the reports.',
    'Does the router support mesh networking?',
    'Thanks for the detailed write-up, very helpful.',
    'Where do I find my order history?',
    'The webinar recording is now on the website.',
    'Congrats on the launch, the new dashboard looks great.',
    'Can I change my delivery slot to the afternoon?',
    'Loved the workshop, the speakers were excellent.',
    'What is the difference between the basic and the family plan?',
    'My colleague recommended your service, signing up today.',
    'I will be travelling next month, can I pause my subscription?',
    'Appreciate the quick answer from your chat team.',
  ],
  templates: [
    '{X} the refund you promised three weeks ago never arrived.',
    'Hi, {X} here, how do I reset the password on my tablet?',
    '{X} your courier left my parcel in the rain and it was ruined.',
    'Lovely evening at the restaurant with {X}, the food was great.',
    'Support agent {X} was rude and hung up on me.',
    'My account was locked again today {X}',
    '{X} is the app down for everyone or just me?',
    'Ordered from {X} last week and the box came damaged.',
  ],
  fillers: {
    handles: ['', '@OrlinHelp', '@kelpix_care @kelpix', 'via @newsdesk'],
    names: ['Anna', 'Kevin', 'Mei', 'Dmitri', 'Adaeze', 'Siobhan', 'jorge'],
    brands: ['Vantora', 'Kelpix', 'Brightwave', 'Orlin', 'Amazon', 'Tesco'],
    links: ['', 'https://imgur.com/a/x7Kq2', 'bit.ly/3abcd'],
  },
  dirBases: [
    'The order arrived with a cracked screen.',
    'My payment failed twice today.',
    'The site will not load on my phone.',
    'My parcel is still stuck at the depot.',
  ],
  dirEscalations: [
    'This keeps happening every week.',
    'I am switching providers tomorrow.',
    'I will be filing a complaint with the regulator.',
    'You are a bunch of cowboys.',
  ],
  dirThanks: ['They sorted it out this afternoon, thanks.', 'Thanks to Sam on the help desk for the fix.'],
};
