import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, startSiteServer, type ExtensionBrowser, type SiteServer } from './harness';
import { fillTemplateFields, markedSeverities, openHelperFor, saveProfile, waitForMarked } from './helpers';
import { DISCOURSE_PATH, DISCOURSE_TOPIC, WP_PATH, WP_POST } from './pages';

const flaggedIds = (marks: Record<string, string | null>) => Object.entries(marks).filter(([, s]) => s !== null);

describe('blogs and forums', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startSiteServer({
      'lemire.me': { [WP_PATH]: WP_POST },
      'community.acme.example': { [DISCOURSE_PATH]: DISCOURSE_TOPIC },
    });
    browser = await launchWithExtension({ server });
    await (await saveProfile(browser)).close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('WordPress: flags the two complaint comments and inserts the reply into the comment form', async () => {
    const page = await browser.openSite('lemire.me', WP_PATH);
    await waitForMarked(page, 7);
    const marks = await markedSeverities(page);
    expect(Object.keys(marks)).toHaveLength(7);
    // Priya (422391: 502s, ticket unanswered) is a complaint; the blog's own discussion is not.
    const flagged = flaggedIds(marks);
    expect(flagged.map(([id]) => id)).toContainEqual(expect.stringContaining('422391'));
    for (const [id] of flagged) expect(id).toMatch(/42239[1]|422402/);

    const helper = await openHelperFor(page, flagged.find(([id]) => id.includes('422391'))![0]);
    await browser.screenshot(page, 'wordpress-helper-light');
    const draft = helper.getByLabel('Reply text');
    await expect.poll(() => draft.inputValue()).toContain('Jane Doe');
    // Blogs get the full signature block: name, title, company, phone, email.
    const text = await draft.inputValue();
    for (const part of ['Customer Support Lead', '+1 555 0100', 'jane@acme.example']) expect(text).toContain(part);
    await fillTemplateFields(helper);
    await helper.getByRole('button', { name: 'Insert reply' }).click();
    await helper.getByText(/inserted/i).waitFor();
    expect(await page.locator('#comment').inputValue()).toContain('Jane Doe');
    await page.close();
  });

  it('Discourse: flags the complaint post; without a composer on the page the reply is copied and the helper says so', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://community.acme.example' });
    const page = await browser.openSite('community.acme.example', DISCOURSE_PATH);
    await waitForMarked(page, 4);
    const flagged = flaggedIds(await markedSeverities(page));
    expect(flagged).toHaveLength(1);
    const helper = await openHelperFor(page, flagged[0]![0]);
    await fillTemplateFields(helper);
    await helper.getByRole('button', { name: 'Insert reply' }).click();
    await helper.getByText(/copied to your clipboard/i).waitFor();
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip).toContain('Jane Doe');
    await browser.screenshot(page, 'discourse-helper-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await browser.screenshot(page, 'discourse-helper-dark');
    await page.close();
  });
});
