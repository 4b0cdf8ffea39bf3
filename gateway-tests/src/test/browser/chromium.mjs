// Starts Debian's Chromium (never a downloaded browser) the way this machine needs it: headless, as root without the
// sandbox, with the background services that would dial out turned off, and a fresh, throw-away profile.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.KG_CHROMIUM || '/usr/bin/chromium';

export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A browser context on a fresh --user-data-dir (playwright passes it as that flag); close() removes the profile. */
export async function launch(viewport = { width: 1400, height: 900 }) {
  const profile = mkdtempSync(join(tmpdir(), 'kg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, chromiumSandbox: false, args: FLAGS, viewport, timeout: 60_000,
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
