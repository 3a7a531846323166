import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Builds the web app (web/ → web/dist) with Vite when the build is missing or older than its
 * sources, so `npm start` on a fresh clone serves the app without a separate build step. Its
 * sources include src/, which it imports from (the catalogue of src/i18n, the model's types).
 */
export async function ensureWebBuild(root: string): Promise<string> {
  const web = join(root, 'web');
  const dist = join(web, 'dist');
  const built = join(dist, 'index.html');
  const sources = Math.max(newest(web, dist), newest(join(root, 'src'), dist));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return dist;
  console.log('building the web app (vite build web/)…');
  const { build } = await import('vite');
  await build({ configFile: join(web, 'vite.config.ts'), logLevel: 'warn' });
  return dist;
}

function newest(dir: string, skip: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (p === skip || name === 'node_modules') continue;
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p, skip) : s.mtimeMs);
  }
  return t;
}
