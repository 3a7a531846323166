import type { LogHead, RegistryEntry } from '../model/credential.ts';
import { hashOf } from './digest.ts';
import { addProof, checkProof, type Signer } from './proof.ts';

/**
 * The registry as an append-only log: every label issued, superseded or revoked is one entry
 * that names the hash of the entry before it, and the registry key signs the head (last seq and
 * hash). Rewriting an entry changes its hash, which the next entry no longer names; rewriting the
 * whole tail to match changes the head, whose signature no longer holds. Anyone who kept an old
 * head can also check that the log still passes through it. Pure; runs in the browser.
 */

export const GENESIS = '0'.repeat(64);

export type NewEntry = Omit<RegistryEntry, 'seq' | 'prev'>;

/** The next entry after `last` (null for the first), chained to it. */
export async function nextEntry(last: RegistryEntry | null, entry: NewEntry): Promise<RegistryEntry> {
  return { ...entry, seq: (last?.seq ?? 0) + 1, prev: last ? await hashOf(last) : GENESIS };
}

export async function signHead(last: RegistryEntry | null, signer: Signer, at: string): Promise<LogHead> {
  const head = {
    type: 'TanjiRegistryHead' as const,
    issuer: signer.did,
    seq: last?.seq ?? 0,
    hash: last ? await hashOf(last) : GENESIS,
    at,
  };
  return addProof(head, signer, at);
}

export interface LogProblem {
  seq: number;
  problem: 'gap' | 'broken-chain' | 'head-mismatch' | 'head-signature' | 'head-key' | 'old-head-missing';
  detail: string;
}

/**
 * Every problem of a log read in order: a missing or repeated seq, an entry whose `prev` is not
 * the previous entry's hash, a head that is not the last entry or not signed by `registryKey`,
 * and, given a head kept from earlier, a log that no longer passes through it.
 */
export async function checkLog(
  entries: readonly RegistryEntry[],
  head: LogHead | null,
  registryKey: string | null,
  earlier?: Pick<LogHead, 'seq' | 'hash'>,
): Promise<LogProblem[]> {
  const problems: LogProblem[] = [];
  const hashes: string[] = [];
  let prev = GENESIS;
  for (const [i, e] of entries.entries()) {
    if (e.seq !== i + 1) problems.push({ seq: e.seq, problem: 'gap', detail: `entry ${i + 1} has seq ${e.seq}` });
    if (e.prev !== prev)
      problems.push({
        seq: e.seq,
        problem: 'broken-chain',
        detail: `entry ${e.seq} names ${e.prev.slice(0, 12)}… as the one before, which hashes to ${prev.slice(0, 12)}…`,
      });
    prev = await hashOf(e);
    hashes.push(prev);
  }
  if (head) {
    if (head.seq !== entries.length || head.hash !== (hashes.at(-1) ?? GENESIS))
      problems.push({
        seq: head.seq,
        problem: 'head-mismatch',
        detail: `the signed head names entry ${head.seq} (${head.hash.slice(0, 12)}…), the log ends at ${entries.length} (${(hashes.at(-1) ?? GENESIS).slice(0, 12)}…)`,
      });
    const proof = await checkProof(head);
    if (!proof.valid) problems.push({ seq: head.seq, problem: 'head-signature', detail: proof.reason });
    else if (registryKey && (proof.did !== registryKey || head.issuer !== registryKey))
      problems.push({
        seq: head.seq,
        problem: 'head-key',
        detail: `the head is signed by ${proof.did}, not by the registry key ${registryKey}`,
      });
  }
  if (earlier && earlier.seq > 0 && hashes[earlier.seq - 1] !== earlier.hash) {
    problems.push({
      seq: earlier.seq,
      problem: 'old-head-missing',
      detail: `entry ${earlier.seq} no longer hashes to ${earlier.hash.slice(0, 12)}…, the head kept earlier: history was rewritten`,
    });
  }
  return problems;
}
