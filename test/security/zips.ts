import { deflateSync } from 'fflate';

/**
 * Hostile zip archives written byte by byte, so that headers can say what a well-behaved writer
 * never would (sizes that lie, entries that are cut off). CRCs are left 0: Tanji's reader checks
 * sizes, not CRCs.
 */

export interface RawEntry {
  name: string;
  /** the stored bytes: already deflated when method is 8 */
  data: Uint8Array;
  /** the uncompressed size the headers declare */
  size: number;
  method?: 0 | 8;
}

const u16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = new TextEncoder().encode(e.name);
    const method = e.method ?? 8;
    const common = [
      ...u16(20),
      ...u16(0x800),
      ...u16(method),
      ...u16(0),
      ...u16(0),
      ...u32(0),
      ...u32(e.data.length),
      ...u32(e.size),
      ...u16(name.length),
      ...u16(0),
    ];
    const local = new Uint8Array([...u32(0x04034b50), ...common, ...name]);
    parts.push(local, e.data);
    central.push(
      new Uint8Array([
        ...u32(0x02014b50),
        ...u16(20),
        ...common,
        ...u16(0),
        ...u16(0),
        ...u16(0),
        ...u32(0),
        ...u32(offset),
        ...name,
      ]),
    );
    offset += local.length + e.data.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array([
    ...u32(0x06054b50),
    ...u16(0),
    ...u16(0),
    ...u16(entries.length),
    ...u16(entries.length),
    ...u32(dirSize),
    ...u32(offset),
    ...u16(0),
  ]);
  return concat([...parts, ...central, end]);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const MiB = 1024 * 1024;

/** 64 MiB of zeros deflated (about 64 KiB), made once. */
let zeros64: Uint8Array | undefined;
export function deflatedZeros64MiB(): Uint8Array {
  zeros64 ??= deflateSync(new Uint8Array(64 * MiB), { level: 9 });
  return zeros64;
}

/** About 1 MB holding 1 GiB: sixteen entries of 64 MiB of zeros, each declared honestly. */
export function gibibyteBomb(): Uint8Array {
  const data = deflatedZeros64MiB();
  return rawZip(Array.from({ length: 16 }, (_, i) => ({ name: `processes/bomb-${i}.json`, data, size: 64 * MiB })));
}

/** One entry that declares 1 KiB and inflates to 64 MiB. */
export function lyingBomb(): Uint8Array {
  return rawZip([{ name: 'processes/liar.json', data: deflatedZeros64MiB(), size: 1024 }]);
}
