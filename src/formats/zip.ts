import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { coded, ImportError } from './errors.ts';

/**
 * Zip archives read within limits. A zip's central directory (at its end) lists every entry with
 * its sizes, so an archive whose entries are too many or claim too much is refused before a byte
 * is inflated; an entry whose header lies is stopped as soon as it outgrows what it claimed.
 * Memory therefore never holds more than the limits allow, whatever the archive says: a 1 MB
 * archive that inflates to 1 GiB costs milliseconds.
 *
 * Every importer and upload reads zips here (`readZip` for files, `unzipBytes` for bytes in
 * memory); errors are ImportErrors that name the file and the entry.
 */

export interface ZipLimits {
  /** entries in the archive, counted whether kept or not */
  entries: number;
  /** uncompressed bytes of one kept entry */
  entryBytes: number;
  /** uncompressed bytes of all kept entries together */
  totalBytes: number;
}

const MiB = 1024 * 1024;

/**
 * Room for the real databases (TianGong ILCD: 10,033 entries, 114 MB; US LCI JSON-LD: 6,493
 * entries, 24 MB; the largest single file 0.6 MB) several times over.
 */
export const ZIP_LIMITS: ZipLimits = { entries: 100_000, entryBytes: 64 * MiB, totalBytes: 512 * MiB };

/** A zip refused for its size or number of entries rather than for damage. */
export class ZipLimitError extends ImportError {}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  compressedSize: number;
  /** as the archive declares it; checked while inflating */
  size: number;
  /** where the entry's local header starts */
  offset: number;
  encrypted: boolean;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const utf8 = new TextDecoder();

/** The end of central directory record: searched backwards over the largest possible comment. */
function findEnd(view: DataView, file: string): number {
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= stop; at--) if (view.getUint32(at, true) === EOCD) return at;
  if (view.byteLength >= 4 && view.getUint32(0, true) === LOCAL)
    throw new ImportError(coded('import.zip-truncated', {}), file);
  throw new ImportError(coded('import.not-zip', {}), file);
}

/** Every entry of the archive from its central directory, without inflating anything. */
export function zipDirectory(bytes: Uint8Array, file: string, limits: ZipLimits = ZIP_LIMITS): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view, file);
  let count = view.getUint16(end + 10, true);
  let dirOffset = view.getUint32(end + 16, true);
  if ((count === 0xffff || dirOffset === 0xffffffff) && end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR) {
    const z = Number(view.getBigUint64(end - 12, true));
    if (z + 56 > bytes.length || view.getUint32(z, true) !== ZIP64_EOCD)
      throw new ImportError(coded('import.zip64-damaged', {}), file);
    count = Number(view.getBigUint64(z + 32, true));
    dirOffset = Number(view.getBigUint64(z + 48, true));
  }
  if (count === 0) throw new ImportError(coded('import.zip-empty', {}), file);
  if (count > limits.entries)
    throw new ZipLimitError(coded('import.zip-too-many', { count, limit: limits.entries }), file);

  const entries: ZipEntry[] = [];
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL)
      throw new ImportError(coded('import.zip-directory-damaged', { index: i + 1, count }), file);
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    let compressedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    let offset = view.getUint32(at + 42, true);
    // zip64: the fields that overflow 32 bits are in extra field 0x0001, in this order
    for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength;) {
      const id = view.getUint16(e, true);
      const length = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let f = e + 4;
        const next = () => Number(view.getBigUint64((f += 8) - 8, true));
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (offset === 0xffffffff) offset = next();
      }
      e += 4 + length;
    }
    entries.push({
      name,
      method: view.getUint16(at + 10, true),
      compressedSize,
      size,
      offset,
      encrypted: (flags & 1) === 1,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's bytes, exactly as many as its header declares. */
function inflateEntry(bytes: Uint8Array, entry: ZipEntry, file: string): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { name, offset, size } = entry;
  if (offset + 30 > bytes.length || view.getUint32(offset, true) !== LOCAL)
    throw new ImportError(coded('import.entry-missing', {}), file, name);
  const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new ImportError(coded('import.entry-cut-off', {}), file, name);
  if (entry.encrypted) throw new ImportError(coded('import.entry-encrypted', {}), file, name);
  const data = bytes.subarray(start, start + entry.compressedSize);
  let out: Uint8Array;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) {
    try {
      // zlib stops as soon as the output passes maxOutputLength: a lying header costs no more than it declared;
      // one output chunk of the declared size (within the limits checked before) spares joining 16 KiB pieces
      const inflated = inflateRawSync(data, { maxOutputLength: size + 1, chunkSize: Math.max(64, size + 1) });
      out = new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.length);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        throw new ZipLimitError(coded('import.entry-overflows', { size }), file, name);
      throw new ImportError(coded('import.entry-corrupt', { detail: (e as Error).message }), file, name);
    }
  } else throw new ImportError(coded('import.entry-method', { method: entry.method }), file, name);
  if (out.length > size) throw new ZipLimitError(coded('import.entry-larger', { size }), file, name);
  if (out.length < size) throw new ImportError(coded('import.entry-short', { actual: out.length, size }), file, name);
  return out;
}

/**
 * The entries of a zip in memory, optionally only those whose name passes `keep` (deciding
 * before inflating saves most of the time on databases with large source or actor folders).
 */
export function unzipBytes(
  bytes: Uint8Array,
  file: string,
  keep: (name: string) => boolean = () => true,
  limits: ZipLimits = ZIP_LIMITS,
): Map<string, Uint8Array> {
  const kept = zipDirectory(bytes, file, limits).filter((e) => !e.name.endsWith('/') && keep(e.name));
  let total = 0;
  for (const e of kept) {
    if (e.size > limits.entryBytes)
      throw new ZipLimitError(coded('import.entry-too-big', { size: e.size, limit: limits.entryBytes }), file, e.name);
    total += e.size;
  }
  if (total > limits.totalBytes)
    throw new ZipLimitError(coded('import.zip-too-big', { total, limit: limits.totalBytes }), file);
  return new Map(kept.map((e) => [e.name, inflateEntry(bytes, e, file)]));
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ImportError(coded('import.file-unreadable', { reason: code ?? '' }), basename(path));
  }
}

/** The entries of a zip file; see unzipBytes. */
export async function readZip(
  path: string,
  keep?: (name: string) => boolean,
  limits?: ZipLimits,
): Promise<Map<string, Uint8Array>> {
  return unzipBytes(await readBytes(path), basename(path), keep, limits);
}

/** Every entry name, without inflating anything: for format detection. */
export async function zipEntryNames(path: string, limits?: ZipLimits): Promise<string[]> {
  return zipDirectory(await readBytes(path), basename(path), limits)
    .map((e) => e.name)
    .filter((name) => !name.endsWith('/'));
}

/**
 * Workbooks (.xlsx) are zips that ExcelJS inflates without limits: an upload is inflated here
 * first, within these limits, so that a bomb is refused before ExcelJS sees it. A real template
 * is a few hundred KiB inflated.
 */
export const WORKBOOK_LIMITS: ZipLimits = { entries: 1_000, entryBytes: 32 * MiB, totalBytes: 64 * MiB };

/** Throws what unzipBytes would, or returns when the whole workbook inflates within its limits. */
export function checkWorkbookZip(bytes: Uint8Array, file: string): void {
  unzipBytes(bytes, file, () => true, WORKBOOK_LIMITS);
}
