import { avatarDataUri, escapeHtml, extractElement, removeElement } from './html-surgery';

// An x.com conversation built from two real captures (see README.md): every tweet is the
// tweetyoink <article data-testid="tweet"> with its words, names, ids and counts swapped,
// the reply composer is the one from the defuddle full-page capture.

interface DemoTweet {
  name: string;
  handle: string;
  id: string;
  time: string; // ISO
  text: string;
  counts: [replies: number, reposts: number, likes: number];
  views: string;
  color: string;
}

export const FOCUSED = { handle: 'nadia_ships', id: '1993012657403187514' };

const TWEETS: DemoTweet[] = [
  {
    name: 'Nadia Okafor', handle: FOCUSED.handle, id: FOCUSED.id, time: '2026-11-24T09:12:41.000Z', views: '18.2K',
    counts: [41, 12, 96], color: '#7b61ff',
    text: '@AcmeSupport our production deploys have been stuck in "queued" for 6 hours. Your status page says all green. Ticket #48213 has had no reply since this morning and we are losing real money here.',
  },
  {
    name: 'Tomasz Wierzbicki', handle: 'tomasz_codes', id: '1993014471903617302', time: '2026-11-24T09:19:53.000Z', views: '2,104',
    counts: [2, 0, 14], color: '#e0245e',
    text: 'Same here since about 9am, thought it was just us. Glad it is not our config at least.',
  },
  {
    name: 'Lena Fischer', handle: 'lena_makes', id: '1993016120475308121', time: '2026-11-24T09:26:26.000Z', views: '1,387',
    counts: [1, 0, 6], color: '#17bf63',
    text: '@AcmeSupport while you are here: is the new pricing applied to existing plans too? My invoice went up $40 this month and I never got an email about it.',
  },
  {
    name: 'Raj Patel', handle: 'bytesbyraj', id: '1993017936241061933', time: '2026-11-24T09:33:39.000Z', views: '986',
    counts: [0, 1, 23], color: '#f45d22',
    text: 'Honestly Acme support sorted out my DNS mess last week in 20 minutes. Fingers crossed they get this one fixed fast',
  },
  {
    name: 'Marcus Reed', handle: 'marcus_reed_dev', id: '1993020411698573372', time: '2026-11-24T09:43:29.000Z', views: '4,530',
    counts: [7, 3, 58], color: '#1d9bf0',
    text: '@AcmeSupport this is the THIRD outage this month. Every time you say it is fixed and it never is. Absolutely unacceptable, we are moving everything off Acme on Monday.',
  },
  {
    name: 'Jess Huang', handle: 'jess_ux', id: '1993022187120463893', time: '2026-11-24T09:50:32.000Z', views: '712',
    counts: [0, 0, 9], color: '#794bc4',
    text: 'Unrelated, but the new Acme dashboard in dark mode looks gorgeous. Whoever did the charts: thank you.',
  },
  {
    name: 'Dan Moreau', handle: 'devopsdan', id: '1993023702938951814', time: '2026-11-24T09:56:33.000Z', views: '655',
    counts: [1, 0, 4], color: '#ffad1f',
    text: 'fwiw eu-west is deploying fine for us, looks like it is only us-east queues that are stuck.',
  },
];

export function buildXConversation(tweetSample: string, fullPage: string, css: string): string {
  const template = tweetTemplate(tweetSample);
  const composer = replyComposer(fullPage);
  const [focused, ...replies] = TWEETS.map((tweet, n) => fillTweet(template, tweet, n));
  const cells = [focused, composer, ...replies].map((inner) => `<div data-testid="cellInnerDiv">${inner}</div>`).join('\n');
  return page(`Nadia Okafor on X: "${TWEETS[0]!.text.slice(0, 60)}…" / X`, cells, css);
}

function tweetTemplate(sample: string): string {
  // The link card (its box and its "From whitehouse.gov" line) belongs to the original tweet.
  let html = removeElement(sample, 'aria-labelledby="id__08rbxt6tnso id__ac8w62pvci6"');
  html = removeElement(html, 'r-1awozwy r-xoduu5"><svg viewBox="0 0 22 22" aria-label="Verified account"');
  // The capture is dark mode; the demo page is X's default light theme.
  return html.replaceAll('rgb(231, 233, 234)', 'rgb(15, 20, 25)').replaceAll('rgb(113, 118, 123)', 'rgb(83, 100, 113)');
}

