import path from 'node:path';

/** Saved pages the e2e tests serve under their real host names. */
export const X_CONVERSATION_PATH = '/nadia_ships/status/1993012657403187514';
export const X_CONVERSATION = path.resolve('demo/pages/x.com/nadia_ships/status/1993012657403187514.html');
export const WP_PATH = '/blog/2019/08/02/json-parsing-simdjson-vs-json-for-modern-c/';
export const WP_POST = path.resolve('demo/pages/lemire.me/blog/2019/08/02/json-parsing-simdjson-vs-json-for-modern-c/index.html');
export const DISCOURSE_PATH = '/t/tips-for-faster-cold-starts-on-the-node-20-runtime/4821';
export const DISCOURSE_TOPIC = path.resolve('demo/pages/community.acme.example/t/tips-for-faster-cold-starts-on-the-node-20-runtime/4821.html');
export const SHARED_TWEET = path.resolve('test/fixtures/sites/twitter/tweetyoink--x-tweet-sample.html');

export const PROFILE = {
  'Full name': 'Jane Doe',
  Title: 'Customer Support Lead',
  Company: 'Acme',
  Phone: '+1 555 0100',
  Email: 'jane@acme.example',
};
