import { describe, expect, it } from 'vitest';
import { clipPost, fitMessage } from '../../../lib/content/clip-post';
import { PostItemSchema } from '../../../lib/messages';
import type { SeenColumns } from '../../../lib/seen-wire';
import type { Post, Verdict } from '../../../lib/types';

const post: Post = {
  id: 'wp:blog.example.org/45',
  platform: 'wordpress',
  author: 'Dana',
  handle: '',
  text: 'Your update deleted my settings again.',
  permalink: 'https://blog.example.org/2026/11/post/#comment-45',
  time: '2026-11-20T10:00:00Z',
};
const verdict: Verdict = {
  complaint: true,
  score: 0.9,
  severity: 2,
  cues: [],
  signals: { brand: false, churn: false, abuse: false, question: false, urgency: false },
};

describe('a post fitted for the background', () => {
  it('shortens a WordPress author name (245 allowed there) so the post is accepted, not refused', () => {
    const long = { ...post, author: 'A'.repeat(245) };
    expect(PostItemSchema.safeParse({ post: long, verdict }).success).toBe(false);
    const clipped = clipPost(long);
    expect(clipped.author).toHaveLength(200);
    expect(PostItemSchema.safeParse({ post: clipped, verdict }).success).toBe(true);
  });

  it('never cuts an emoji in half', () => {
    const author = `${'a'.repeat(199)}😀tail`;
    const clipped = clipPost({ ...post, author }).author;
    expect(clipped).toBe('a'.repeat(199));
    expect(clipped.isWellFormed()).toBe(true);
  });

  it('drops a permalink that is not a web link or is too long, and a time that is not a time', () => {
    expect(clipPost({ ...post, permalink: 'javascript:alert(document.domain)' }).permalink).toBeNull();
    expect(clipPost({ ...post, permalink: 'data:text/html,<b>x</b>' }).permalink).toBeNull();
    expect(clipPost({ ...post, permalink: `https://e.org/${'x'.repeat(2_000)}` }).permalink).toBeNull();
    expect(clipPost({ ...post, time: 'x'.repeat(65) }).time).toBeNull();
    expect(clipPost(post).permalink).toBe(post.permalink);
  });

  it('gives an over-long id a stable short form that still tells two posts apart', () => {
    const a = clipPost({ ...post, id: `wp:${'a'.repeat(400)}1` }).id;
    const b = clipPost({ ...post, id: `wp:${'a'.repeat(400)}2` }).id;
    expect(a.length).toBeLessThanOrEqual(300);
    expect(a).not.toBe(b);
    expect(clipPost({ ...post, id: `wp:${'a'.repeat(400)}1` }).id).toBe(a);
  });

  it('fits every post of a batch and the post of an action, and leaves other messages alone', () => {
    const long = { ...post, author: 'B'.repeat(300), text: 'w'.repeat(30_000) };
    // A batch leaves in columns (lib/seen-wire.ts), each post fitted.
    const batch = fitMessage({ type: 'cs→bg:posts-seen', items: [{ post: long, verdict }] }) as unknown as { seen: SeenColumns };
    expect(batch.seen.author[0]).toHaveLength(200);
    expect(batch.seen.text[0]).toHaveLength(10_000);
    const action = fitMessage({ type: 'cs→bg:interaction-event', post: long, verdict, event: 'helper-opened' as const });
    expect(action.post.author).toHaveLength(200);
    const other = { type: 'cs→bg:open-dashboard' };
    expect(fitMessage(other)).toBe(other);
  });
});
