// Launches Debian's Chromium headless through playwright-core in a fresh profile directory, and
// closes it again; shared by the drivers of the browser tests.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A persistent context in a temporary profile; pass it to close() when done. */
export async function launch(options = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tern-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    ...options,
  });
  context.userDataDir = userDataDir;
  return context;
}

/** Closes the browser, removes its profile and exits with the code. */
export async function closeAndExit(context, exitCode) {
  await context.close();
  fs.rmSync(context.userDataDir, { recursive: true, force: true });
  process.exit(exitCode);
}
