import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { ensureWebBuild } from '../../src/cli/web-build.ts';
import { serve, type Running } from '../../src/server/main.ts';
import { jobsIdle } from '../../src/server/jobs.ts';
import type { Store } from '../../src/store/index.ts';
import { root } from '../cli/run.ts';
import { platform } from '../server/platform.ts';

/** The platform with its demo, the built web app served on a free port, and Chromium: what a browser test drives. */
export interface AppUnderTest {
  store: Store;
  running: Running;
  browser: Browser;
  stop(): Promise<void>;
}

export async function startApp(): Promise<AppUnderTest> {
  const { store } = await platform();
  const running = await serve(store, { port: 0, webDir: await ensureWebBuild(root) });
  const browser = await launchChromium();
  return {
    store,
    running,
    browser,
    async stop() {
      await browser.close();
      await jobsIdle();
      await running.close();
      await store.close();
    },
  };
}

/**
 * A new page (1440 × 900 unless another width is given) in the given language, signed in as the
 * account (none: anonymous); `chartRenderer: 'svg'` draws charts as SVG, whose labels can be measured.
 */
export async function pageAs(
  app: AppUnderTest,
  account: { email: string; password: string } | null,
  lang: 'zh' | 'en',
  options: { width?: number; chartRenderer?: 'svg' } = {},
): Promise<Page> {
  const context = await app.browser.newContext({
    viewport: { width: options.width ?? 1440, height: 900 },
    acceptDownloads: true,
  });
  await context.addInitScript(
    ([l, renderer]) => {
      localStorage.setItem('tanji.lang', l);
      if (renderer) localStorage.setItem('tanji.chartRenderer', renderer);
    },
    [lang, options.chartRenderer ?? ''] as const,
  );
  const page = await context.newPage();
  await page.goto(app.running.url);
  if (account?.email) {
    await page.getByTestId('login-email').fill(account.email);
    await page.getByTestId('login-password').fill(account.password);
    await page.getByTestId('login-submit').click();
    await page.locator('.header .user').waitFor();
  }
  return page;
}
