// Debian's Chromium, driven by playwright-core (never `playwright install`: it downloads a browser).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { HarnessError } from './code-server.mjs';

export const chromiumPath = process.env.PM_CHROMIUM ?? '/usr/bin/chromium';

const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * A fresh Chromium profile in `profileDir`; resolves to a persistent context with one page.
 * @param {{ profileDir: string, viewport?: { width: number, height: number } }} options
 */
export async function launchChromium({ profileDir, viewport = { width: 1600, height: 1000 } }) {
  if (!existsSync(chromiumPath)) {
    throw new HarnessError(`Chromium not found at ${chromiumPath}: run \`bash test/vscode-harness/install.sh\` (apt-get install chromium)`);
  }
  let context;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
      viewport,
      timeout: 60_000,
      // Our callers close the browser on signals themselves, after saving screenshots; Playwright's
      // own handlers would race them and exit(130) before code-server is stopped.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    throw new HarnessError(`Chromium could not be started (${chromiumPath}): ${error.message}`);
  }
  const page = context.pages()[0] ?? await context.newPage();
  return { context, page, close: () => closeQuietly(context) };
}

async function closeQuietly(context) {
  try {
    await context.close();
  } catch {
    // Already closed or crashed: playwright has reaped the process either way.
  }
}