function fillTweet(template: string, tweet: DemoTweet, n: number): string {
  const when = new Date(tweet.time);
  const shown = `${when.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })} · ${when.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' })}`;
  const [replies, reposts, likes] = tweet.counts;
  return template
    .replaceAll('id__', `id__${n}`)
    .replaceAll('TestUser123', tweet.handle)
    .replaceAll('Test User Account', escapeHtml(tweet.name))
    .replaceAll('1981398750557065646', tweet.id)
    .replaceAll('2025-10-23T16:34:09.000Z', tweet.time)
    .replaceAll('7:34 PM · Oct 23, 2025', shown)
    .replace(/src="https:\/\/pbs\.twimg\.com\/profile_images\/placeholder\/avatar_placeholder\.jpg"/g, `src="${avatarDataUri(tweet.name, tweet.color)}"`)
    .replace(/background-image: url\(&quot;https:\/\/pbs\.twimg\.com[^)]*\);/g, '')
    .replace(">Democrat Shutdown Jeopardizes America's Skies</span>", `>${tweetText(tweet.text)}</span>`)
    .replace('>29.9K<', `>${tweet.views}<`)
    .replace('>48<', `>${replies || ''}<`)
    .replace('>152<', `>${reposts || ''}<`)
    .replace('>553<', `>${likes || ''}<`)
    .replace('>9<', '><'); // bookmark count: X shows it only to the author
}

// X renders @mentions as links inside the tweet text.
function tweetText(text: string): string {
  return escapeHtml(text).replace(
    /@(\w+)/g,
    '<a dir="ltr" href="/$1" role="link" class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3 r-1loqt21" style="color: rgb(29, 155, 240);">@$1</a>',
  );
}

function replyComposer(fullPage: string): string {
  return extractElement(fullPage, 'data-testid="inline_reply_offscreen"')
    .replace(/src="https:\/\/pbs\.twimg\.com[^"]*"/g, `src="${avatarDataUri('Acme Support', '#0f1419')}"`)
    .replace(/background-image: url\(&quot;https:\/\/pbs\.twimg\.com[^)]*\);/g, '');
}

function page(title: string, cells: string, css: string): string {
  return `<!DOCTYPE html>
<html dir="ltr" lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${css}</style>
</head>
<body>
<div id="react-root"><div class="css-175oi2r r-13awgt0 r-12vffkv">
<header role="banner" class="demo-nav"><nav aria-label="Primary role"><a href="/home" aria-label="X" class="demo-logo">𝕏</a>
<a href="/home">Home</a><a href="/explore">Explore</a><a href="/notifications">Notifications</a><a href="/messages">Messages</a><a href="/AcmeSupport">Profile</a></nav></header>
<main role="main" class="css-175oi2r r-16y2uox">
<div class="css-175oi2r" data-testid="primaryColumn">
<div class="demo-top"><a href="/home" data-testid="app-bar-back" aria-label="Back">←</a><h2 dir="ltr" aria-level="2" role="heading">Post</h2></div>
<section aria-labelledby="accessible-list-1" role="region" class="css-175oi2r">
<h1 dir="ltr" aria-level="1" role="heading" id="accessible-list-1" class="demo-hidden">Conversation</h1>
<div aria-label="Timeline: Conversation"><div>
${cells}
</div></div>
</section>
</div>
<div class="css-175oi2r" data-testid="sidebarColumn"><div class="demo-box"><h2>What’s happening</h2>
<div data-testid="trend"><span>Technology · Trending</span><b>#AcmeOutage</b><span>2,184 posts</span></div>
<div data-testid="trend"><span>Trending in Software</span><b>us-east</b><span>5,902 posts</span></div>
<div data-testid="trend"><span>Business · Trending</span><b>Black Friday</b><span>88.1K posts</span></div></div></div>
</main>
</div></div>
</body>
</html>
`;
}
