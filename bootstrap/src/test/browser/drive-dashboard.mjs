// Drives Debian's Chromium through playwright-core over the admin dashboard: logs in with an API
// key, waits for the message rate to rise above zero while the Java test publishes, finds the
// test's client in the list and in detail, views and deletes a retained message, watches dash/#
// until a published message appears and stops, kicks the client and waits for it to leave the list.
// Prints one line per step (LOGGED_IN, RATE <n>, LISTED, DETAIL, RETAINED_DELETED, WATCHED,
// KICKED), saves screenshots, exits 0; any failure exits non-zero.
//
// Usage: node drive-dashboard.mjs <dashboard-url> <api-key> <screenshot-dir> <client-id> <retained-topic>
import fs from 'node:fs';
import path from 'node:path';
import { closeAndExit, launch } from './chromium-launch.mjs';

const [dashboardUrl, apiKey, screenshotDir, clientId, retainedTopic] = process.argv.slice(2);
const context = await launch({ viewport: { width: 1280, height: 860 } });
const violations = [];
let exitCode = 1;
const shot = async (page, name) => {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, name + '.png'), fullPage: true });
};
try {
  const page = await context.newPage();
  page.on('console', (message) => {
    console.log('page console: ' + message.text());
    if (/Content.Security.Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  page.on('pageerror', (error) => {
    console.log('page error: ' + error.message);
    violations.push(error.message);
  });
  page.on('dialog', (dialog) => dialog.accept());

  await page.goto(dashboardUrl);
  await page.locator('#login').waitFor({ state: 'visible', timeout: 15000 });
  await page.fill('#api-key', 'not-a-key');
  await page.click('#login-form button[type=submit]');
  await page.waitForFunction(() => document.getElementById('login-error').textContent.includes('refused'), null,
    { timeout: 10000 });
  await page.fill('#api-key', apiKey);
  await shot(page, 'dashboard-login');
  await page.click('#login-form button[type=submit]');
  await page.locator('#nav').waitFor({ state: 'visible', timeout: 10000 });
  await page.locator('#rate-chart canvas').waitFor({ timeout: 10000 });
  console.log('LOGGED_IN');

  // the rate is computed from successive polls: it needs two polls and traffic between them
  await page.waitForFunction(() => {
    const rate = Number(document.getElementById('rate-in').textContent.replace(/,/g, ''));
    const points = Number(document.getElementById('rate-chart').dataset.points || 0);
    return rate > 0 && points >= 4;
  }, null, { timeout: 30000 });
  console.log('RATE ' + (await page.textContent('#rate-in')) + ' POINTS '
    + (await page.getAttribute('#rate-chart', 'data-points')));
  await shot(page, 'dashboard-overview');

  await page.click('#nav a[data-view=clients]');
  const row = page.locator(`#client-rows tr[data-client="${clientId}"]`);
  await row.waitFor({ timeout: 15000 });
  await page.fill('#client-search', clientId.slice(0, 6));
  await page.waitForFunction(() => document.getElementById('client-count').textContent.endsWith(' of 1'), null,
    { timeout: 10000 });
  console.log('LISTED');
  await shot(page, 'dashboard-clients');

  await row.locator('a').click();
  await page.locator('#subscription-rows td', { hasText: 'dash/#' }).waitFor({ timeout: 10000 });
  console.log('DETAIL');
  await shot(page, 'dashboard-client');

  await page.click('#nav a[data-view=retained]');
  const retained = page.locator(`#retained-rows tr[data-topic="${retainedTopic}"]`);
  await retained.waitFor({ timeout: 10000 });
  await retained.locator('a').click();
  await page.locator('#retained-viewer pre').waitFor({ timeout: 10000 });
  await shot(page, 'dashboard-retained');
  await retained.locator('button[data-delete]').click();
  await retained.waitFor({ state: 'detached', timeout: 10000 });
  console.log('RETAINED_DELETED');

  await page.click('#nav a[data-view=watch]');
  await page.fill('#watch-filter', 'dash/#');
  await page.click('#watch-start');
  await page.locator('#watch-rows tr.watch-row td', { hasText: 'dash/temp' }).first().waitFor({ timeout: 15000 });
  await shot(page, 'dashboard-watch');
  await page.click('#watch-stop');
  await page.waitForFunction(() => document.getElementById('watch-state').textContent === 'Stopped.', null,
    { timeout: 5000 });
  console.log('WATCHED');

  await page.click('#nav a[data-view=clients]');
  await row.waitFor({ timeout: 15000 });
  await row.locator(`button[data-kick="${clientId}"]`).click();
  await row.waitFor({ state: 'detached', timeout: 15000 });
  console.log('KICKED');
  await shot(page, 'dashboard-kicked');

  if (violations.length > 0) {
    throw new Error('the page broke its policy or threw: ' + violations.join(' | '));
  }
  exitCode = 0;
} catch (error) {
  console.log('FAILED ' + error.message);
}
await closeAndExit(context, exitCode);
