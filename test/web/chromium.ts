import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, headless, as every browser test drives it (TANJI_CHROMIUM names another). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.TANJI_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
