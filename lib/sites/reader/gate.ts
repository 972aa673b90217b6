/**
 * "May this page hold posts of an unknown engine?", cheaply: one walk over the elements (budgeted)
 * that reads only the class attribute, and href on links, and stops at the second author-like mark.
 * A page with one byline is an article, not a conversation. Grouped attribute selectors cost more:
 * ~25 ms on a 1,000-element article in happy-dom, and they make Chromium synchronise every element's
 * lazy attributes; this walk reads what it needs once.
 */
/** Class names of a name's element: "author", "username", …, and names ending in "-user" or "-nick" ("convo-user", "qa-nick"). */
const AUTHOR_CLASS = /author|user-?name|poster|nickname|commenter|(^|\s)(fn|p-author|h-card|vcard)(\s|$)|[-_](user|nick|name)(\s|$)/i;
/**
 * Where engines keep a person's page: /users/…, /members/…, /@name (Mastodon, Medium, Misskey), a user id
 * in the query (?uid=, &user_id=: Discuz!, phpwind and many others), Discuz!'s rewritten space-uid-N, and a
 * script named for profiles that takes the person in its query (ViewProfile.jspa?name=, viewprofile.aspx?id=).
 */
export const PROFILE_HREF =
  /\/(users?|members?|profiles?|u|people|author|space)\/|user\?id=|[?&](user|userid|user_id|uid|u|member_id|author_id)=|space-uid-\d|\/@[\w.-]+\/?$|member\.php|profile\.php|profile\w*\.\w+\?\w+=|memberlist\.php|action=profile|showuser=|\/~\w/i;
const STRUCTURED = /schema\.org\/(Comment|DiscussionForumPosting|Answer|Question|Review|SocialMediaPosting)\b/;
/** The same types in RDFa: typeof="Review", typeof="schema:Comment". */
const STRUCTURED_RDFA = /(^|\s|:)(Comment|DiscussionForumPosting|Answer|Question|Review|SocialMediaPosting)(\s|$)/;

/** Elements the gate looks at, whatever the page size. */
const GATE_BUDGET = 15_000;

export function mayHoldPosts(root: ParentNode): boolean {
  const all = (root as Element | Document).getElementsByTagName?.('*');
  if (!all) return false;
  const n = Math.min(all.length, GATE_BUDGET);
  let marks = 0;
  for (let i = 0; i < n; i++) {
    const el = all[i]!;
    const cls = el.getAttribute('class');
    let hit = cls !== null && AUTHOR_CLASS.test(cls);
    if (!hit && el.tagName === 'A') {
      const href = el.getAttribute('href');
      hit = href !== null && PROFILE_HREF.test(href);
    } else if (!hit && el.tagName === 'CITE') {
      hit = true;
    }
    if (!hit && el.hasAttribute('itemtype')) {
      if (STRUCTURED.test(el.getAttribute('itemtype') ?? '')) return true;
    }
    if (!hit && el.hasAttribute('typeof')) {
      if (STRUCTURED_RDFA.test(el.getAttribute('typeof') ?? '')) return true;
    }
    if (hit && ++marks >= 2) return true;
  }
  return false;
}
