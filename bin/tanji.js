#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx tanji` works without a build step.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = createRequire(join(root, 'package.json')).resolve('tsx');
const r = spawnSync(process.execPath, ['--import', tsx.startsWith('/') ? `file://${tsx}` : tsx, join(root, 'src/cli/tanji.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
