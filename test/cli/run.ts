import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Runs `tanji` as a user would, in a child process, on its own embedded store in a fresh
 * TANJI_DATA (DATABASE_URL is dropped so a developer's server is never touched). The locale is
 * English unless `locale` says otherwise, so the developer's own LANG does not change what prints.
 */
export function cliInTempStore(prefix: string) {
  const data = mkdtempSync(join(tmpdir(), prefix));
  const inLocale =
    (locale: { LANG?: string; LC_ALL?: string }) =>
    (...args: string[]) => {
      const env: NodeJS.ProcessEnv = { ...process.env, TANJI_DATA: data, LANG: 'C.UTF-8', LC_ALL: '', ...locale };
      delete env.DATABASE_URL;
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/tanji.ts'), ...args], {
        cwd: root,
        env,
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
  return { data, tanji: inLocale({}), inLocale };
}
