/** X's hosts: its descriptor's, and what its reader uses to tell a status link from an outside one. */
export const X_HOSTS: ReadonlySet<string> = new Set(['x.com', 'twitter.com', 'mobile.twitter.com', 'mobile.x.com', 'www.x.com', 'www.twitter.com']);
