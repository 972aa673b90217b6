import { escapeHtml } from './html-surgery';

// A Discourse topic as Discourse serves it to crawlers and to browsers without JavaScript
// (app/views/topics/show.html.erb, the crawler layout): no capture of it exists in the
// shared fixtures, so the markup is written from that public template.

export const FORUM_HOST = 'community.acme.example';
const TOPIC = { id: 4821, slug: 'tips-for-faster-cold-starts-on-the-node-20-runtime', title: 'Tips for faster cold starts on the Node 20 runtime', category: 'Deploys' };
export const TOPIC_PATH = `/t/${TOPIC.slug}/${TOPIC.id}`;

interface DemoPost {
  username: string;
  name: string;
  time: string; // ISO
  shown: string;
  likes: number;
  cooked: string; // Discourse's rendered HTML of the post
}

const POSTS: DemoPost[] = [
  {
    username: 'sofia.m', name: 'Sofia Marchetti', time: '2026-11-22T14:05:11Z', shown: 'November 22, 2026,  2:05pm', likes: 12,
    cooked: `<p>After moving three services to the Node 20 runtime we cut cold starts from ~1.8 s to ~400 ms. What helped, in order:</p>
<ol>
<li>Bundle with esbuild and ship one file instead of <code>node_modules</code>.</li>
<li>Lazy-load the AWS SDK clients you only need on rare paths.</li>
<li>Set <code>min_instances: 1</code> on the two endpoints users actually wait on.</li>
</ol>
<p>Happy to share our build config if anyone wants it.</p>`,
  },
  {
    username: 'bkowalczyk', name: 'Bartek Kowalczyk', time: '2026-11-22T16:31:48Z', shown: 'November 22, 2026,  4:31pm', likes: 4,
    cooked: `<p>Thanks, the lazy-loading tip alone took ~300 ms off our auth function. Would love to see the esbuild config.</p>`,
  },
  {
    username: 'hgreene', name: 'Hannah Greene', time: '2026-11-24T08:52:03Z', shown: 'November 24, 2026,  8:52am', likes: 7,
    cooked: `<p>Cold starts would be a nice problem to have. Our builds have been stuck in “queued” on us-east for two days now, and ticket #48213 still has no answer from Acme. We pay for the Business plan with “priority support”, so this is really disappointing. Can someone from the Acme team at least acknowledge it?</p>`,
  },
  {
    username: 'sofia.m', name: 'Sofia Marchetti', time: '2026-11-24T09:10:27Z', shown: 'November 24, 2026,  9:10am', likes: 2,
    cooked: `<p><a class="mention" href="/u/hgreene">@hgreene</a> that sounds rough. We saw queued builds on us-east this morning too; switching the project to eu-west got us unstuck in the meantime.</p>`,
  },
];

export function buildDiscourseTopic(css: string): string {
  const base = `https://${FORUM_HOST}`;
  const posts = POSTS.map((post, n) => postHtml(post, n + 1, base)).join('\n');
  return `<!DOCTYPE html>
<html lang="en" class="desktop-view not-mobile-device text-size-normal anon">
<head>
<meta charset="utf-8">
<title>${escapeHtml(TOPIC.title)} - ${TOPIC.category} - Acme Community</title>
<meta name="description" content="After moving three services to the Node 20 runtime we cut cold starts from ~1.8 s to ~400 ms.">
<meta name="generator" content="Discourse 3.4.0 - https://github.com/discourse/discourse version 3.4.0">
<link rel="canonical" href="${base}${TOPIC_PATH}" />
<meta property="og:site_name" content="Acme Community" />
<meta property="og:type" content="website" />
<meta property="og:url" content="${base}${TOPIC_PATH}" />
<meta property="og:title" content="${escapeHtml(TOPIC.title)}" />
<style>
${css}</style>
</head>
<body class="crawler ">
<header>
<a href="/"><span id="site-text-logo" class="text-logo">Acme Community</span></a>
</header>
<div id="main-outlet" class="wrap" role="main">
<div id="topic-title">
<h1>
<a href="${TOPIC_PATH}">${escapeHtml(TOPIC.title)}</a>
</h1>
<div class="topic-category" itemscope itemtype="http://schema.org/BreadcrumbList">
<span itemprop="itemListElement" itemscope itemtype="http://schema.org/ListItem">
<a href="/c/deploys/7" class="badge-wrapper bullet" itemprop="item">
<span class='badge-category-bg' style='background-color: #0088CC'></span>
<span class='badge-category clear-badge'>
<span class='category-name' itemprop='name'>${TOPIC.category}</span>
</span>
</a>
<meta itemprop="position" content="1" />
</span>
</div>
</div>
<div itemscope itemtype='http://schema.org/DiscussionForumPosting'>
<meta itemprop='headline' content='${escapeHtml(TOPIC.title)}'>
<link itemprop='url' href='${base}${TOPIC_PATH}'>
<meta itemprop='datePublished' content='${POSTS[0]!.time}'>
<meta itemprop='articleSection' content='${TOPIC.category}'>
<div itemprop='publisher' itemscope itemtype="http://schema.org/Organization">
<meta itemprop='name' content='Acme Community'>
</div>
${posts}
</div>
</div>
<footer class="container wrap">
<nav class='crawler-nav'>
<ul>
<li itemscope itemtype='http://schema.org/SiteNavigationElement'><span itemprop='name'><a href='/' itemprop="url">Home </a></span></li>
<li itemscope itemtype='http://schema.org/SiteNavigationElement'><span itemprop='name'><a href='/categories' itemprop="url">Categories </a></span></li>
<li itemscope itemtype='http://schema.org/SiteNavigationElement'><span itemprop='name'><a href='/guidelines' itemprop="url">Guidelines </a></span></li>
</ul>
</nav>
<p class='powered-by-link'>Powered by <a href="https://www.discourse.org">Discourse</a>, best viewed with JavaScript enabled</p>
</footer>
</body>
</html>
`;
}

// Post 1 is the DiscussionForumPosting itself; replies are its schema.org Comments.
function postHtml(post: DemoPost, number: number, base: string): string {
  const itemprops = number === 1 ? '' : ` itemprop='comment' itemscope itemtype='http://schema.org/Comment'`;
  return `<div id='post_${number}'${itemprops} class='topic-body crawler-post'>
<div class='crawler-post-meta'>
<span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person">
<a itemprop="url" rel='nofollow' href='${base}/u/${post.username}'><span itemprop='name'>${post.username}</span></a>
(${escapeHtml(post.name)})
</span>
<link itemprop="mainEntityOfPage" href="${base}${TOPIC_PATH}">
<span class="crawler-post-infos">
<time datetime='${post.time}' class='post-time'>
${post.shown}
</time>
<meta itemprop='dateModified' content='${post.time}'>
<span itemprop='position'>${number}</span>
</span>
</div>
<div class='post' itemprop='text'>
${post.cooked}
</div>
<div itemprop="interactionStatistic" itemscope itemtype="http://schema.org/InteractionCounter">
<meta itemprop="interactionType" content="http://schema.org/LikeAction"/>
<meta itemprop="userInteractionCount" content="${post.likes}" />
<span class='post-likes'>${post.likes} ${post.likes === 1 ? 'Like' : 'Likes'}</span>
</div>
</div>`;
}
