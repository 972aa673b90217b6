/**
 * Round 12's own held-out sentences (written 2026-12-07 23:25 UTC, before any round-12 change was
 * tuned, and never tuned on): forum, review, e-mail and comment wording rather than tweets, for the
 * CheckList minimum-functionality question "are plain grievances complaints, and plain questions,
 * thanks and mentions not?". Scored blind with the shipped weights first, then after.
 * npx tsx research/detect/heldout-round12.ts
 */
import { detect } from '../../lib/detect/index';

export const HELDOUT12_COMPLAINTS = [
  'Since the last firmware update my printer refuses to connect to the wifi at all.',
  'The invoice generator adds tax twice on every order over 100 euros, and support says it is expected.',
  'Your courier left the parcel in the rain and now the books inside are ruined.',
  'I have asked three times for my data to be deleted and I keep getting marketing emails.',
  'Paid for express shipping, the order arrived nine days later.',
  'The dishwasher started leaking after two weeks and the repair slot is a month away.',
  'The mobile site logs me out every few minutes, I cannot finish a single booking.',
  'Nobody told us the price would double at renewal. That is shady.',
  'Search has returned zero results for anything since Tuesday, the shop is basically unusable.',
  'The replacement headset has the same crackling as the first one.',
  'I was put on hold for fifty minutes and then the line went dead.',
  'The app wiped my saved playlists after the update and there is no way to get them back.',
  'Whoever approved this redesign clearly never used the product.',
  'Booked a room with a sea view, got one facing the car park, and the front desk shrugged.',
  'Two months of waiting for a refund that was promised within five working days.',
  'The sync feature duplicates every contact, I now have four copies of each person.',
  'Your chatbot just loops me back to the FAQ no matter what I type.',
  'The blender lid cracked on the second use and the warranty form rejects my serial number.',
];

export const HELDOUT12_NOT_COMPLAINTS = [
  'Does the annual plan include the reporting add-on or is it sold separately?',
  'Thanks for the quick answer yesterday, the export works fine now.',
  'We are migrating our team to the new workspace next week, any tips for moving the archives?',
  'Just ordered the blue version, looking forward to trying it out.',
  'Is there a way to change the delivery address after the order has shipped?',
  'The webinar on Thursday covered the new dashboard, recording is on the blog.',
  'Our office switched to this app last month and the onboarding was painless.',
  'Can I pause my subscription over the summer instead of cancelling it?',
  'Great write-up on the outage last week, it helped us explain it to our customers.',
  'Where do I find the API key for the sandbox account?',
  'Picked up my repaired laptop today, it runs like new.',
  'The store on Main Street now opens at eight, handy for commuters.',
  'How long does a bank transfer usually take to show up in the account?',
  'Happy to report the new update fixed the battery drain I mentioned in March.',
  'Does anyone know if the charger works with the older model?',
  'Shout out to the night shift team for getting my order out before the holidays.',
];

if (process.argv[1]?.endsWith('heldout-round12.ts')) {
  const missed = HELDOUT12_COMPLAINTS.filter((t) => !detect(t).complaint);
  const false_ = HELDOUT12_NOT_COMPLAINTS.filter((t) => detect(t).complaint);
  console.log(`round-12 held-out: complaints missed ${missed.length}/${HELDOUT12_COMPLAINTS.length}, non-complaints flagged ${false_.length}/${HELDOUT12_NOT_COMPLAINTS.length}`);
  for (const t of [...missed, ...false_]) console.log(`  ${detect(t).score.toFixed(3)}  ${t}`);
}
