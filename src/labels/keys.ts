import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  generateKeyPairSync,
  randomBytes,
  sign,
} from 'node:crypto';
import {
  insertKey,
  liveKey,
  lockRegistry,
  retireKey,
  storedMasterKey,
  type KeyRow,
  type SealedKey,
  type Store,
} from '../store/index.ts';
import { didKey } from './multibase.ts';
import type { Signer } from './proof.ts';

/**
 * Ed25519 key pairs of verifier organisations and of the registry (Node's crypto). The public key
 * is its did:key, published; the private key (PKCS#8) is sealed with AES-256-GCM under a master
 * key, with the DID as associated data so a sealed key cannot be moved to another DID. The master
 * key is TANJI_KEY_ENCRYPTION_KEY (32 bytes, base64 or hex) when configured; otherwise one made on
 * first use and kept in the store, which protects a copied key column but not a copied store:
 * production servers configure their own.
 */

export class KeyConfigError extends Error {}

function configuredMasterKey(): Buffer | null {
  const raw = process.env.TANJI_KEY_ENCRYPTION_KEY?.trim();
  if (!raw) return null;
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32)
    throw new KeyConfigError(
      `TANJI_KEY_ENCRYPTION_KEY must be 32 bytes in hex (64 digits) or base64, it decodes to ${key.length}`,
    );
  return key;
}

async function masterKey(store: Store, kek: SealedKey['kek']): Promise<Buffer> {
  if (kek === 'config') {
    const key = configuredMasterKey();
    if (!key)
      throw new KeyConfigError('this signing key was sealed under TANJI_KEY_ENCRYPTION_KEY, which is not set now');
    return key;
  }
  return Buffer.from(await storedMasterKey(store, () => randomBytes(32).toString('base64')), 'base64');
}

export function seal(pkcs8: Buffer, did: string, key: Buffer, kek: SealedKey['kek']): SealedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(did));
  const data = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return {
    alg: 'aes-256-gcm',
    kek,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

export function unseal(sealed: SealedKey, did: string, key: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'))
    .setAAD(Buffer.from(did))
    .setAuthTag(Buffer.from(sealed.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  } catch {
    throw new KeyConfigError(
      `the private key of ${did} does not open with the ${sealed.kek === 'config' ? 'configured TANJI_KEY_ENCRYPTION_KEY' : "store's master key"}: wrong master key, or the sealed key was altered`,
    );
  }
}

/** A new Ed25519 key pair: its did:key and the PKCS#8 private key. */
export function newKeyPair(): { did: string; pkcs8: Buffer } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return { did: didKey(raw), pkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }) };
}

export function signerOf(did: string, pkcs8: Buffer): Signer {
  const key = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  return { did, sign: async (data) => new Uint8Array(sign(null, data, key)) };
}

/**
 * The live key of a verifier organisation (companyId) or of the registry (null), made on first
 * use. Creation is serialised with the registry's lock, so two first signatures make one key.
 */
export async function keyFor(
  store: Store,
  purpose: 'verifier' | 'registry',
  companyId: string | null,
): Promise<KeyRow> {
  const found = await liveKey(store, purpose, companyId);
  if (found) return found;
  const configured = configuredMasterKey();
  const kek: SealedKey['kek'] = configured ? 'config' : 'store';
  const master = configured ?? (await masterKey(store, 'store'));
  await store.transaction(async (tx) => {
    await lockRegistry(tx);
    if (await liveKey(tx, purpose, companyId)) return;
    const { did, pkcs8 } = newKeyPair();
    await insertKey(tx, { did, purpose, companyId, sealedKey: seal(pkcs8, did, master, kek) });
  });
  return (await liveKey(store, purpose, companyId))!;
}

export async function signerFor(store: Store, key: KeyRow): Promise<Signer> {
  return signerOf(key.did, unseal(key.sealedKey, key.did, await masterKey(store, key.sealedKey.kek)));
}

/** Retires the live key (compromise, rotation) and makes a new one; labels signed before stay checkable. */
export async function rotateKey(
  store: Store,
  purpose: 'verifier' | 'registry',
  companyId: string | null,
): Promise<KeyRow> {
  const live = await liveKey(store, purpose, companyId);
  if (live) await retireKey(store, live.did);
  return keyFor(store, purpose, companyId);
}
