import { describe, expect, it } from 'vitest';
import { adapterForPage, readPostsOnPage } from '../../../lib/sites/index';
import { loadFixture } from './load-fixture';

/**
 * bbPress, SMF, Flarum and Drupal comments read by fingerprint (lib/sites/engines/*). The pages are
 * HAND-MADE from each engine's own templates (test/fixtures/sites/README.md): a synthetic set, not saved
 * pages. Each is read under a host no list names, so only the markup can name the engine.
 */
function read(file: string, url: string) {
  const doc = loadFixture(`engines/${file}`, url);
  const u = new URL(url);
  return { engine: adapterForPage(doc, u)?.name, posts: readPostsOnPage(doc, u) };
}

describe('bbPress on any WordPress site', () => {
  const { engine, posts } = read('bbpress--forum.example-gardening.org-topic-leaky-hose.html', 'https://talk.example.org/forums/topic/leaky-hose-connector/');

  it('is recognised by its markup, though WordPress runs the page', () => {
    expect(engine).toBe('bbpress');
  });

  it('reads the topic and every reply, guest included; the header and footer rows and the Recent Replies widget are not posts', () => {
    expect(posts.map((p) => p.author)).toEqual(['marta', 'oskar', 'Visiting gardener', 'marta']);
    expect(posts.map((p) => p.permalink?.split('#')[1])).toEqual(['post-101', 'post-102', 'post-103', 'post-104']);
    expect(posts.some((p) => p.author === 'lin' || p.text.startsWith('Tomato'))).toBe(false);
  });

  it('keeps the quote apart and leaves out the revision log and the role', () => {
    const oskar = posts[1]!;
    expect(oskar.text).toBe('Frost often cracks the thread itself. Wrap it in PTFE tape before you buy a new one.');
    expect(oskar.quoted).toBe('I replaced the washer twice and it still leaks');
    expect(posts[0]!.handle).toBe('https://forum.example-gardening.org/forums/users/marta/');
  });
});

describe('SMF 2.1 on its own domain', () => {
  const { engine, posts } = read('smf21--community.example-boats.net-index.php-topic-77.html', 'https://boats.example.net/index.php?topic=77.0');

  it('is recognised by its markup', () => {
    expect(engine).toBe('smf');
  });

  it('reads every message: a member by the profile link (not the online mark), a guest by the plain name', () => {
    expect(posts.map((p) => [p.author, p.handle])).toEqual([
      ['skipper_jo', 'https://community.example-boats.net/index.php?action=profile;u=12'],
      ['Harbour visitor', ''],
      ['Ines M.', 'https://community.example-boats.net/index.php?action=profile;u=31'],
    ]);
    expect(posts.map((p) => p.permalink)).toEqual([501, 502, 503].map((n) => `https://community.example-boats.net/index.php?msg=${n}`));
  });

  it('keeps the quote and its "Quote from" line apart, and the signature out', () => {
    expect(posts[1]!.text).toBe('Check the fuel line primer bulb. Mine cracked and sucked air at low revs.');
    expect(posts[1]!.quoted).toContain('New plugs, clean carb, same thing.');
    expect(posts[0]!.text).not.toContain('Fair winds');
    expect(posts[2]!.text).not.toContain('Two boats');
  });
});

describe('Flarum as its app draws a discussion', () => {
  const url = 'https://talk.example-keyboards.io/d/12-usb-c-cable-keeps-disconnecting';
  const { engine, posts } = read('flarum--talk.example-keyboards.io-d-12-usb-c-cable.html', url);

  it('is recognised by its markup', () => {
    expect(engine).toBe('flarum');
  });

  it('reads the comment posts, not the rename event; the name without the avatar initial; time and post link', () => {
    expect(posts.map((p) => p.author)).toEqual(['lena', 'kai_t', 'lena']);
    expect(posts.map((p) => p.permalink)).toEqual([1, 2, 4].map((n) => `${url}/${n}`));
    expect(posts[0]!.time).toBe('2024-05-02T10:00:00.000Z');
    expect(posts[1]!.quoted).toBe('disconnects whenever I touch it');
    expect(posts[1]!.text).toBe('Try a cable with a shorter plug housing; the port on that case sits deep.');
  });

  it('links a post to its number under the discussion when the page is itself a post link', () => {
    const { posts: again } = read('flarum--talk.example-keyboards.io-d-12-usb-c-cable.html', `${url}/4`);
    expect(again[0]!.permalink).toBe(`${url}/1`);
  });
});

