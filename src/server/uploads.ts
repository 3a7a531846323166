import type { Context } from 'hono';
import { ApiError, coded } from './errors.ts';
import type { UploadWhat } from '../i18n/api.ts';

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
      coded('api.field-problem', {
        field: 'X-File-Name',
        problem: coded('api.file-name-too-long', { max: FILE_NAME_MAX, length: raw.length }),
      }),
    );
  return raw.split(/[\\/]/).pop()!.trim() || fallback;
}

/** The request body of an upload, refused when empty. */
export async function uploadBody(c: Context, what: UploadWhat): Promise<Uint8Array> {
  const data = new Uint8Array(await c.req.arrayBuffer());
  if (data.length === 0)
    throw new ApiError(
      400,
      'invalid-request',
      coded('api.field-problem', {
        field: coded('api.body', {}),
        problem: coded('api.empty-upload', { what: coded(what, {}) }),
      }),
    );
  return data;
}
