import type { Context } from 'hono';
import { ApiError } from './errors.ts';

/** The longest upload file name taken: most file systems stop at 255 bytes. */
export const FILE_NAME_MAX = 255;

/**
 * An upload's file name (the X-File-Name header), used only in messages and to pick an importer:
 * limited in length and cut to its last path part, so that neither a long nor a crafted name
 * reaches the file system.
 */
export function uploadFileName(c: Context, fallback: string): string {
  const raw = c.req.header('x-file-name');
  if (raw === undefined || raw.trim() === '') return fallback;
  if (raw.length > FILE_NAME_MAX)
    throw new ApiError(
      400,
      'invalid-request',
      `X-File-Name: a file name has at most ${FILE_NAME_MAX} characters (this one has ${raw.length})`,
    );
  return raw.split(/[\\/]/).pop()!.trim() || fallback;
}

/** The request body of an upload, refused when empty. */
export async function uploadBody(c: Context, what: string): Promise<Uint8Array> {
  const data = new Uint8Array(await c.req.arrayBuffer());
  if (data.length === 0)
    throw new ApiError(400, 'invalid-request', `body: send ${what} as the request body (it was empty)`);
  return data;
}