describe('Drupal comments under an article', () => {
  it('Drupal 10 (Olivero): every comment and threaded reply; a reply is credited to its own author, not the one it answers', () => {
    const { engine, posts } = read('drupal10-olivero--news.example-city.org-water-bills.html', 'https://news.example-city.org/news/water-bills');
    expect(engine).toBe('drupal');
    expect(posts.map((p) => [p.author, p.permalink])).toEqual([
      ['rkoval', 'https://news.example-city.org/comment/881#comment-881'],
      ['Tenant on Elm St (not verified)', 'https://news.example-city.org/comment/884#comment-884'],
      ['anna.b', 'https://news.example-city.org/comment/890#comment-890'],
    ]);
    // The article itself, its byline and the "Recent comments" block are not comments.
    expect(posts.some((p) => p.author === 'newsdesk' || p.text.includes('Bus 12'))).toBe(false);
    expect(posts[1]!.text).toBe('The utility only reacted after I wrote to the ombudsman. Took three weeks.');
  });

  it('Drupal 7 (Bartik): guest and member, the time from its RDFa, the signature left out', () => {
    const { engine, posts } = read('drupal7-bartik--blog.example-trails.net-node-5.html', 'https://blog.example-trails.net/node/5');
    expect(engine).toBe('drupal');
    expect(posts.map((p) => [p.author, p.time])).toEqual([
      ['Pat (not verified)', '2013-04-02T10:11:12.000Z'],
      ['ranger', '2013-04-02T15:40:00.000Z'],
    ]);
    expect(posts[1]!.text).toBe('We posted it on the board at the car park. We will put closures on the website from now on.');
  });
});

describe('Drupal comments in a theme on core\'s bare base (stable9): no field or BEM classes', () => {
  const { engine, posts } = read('drupal10-stable9--library.example-town.gov-news-opening-hours.html', 'https://library.example-town.gov/news/opening-hours');

  it('is recognised by what core\'s comment module adds to every comment (data-comment-user-id, id comment-N)', () => {
    expect(engine).toBe('drupal');
  });

  it('reads member, reply and guest from the "Submitted by" line, not the hidden "In reply to" line; words without title or Reply link', () => {
    expect(posts.map((p) => [p.author, p.permalink])).toEqual([
      ['ewa.k', 'https://library.example-town.gov/comment/301#comment-301'],
      ['webteam', 'https://library.example-town.gov/comment/305#comment-305'],
      ['Jonas (not verified)', 'https://library.example-town.gov/comment/310#comment-310'],
    ]);
    expect(posts[1]!.text).toBe('Thank you. The return box has been replaced and is emptied every hour on weekdays now.');
    // The article, its byline and the "Recent comments" block are not comments.
    expect(posts.some((p) => p.text.includes('From January') || p.text === 'Evening hours')).toBe(false);
  });
});

describe('the fingerprints stay scoped', () => {
  it('an engine recognised off its host keys its posts by that host', () => {
    const a = read('smf21--community.example-boats.net-index.php-topic-77.html', 'https://boats.example.net/index.php?topic=77.0').posts[0]!;
    const b = read('smf21--community.example-boats.net-index.php-topic-77.html', 'https://other-boats.example.org/index.php?topic=77.0').posts[0]!;
    expect(a.id).not.toBe(b.id);
  });
});

describe('MyBB 1.8 on its own domain', () => {
  const { engine, posts } = read('mybb--forums.example-aquarium.org-thread-4410.html', 'https://aquarium.example.net/showthread.php?tid=4410');

  it('is recognised by its markup, both postbit layouts', () => {
    expect(engine).toBe('mybb');
    expect(posts.map((p) => p.author)).toEqual(['reefkeeper', 'Tomasz', 'Guest Diver']);
  });

  it('keeps the quote with its "Wrote:" line apart, and leaves out the signature and the "last modified" note', () => {
    expect(posts[0]!.text).not.toContain('neons');
    expect(posts[1]!.text).toBe('Check the ceramic shaft for a hairline crack. A cracked shaft rattles exactly like that.');
    expect(posts[1]!.quoted).toContain('Cleaned the impeller, still loud.');
    expect(posts[1]!.permalink).toBe('https://aquarium.example.net/showthread.php?tid=4410&pid=88004#pid88004');
  });
});

describe("Drupal comments in a theme's own comment template: none of core's attributes on the comment", () => {
  const { engine, posts } = read('drupal10-custom-theme--parish.example-council.org-news-bin-collection.html', 'https://parish.example-council.org/news/bin-collection');

  it('is recognised by the anchor core writes before every comment and the comment body field', () => {
    expect(engine).toBe('drupal');
  });

  it('credits the reply to its own author, not the one named in its hidden "In reply to" line; each comment its own link', () => {
    expect(posts.map((p) => [p.author, p.permalink])).toEqual([
      ['gwen_r', 'https://parish.example-council.org/comment/311#comment-311'],
      ['Clerk Helen Moss', 'https://parish.example-council.org/comment/314#comment-314'],
      ['tom.okafor', 'https://parish.example-council.org/comment/320#comment-320'],
    ]);
    expect(posts[1]!.text).toBe('Sorry about this. The contractor has Mill Lane down for Wednesday by mistake; they will come back today.');
    // The article, its byline and the "Recent comments" block are not comments.
    expect(posts.some((p) => p.text.includes('From 4 March') || p.text === 'Garden waste')).toBe(false);
  });
});
