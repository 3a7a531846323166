import { hostname } from 'node:os';
import pino from 'pino';

/**
 * Structured JSON logs (pino), one line per event, with the host and process so that lines from
 * several servers and workers can be merged. TANJI_LOG_LEVEL sets the level (default info; silent
 * under `node --test`, whose output is the test report).
 */
export const log = pino({
  level: process.env.TANJI_LOG_LEVEL ?? (process.env.NODE_TEST_CONTEXT ? 'silent' : 'info'),
  base: { host: hostname(), pid: process.pid },
});
