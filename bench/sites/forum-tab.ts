/**
 * A Chromium tab holding bench:sites' generated forum page, with the page's own scripts off (the
 * readers under test are evaluated into it by the caller). Shared by the compare and profile tools.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { forumPage } from './forum-page';

export async function openForumTab(posts: number): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const html = forumPage(posts);
  await page.route('**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
  await page.goto('https://talk.example.org/t/1', { waitUntil: 'domcontentloaded' });
  return { browser, page };
}
