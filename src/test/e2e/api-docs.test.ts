import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { loadDevIssuer } from '../../local/dev-issuer';
import { devToken } from '../../local/dev-token';
import { type ServerUnderTest, startServer } from './support/local-server';

const REPOSITORY = resolve(__dirname, '../../..');

// The reference page in a real browser: Debian's chromium, which .ci/run installs where missing.
const BROWSER = [
  process.env['CHROMIUM_PATH'],
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
].find((path): path is string => path !== undefined && path !== '' && existsSync(path));
const OUTPUT = resolve(__dirname, '../../../coverage/e2e');
// Without a browser on a laptop the test counts as skipped, its title giving the reason; CI must
// run it, so there it fails.
const skipReason =
  BROWSER === undefined && process.env['CI'] !== 'true'
    ? 'no chromium: apt-get install chromium, or set CHROMIUM_PATH'
    : undefined;
const describeInBrowser = skipReason === undefined ? describe : describe.skip;

describeInBrowser(
  `lambda-controllers start --docs in a browser${skipReason === undefined ? '' : ` (skipped: ${skipReason})`}`,
  () => {
    let server: ServerUnderTest;
    let browser: Browser;
    const requested: string[] = [];

    beforeAll(async () => {
      server = await startServer(['--docs'], { SAMPLE_DYNAMODB: 'memory' });
      if (BROWSER === undefined) throw new Error('CI=true needs chromium for the /docs test.');
      browser = await chromium.launch({ executablePath: BROWSER, args: ['--no-sandbox'] });
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('lists every operation and creates a user through "Try it out", all from this machine', async () => {
      // Prepare
      const page = await browser.newPage();
      page.on('request', (request) => requested.push(request.url()));

      // Act: open the reference, then send POST /users from its form.
      await page.goto(`${server.url}/docs`);
      await page.locator('.opblock').first().waitFor();
      const operations = await page.locator('.opblock-summary').allInnerTexts();
      const post = page.locator('#operations-users-UsersController_create');
      await post.locator('.opblock-summary').click();
      const body = post.locator('textarea.body-param__text');
      await body.fill(JSON.stringify({ name: 'Ada Lovelace', email: 'ada.docs@example.com' }));
      await post.locator('button.execute').click();
      const status = post.locator('.live-responses-table tr.response .response-col_status').first();
      await status.waitFor();
      mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: join(OUTPUT, 'docs.png'), fullPage: true });

      // Assess
      const oneLine = operations.map((text) => text.replace(/\s+/g, ' '));
      expect(oneLine).toEqual([
        expect.stringMatching(/^POST \/users Create a user/),
        expect.stringMatching(/^GET \/users List users, oldest first/),
        expect.stringMatching(/^GET \/users\/export Export every user as NDJSON/),
        expect.stringMatching(/^GET \/users\/\{id\} Get a user by id/),
        expect.stringMatching(/^PATCH \/users\/\{id\} Change a user/),
        expect.stringMatching(/^DELETE \/users\/\{id\} Delete a user/),
      ]);
      expect((await status.textContent())?.trim()).toBe('201');
      const listed = await fetch(`${server.url}/users?limit=100`);
      expect((await listed.json()).items).toContainEqual(
        expect.objectContaining({ email: 'ada.docs@example.com' }),
      );
      expect(requested.filter((url) => !url.startsWith(server.url))).toEqual([]);
    });

    it('takes a development token in Authorize and deletes a user through the page', async () => {
      // Prepare: a user to delete, and a token of the issuer npm start trusts (npm run token).
      const created = await fetch(`${server.url}/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Grace Hopper', email: 'grace.docs@example.com' }),
      });
      const { id } = (await created.json()) as { id: string };
      const token = devToken(loadDevIssuer(REPOSITORY), {
        scopes: ['users/write'],
        subject: 'docs-test',
        expiresInSeconds: 600,
      });
      const page = await browser.newPage();

      // Act: Authorize with the token, then DELETE /users/{id} from its form.
      await page.goto(`${server.url}/docs`);
      await page.locator('.opblock').first().waitFor();
      await page.locator('button.authorize').first().click();
      await page.locator('.modal-ux input').first().fill(token);
      await page.locator('.modal-ux button.authorize').click();
      await page.locator('.modal-ux button.btn-done').click();
      const remove = page.locator('#operations-users-UsersController_remove');
      await remove.locator('.opblock-summary').click();
      await remove.locator('input[placeholder="id"]').fill(id);
      await remove.locator('button.execute').click();
      const status = remove
        .locator('.live-responses-table tr.response .response-col_status')
        .first();
      await status.waitFor();

      // Assess
      expect((await status.textContent())?.trim()).toBe('204');
      expect((await fetch(`${server.url}/users/${id}`)).status).toBe(404);
    });
  },
);
