import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * An exclusive lock file for the PGlite data directory. PGlite runs PostgreSQL inside this
 * process with no shared-memory coordination, so two processes opening one directory at once
 * corrupt it; a second process waits here until the first closes its store (or dies).
 * The file holds "<host> <pid> <token>[ <holder>]": a lock whose process is gone on this host is
 * stale and is broken; a lock from another host (a shared network directory) is never broken, only
 * waited for. A holder that says what it is (the running server) keeps the directory for as long
 * as it runs, so waiting for it is pointless: a second process is told at once, in the holder's words.
 */

export interface FileLock {
  release(): void;
}

/** The directory is held by a long-running process that said what it is. */
export class HeldByError extends Error {
  constructor(
    readonly holder: string,
    readonly pid: number,
  ) {
    super(holder);
    this.name = 'HeldByError';
  }
}

const POLL_MS = 100;

/** `holder`: what this process is, when it holds the lock for as long as it runs (one line). */
export async function acquireLock(file: string, timeoutMs: number, holder?: string): Promise<FileLock> {
  const mine = `${hostname()} ${process.pid} ${Math.random().toString(36).slice(2)}${holder ? ` ${holder.replace(/\s+/g, ' ')}` : ''}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (tryCreate(file, mine)) return held(file, mine);
    const owner = readOwner(file);
    if (owner !== undefined && isStale(owner)) {
      breakStale(file, owner);
      continue;
    }
    const [, pid, , ...said] = owner?.split(' ') ?? [];
    if (said.length) throw new HeldByError(said.join(' '), Number(pid));
    if (Date.now() >= deadline) {
      throw new Error(
        `the data directory is in use: ${file} is held by ${owner ? `process ${owner.split(' ')[1]} on ${owner.split(' ')[0]}` : 'another process'}; waited ${timeoutMs / 1000} s`,
      );
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Written aside and linked into place, so the lock never exists without its owner in it. */
function tryCreate(file: string, content: string): boolean {
  const temp = `${file}.${process.pid}.new`;
  writeFileSync(temp, content);
  try {
    linkSync(temp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    unlinkSync(temp);
  }
}

function readOwner(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // released between our create attempt and this read: just try again
    return undefined;
  }
}

function isStale(owner: string): boolean {
  const [host, pidText] = owner.split(' ');
  if (host !== hostname()) return false;
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Two waiters may both see the same stale lock; renaming is atomic, so only one of them takes
 * it away, and a waiter that took a fresh lock by mistake (the other waiter's new one) puts it back.
 */
function breakStale(file: string, seen: string) {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch {
    return;
  }
  const taken = readFileSync(aside, 'utf8');
  if (taken !== seen) {
    try {
      linkSync(aside, file);
    } catch {
      unlinkSync(aside);
      throw new Error(`lost a race breaking the stale lock ${file}; retry`);
    }
  }
  unlinkSync(aside);
}

function held(file: string, mine: string): FileLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (readOwner(file) === mine) unlinkSync(file);
  };
  process.on('exit', release);
  return { release };
}
