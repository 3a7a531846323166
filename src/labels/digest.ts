import { canonicalJson } from '../model/canonical-json.ts';

/**
 * SHA-256 through WebCrypto, which Node and the browser both have: what identifies a result, a
 * benchmark, a credential and a registry entry. Pure apart from that; runs in the browser.
 */

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

export const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The identity of a JSON value: SHA-256 of its RFC 8785 canonical form, in hex. */
export async function hashOf(value: unknown): Promise<string> {
  return hex(await sha256(utf8(canonicalJson(value))));
}
