// Drives Debian's Chromium through playwright-core: opens the test page, waits until it is
// subscribed (printing READY so the Java test can publish from TCP), waits for that message in the
// DOM, prints it as RECEIVED, saves a screenshot and exits 0. Any failure exits non-zero.
//
// Usage: node drive-chromium.mjs <page-url> <screenshot-path> <expected-text>
import fs from 'node:fs';
import path from 'node:path';
import { closeAndExit, launch } from './chromium-launch.mjs';

const [pageUrl, screenshotPath, expectedText] = process.argv.slice(2);
const context = await launch();
let exitCode = 1;
try {
  const page = await context.newPage();
  page.on('console', (message) => console.log('page console: ' + message.text()));
  page.on('pageerror', (error) => console.log('page error: ' + error.message));
  await page.goto(pageUrl);
  await page.waitForFunction(() => {
    const text = document.getElementById('status').textContent;
    return text === 'subscribed' || text.startsWith('error') || text.includes('failed') || text.startsWith('closed');
  }, null, { timeout: 20000 });
  const status = await page.textContent('#status');
  if (status !== 'subscribed') {
    throw new Error('page status: ' + status);
  }
  console.log('READY');
  const item = page.locator('#messages li', { hasText: expectedText });
  await item.first().waitFor({ timeout: 20000 });
  console.log('RECEIVED ' + (await item.first().textContent()));
  fs.mkdirSync(path.dirname(screenshotPath), { recursive: true });
  await page.screenshot({ path: screenshotPath });
  exitCode = 0;
} catch (error) {
  console.log('FAILED ' + error.message);
}
await closeAndExit(context, exitCode);
