import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { pageAs, startApp, type AppUnderTest } from './app-server.ts';

/**
 * A refusal of the API reads in the page's language: on a Chinese page, the label registry shows a
 * missing label by its id, and a malformed id by zod's Chinese words, not the server's English.
 */

let app: AppUnderTest;

before(async () => {
  app = await startApp();
});
after(() => app?.stop());

test('on a Chinese page, a missing and a malformed label id are refused in Chinese', async () => {
  const page = await pageAs(app, null, 'zh');
  const id = '00000000-0000-4000-8000-000000000000';
  await page.goto(`${app.running.url}/#/registry/${id}`);
  const error = page.getByTestId('error');
  await error.waitFor();
  assert.equal((await error.textContent())?.trim(), `标识 ${id} 不存在，或您无权查看`);

  await page.goto(`${app.running.url}/#/registry/not-a-label`);
  await page.getByText('id：无效').waitFor();
  assert.doesNotMatch((await error.textContent()) ?? '', /invalid|expected/i);
  await page.context().close();
});
