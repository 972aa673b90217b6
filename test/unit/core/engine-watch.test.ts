// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENGINE_CHECK_MS, ENGINE_CHECKS_MAX, watchForEngine } from '../../../lib/content/engine-watch';

/**
 * A forum app that draws its posts after load: the content script starts with the generic reader
 * and hands the page to the engine's reader once the engine's markup appears (lib/content/engine-watch.ts).
 */
const FLARUM = readFileSync(join(__dirname, '../../fixtures/sites/engines/flarum--talk.example-keyboards.io-d-12-usb-c-cable.html'), 'utf8');
const STREAM = FLARUM.slice(FLARUM.indexOf('<div class="PostStream"'), FLARUM.indexOf('<nav class="DiscussionPage-nav"><ul><li class="item-scrubber">'));
const URL_ = new URL('https://talk.example-keyboards.io/d/12-usb-c-cable-keeps-disconnecting');
const flush = () => new Promise((r) => queueMicrotask(() => r(undefined)));

describe('watching for an engine drawn after load', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '<div id="flarum-loading">Loading…</div><div id="content"></div>';
  });
  afterEach(() => vi.useRealTimers());

  it('hands the page over once the app has drawn posts of an engine it knows, once', async () => {
    const onEngine = vi.fn();
    const stop = watchForEngine(document, URL_, onEngine);
    document.getElementById('content')!.innerHTML = STREAM;
    await flush();
    vi.advanceTimersByTime(ENGINE_CHECK_MS);
    expect(onEngine).toHaveBeenCalledTimes(1);
    document.body.append(document.createElement('p'));
    await flush();
    vi.advanceTimersByTime(ENGINE_CHECK_MS * 3);
    expect(onEngine).toHaveBeenCalledTimes(1);
    stop();
  });

  it('looks a bounded number of times on a page that never names one, then stops', async () => {
    const onEngine = vi.fn();
    watchForEngine(document, URL_, onEngine);
    for (let i = 0; i < ENGINE_CHECKS_MAX + 5; i++) {
      document.getElementById('content')!.append(document.createElement('p'));
      await flush();
      vi.advanceTimersByTime(ENGINE_CHECK_MS);
    }
    // Posts of a known engine arriving after the watch gave up are the generic reader's to read.
    document.getElementById('content')!.innerHTML = STREAM;
    await flush();
    vi.advanceTimersByTime(ENGINE_CHECK_MS);
    expect(onEngine).not.toHaveBeenCalled();
  });
});
