/**
 * The encodings a did:key Ed25519 key and a Data Integrity proof value are written in: base58btc
 * (the Bitcoin alphabet) behind the multibase prefix "z", and the multicodec prefix 0xed 0x01 that
 * marks the 32 bytes as an Ed25519 public key. Pure; runs in the browser.
 */

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));
const ED25519_PUB = [0xed, 0x01];

export function base58btc(bytes: Uint8Array): string {
  // big-endian base conversion, digits kept least significant first
  const digits: number[] = [];
  for (const byte of bytes) {
    let carry = byte;
    for (let i = 0; i < digits.length; i++) {
      carry += digits[i]! * 256;
      digits[i] = carry % 58;
      carry = Math.floor(carry / 58);
    }
    for (; carry > 0; carry = Math.floor(carry / 58)) digits.push(carry % 58);
  }
  // every leading zero byte is one leading "1"
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  return (
    '1'.repeat(zeros) +
    digits
      .reverse()
      .map((d) => ALPHABET[d])
      .join('')
  );
}

export function fromBase58btc(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text) {
    let carry = INDEX.get(ch);
    if (carry === undefined) throw new Error(`"${ch}" is not a base58btc character`);
    for (let i = 0; i < bytes.length; i++) {
      carry += bytes[i]! * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    for (; carry > 0; carry >>= 8) bytes.push(carry & 0xff);
  }
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros++;
  return Uint8Array.from([...new Array<number>(zeros).fill(0), ...bytes.reverse()]);
}

/** did:key of a raw 32-byte Ed25519 public key (W3C CCG did:key method). */
export function didKey(publicKey: Uint8Array): string {
  if (publicKey.length !== 32) throw new Error(`an Ed25519 public key has 32 bytes, got ${publicKey.length}`);
  return `did:key:z${base58btc(Uint8Array.from([...ED25519_PUB, ...publicKey]))}`;
}

/** The raw Ed25519 public key a did:key (or its verification method did:key:…#…) names. */
export function publicKeyOf(did: string): Uint8Array {
  const m = /^did:key:z([1-9A-HJ-NP-Za-km-z]+)(?:#z\1)?$/.exec(did);
  if (!m) throw new Error(`"${did}" is not a did:key whose fragment repeats its key`);
  const bytes = fromBase58btc(m[1]!);
  if (bytes.length !== 34 || bytes[0] !== ED25519_PUB[0] || bytes[1] !== ED25519_PUB[1])
    throw new Error(`"${did}" is not an Ed25519 did:key`);
  return bytes.slice(2);
}

/** The verification method of a did:key: the DID with its own key as fragment. */
export const verificationMethodOf = (did: string): string => `${did}#${did.slice('did:key:'.length)}`;

/** The DID a verification method belongs to. */
export const didOf = (verificationMethod: string): string => verificationMethod.split('#')[0]!;
