// Bundled by bench/sites/run.ts into the page under test: the readers as the content script runs them.
import { genericAdapter, readPostsOnPage, readPostsWith } from '../../lib/sites/index';
import { mayHoldPosts } from '../../lib/sites/reader/gate';

(globalThis as Record<string, unknown>).__frontlineSites = { genericAdapter, readPostsOnPage, readPostsWith, mayHoldPosts };
