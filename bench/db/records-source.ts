/**
 * Page-side generator of a large, realistic log, kept as JavaScript source text: it runs
 * inside an extension page (page.evaluate cannot take tsx-compiled functions, see the
 * harness) and in Node, where run.ts checks a sample against lib/db/records.ts' schemas
 * before anything is seeded. Shapes follow lib/db/records.ts and normalise.ts exactly:
 * contact id `${platform}:${handle}`, interaction id = permalink, searchWords as
 * searchWordsFor(name, handle) computes them; the derived fields of lib/db/summary.ts as it
 * computes them (check-records.ts compares).
 *
 * `heavy` contact: one returning customer with HEAVY interactions (the worst timeline).
 */
export const HEAVY_INTERACTIONS = 300;

export const GENERATE_RECORDS = `(function generate(opts) {
  var contactsN = opts.contacts, interactionsN = opts.interactions, now = opts.now;
  var s = opts.seed >>> 0;
  function random() {
    s = (s + 0x6d2b79f5) >>> 0;
    var t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  function pick(list) { return list[Math.floor(random() * list.length)]; }
  var DAY = 86400000;
  var FIRST = ['Nadia', 'Tom', 'Priya', 'Lukas', 'Mei', 'Omar', 'Sofia', 'Jake', 'Aiko', 'Diego', 'Hannah', 'Kwame', 'Elena', 'Ravi', 'Chloe', 'Ivan'];
  var LAST = ['Park', 'Okafor', 'Schmidt', 'Nguyen', 'Rossi', 'Haddad', 'Kowalski', 'Silva', 'Tanaka', 'Murphy', 'Berg', 'Costa', 'Ahmed', 'Lind'];
  var PLATFORMS = ['x', 'x', 'x', 'x', 'x', 'x', 'wordpress', 'wordpress', 'reddit', 'reddit', 'discourse'];
  var THEMES = ['billing', 'refunds', 'delivery', 'account-access', 'outage', 'bugs', 'performance', 'customer-service', 'pricing', 'privacy-security', 'cancellation'];
  var TEXTS = [
    'I was charged twice for my subscription this month and nobody answers my emails. Fix this now.',
    'Your app keeps crashing every time I open it since the last update. This is ridiculous.',
    'My order never arrived, tracking has said in transit for three weeks. Where is my package?',
    'Why can I still not log in? Password reset emails never come. Completely unacceptable.',
    'Still waiting for my refund after 30 days. Terrible service, I want my money back.',
    'The site has been down all morning and I cannot access my account. Is anyone even working there?',
    'Third time asking: cancel my account and stop billing my card. Worst company ever.',
    'Is there a way to export my invoices? I cannot find it anywhere in the settings.'
  ];
  var CUES = ['charged twice', 'nobody answers', 'ridiculous', 'never arrived', 'unacceptable', 'worst', 'refund', 'cancel'];
  var REPLY = 'Hi, I am sorry about this. I have asked our billing team to look at your account and will get back to you by Tuesday. Jane Doe, Customer Support Lead, Acme, +1 555 0100';
  // Schema v5: each event is stored in its interaction (rec.events, without interactionId and
  // contactId); the flat list, as an export lists them, is kept for checks and probes.
  function log(rec, e) {
    rec.events.push(e);
    var flat = { interactionId: rec.id, contactId: rec.contactId };
    for (var k in e) flat[k] = e[k];
    events.push(flat);
  }
  function words(text) { return text.normalize('NFKD').replace(/\\p{M}/gu, '').toLowerCase().split(/[^\\p{L}\\p{N}]+/u).filter(Boolean); }

  var contacts = [];
  for (var c = 0; c < contactsN; c++) {
    var first = pick(FIRST), last = pick(LAST), platform = pick(PLATFORMS);
    var handle = (first + last + c).toLowerCase();
    var name = first + ' ' + last;
    var sw = new Set(words(name).concat(words(handle)));
    sw.add(handle);
    var seen = now - Math.floor(random() * 365 * DAY);
    contacts.push({
      id: platform + ':' + handle, platform: platform, name: name, handle: handle,
      firstSeenAt: seen, lastSeenAt: seen, lastPermalink: null, searchWords: Array.from(sw)
    });
  }

  var interactions = [], events = [];
  var statuses = ['open', 'open', 'waiting', 'resolved', 'resolved'];
  for (var i = 0; i < interactionsN; i++) {
    // The first HEAVY interactions all belong to contact 0, the worst returning customer.
    var contact = i < ${HEAVY_INTERACTIONS} ? contacts[0] : contacts[Math.floor(random() * contacts.length)];
    var at = Math.max(contact.firstSeenAt, now - Math.floor(random() * 365 * DAY));
    var permalink = contact.platform === 'x' ? 'https://x.com/' + contact.handle + '/status/' + (1800000000000000000 + i * 7919)
      : contact.platform === 'reddit' ? 'https://www.reddit.com/r/acme/comments/' + i.toString(36) + '/_/c' + i
      : contact.platform === 'discourse' ? 'https://community.acme.example/t/topic/' + (4000 + (i % 900)) + '/' + i
      : 'https://blog.example.org/2026/11/post/#comment-' + (9000 + i);
    var severity = 1 + Math.floor(random() * 4);
    var status = pick(statuses);
    var text = pick(TEXTS) + ' (#' + i + ')';
    var rec = {
      id: permalink, contactId: contact.id, platform: contact.platform, postId: String(i), permalink: permalink,
      text: text, severity: severity, score: 0.55 + random() * 0.44, complaint: true,
      signals: { brand: true, churn: random() < 0.2, abuse: random() < 0.05, question: random() < 0.3, urgency: random() < 0.2 },
      cues: [pick(CUES), pick(CUES)], themes: [pick(THEMES)], status: status, firstSeenAt: at, lastEventAt: at,
      events: []
    };
    log(rec, { at: at, type: 'flagged', severity: severity });
    if (status !== 'open') {
      rec.firstReplyAt = at + 3600000;
      rec.lastReply = REPLY;
      rec.lastEventAt = rec.firstReplyAt;
      log(rec, { at: rec.firstReplyAt, type: 'reply-inserted', text: REPLY, templateId: 'apology' });
    }
    if (status === 'resolved') {
      rec.resolvedAt = at + 2 * DAY;
      rec.lastEventAt = rec.resolvedAt;
      log(rec, { at: rec.resolvedAt, type: 'status', status: 'resolved' });
    }
    if (status === 'waiting' && i % 20 === 0) {
      // About 1% carry a promised follow-up; most are past due and half of those are done.
      rec.followUpAt = at + 2 * DAY;
      rec.followUpDone = i % 40 === 0;
      log(rec, { at: rec.firstReplyAt + 1, type: 'follow-up-set', dueAt: rec.followUpAt });
      // Every event moves lastEventAt (lib/db/log.ts).
      rec.lastEventAt = Math.max(rec.lastEventAt, rec.firstReplyAt + 1);
    }
    if (rec.followUpAt !== undefined && !rec.followUpDone && rec.status !== 'resolved') {
      rec.followUpDue = rec.followUpAt;
      if (contact.followUpDue === undefined || rec.followUpDue < contact.followUpDue) contact.followUpDue = rec.followUpDue;
    }
    if (rec.lastEventAt > contact.lastSeenAt) { contact.lastSeenAt = Math.min(rec.lastEventAt, now); contact.lastPermalink = permalink; }
    // The stored summary (lib/db/summary.ts): count, status of the latest by [firstSeenAt, id], worst severity, earliest pending follow-up.
    contact.interactionCount = (contact.interactionCount || 0) + 1;
    if (!contact.maxSeverity || severity > contact.maxSeverity) contact.maxSeverity = severity;
    if (!contact._last || at > contact._last.firstSeenAt || (at === contact._last.firstSeenAt && rec.id > contact._last.id)) {
      contact._last = rec;
      contact.lastStatus = status;
    }
    interactions.push(rec);
  }
  for (var k = 0; k < contacts.length; k++) {
    delete contacts[k]._last;
    if (!contacts[k].interactionCount) { contacts[k].interactionCount = 0; contacts[k].maxSeverity = 0; }
  }
  var typical = contacts[1];
  return { contacts: contacts, interactions: interactions, events: events, heavyContactId: contacts[0].id, typicalContactId: typical.id };
})`;
