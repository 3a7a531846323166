import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * HTML to PDF with Debian's Chromium through playwright-core. Starting Chromium costs about as much
 * as printing a report, so one browser per executable is started on first use and kept; each
 * print gets its own context, closed afterwards.
 */

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

const INSTALL_HINT =
  "install Debian's chromium: apt-get install chromium fonts-noto-cjk (or set TANJI_CHROMIUM to a Chromium executable)";

const browsers = new Map<string, Promise<Browser>>();

export async function printPdf(html: string, opts: { executablePath?: string } = {}): Promise<Buffer> {
  const browser = await browserAt(opts.executablePath ?? process.env.TANJI_CHROMIUM ?? '/usr/bin/chromium');
  // the report has no script and loads nothing: refusing both keeps a user string that slipped past escaping inert
  const page = await browser.newPage({ javaScriptEnabled: false, offline: true });
  try {
    await page.setContent(html, { waitUntil: 'load' });
    // page numbers in the bottom margin: Chromium fills pageNumber and totalPages itself
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:8pt;color:#5b6770;width:100%;text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
  } finally {
    await page.context().close();
  }
}

/** A PNG of the page at `width` × `height` CSS pixels, `scale` device pixels per CSS pixel (labels print sharp at 4). */
export async function printPng(
  html: string,
  opts: { width: number; height: number; scale?: number; executablePath?: string },
): Promise<Buffer> {
  const browser = await browserAt(opts.executablePath ?? process.env.TANJI_CHROMIUM ?? '/usr/bin/chromium');
  const page = await browser.newPage({
    javaScriptEnabled: false,
    offline: true,
    viewport: { width: Math.ceil(opts.width), height: Math.ceil(opts.height) },
    deviceScaleFactor: opts.scale ?? 4,
  });
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: opts.width, height: opts.height } });
  } finally {
    await page.context().close();
  }
}

/** Closes every browser printPdf started; the next print starts a new one. */
export async function closePdfBrowser(): Promise<void> {
  const all = [...browsers.values()];
  browsers.clear();
  await Promise.all(all.map(async (p) => (await p.catch(() => null))?.close()));
}

function browserAt(executablePath: string): Promise<Browser> {
  const running = browsers.get(executablePath);
  if (running) return running;
  const launching = launch(executablePath);
  browsers.set(executablePath, launching);
  // a failed launch or a crashed browser must not stay cached: the next print tries again
  launching.then(
    (b) => b.on('disconnected', () => browsers.get(executablePath) === launching && browsers.delete(executablePath)),
    () => browsers.get(executablePath) === launching && browsers.delete(executablePath),
  );
  return launching;
}

async function launch(executablePath: string): Promise<Browser> {
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: ${INSTALL_HINT}`);
  try {
    return await chromium.launch({ executablePath, args: ARGS, timeout: 30_000 });
  } catch (err) {
    throw new Error(
      `could not start Chromium at ${executablePath}: ${(err as Error).message.split('\n')[0]}; ${INSTALL_HINT}`,
      { cause: err },
    );
  }
}
