/**
 * fetch for the Tanji API: adds the bearer token, turns `{error:{code,message,details}}` bodies
 * into ApiError, and reports an expired session once so the app can return to sign-in.
 */

const TOKEN_KEY = 'tanji.token';

export const token = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (value: string) => localStorage.setItem(TOKEN_KEY, value),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** status 0: the request never got an answer */
export const NETWORK_ERROR = 'network';

let sessionExpired: () => void = () => {};

export function onSessionExpired(handler: () => void): void {
  sessionExpired = handler;
}

export interface RequestOptions {
  method?: string;
  json?: unknown;
  body?: Blob;
  contentType?: string;
  headers?: Record<string, string>;
}

export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  const bearer = token.get();
  if (bearer) headers.set('Authorization', `Bearer ${bearer}`);
  let body: BodyInit | undefined = options.body;
  if (options.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(options.json);
  } else if (options.contentType) {
    headers.set('Content-Type', options.contentType);
  }
  let response: Response;
  try {
    response = await fetch(path, { method: options.method ?? 'GET', headers, body });
  } catch (e) {
    throw new ApiError(0, NETWORK_ERROR, e instanceof Error ? e.message : String(e));
  }
  if (response.ok) return response;
  const error = await readError(response);
  // A 401 without a token is a failed sign-in, which the sign-in page shows itself.
  if (response.status === 401 && bearer) {
    token.clear();
    sessionExpired();
  }
  throw error;
}

async function readError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(text) as { error?: { code?: string; message?: string; details?: unknown } };
    if (parsed.error?.message) return new ApiError(response.status, parsed.error.code ?? String(response.status), parsed.error.message, parsed.error.details);
  } catch {
    // not JSON: a proxy or the dev server answered, not the API
  }
  return new ApiError(response.status, String(response.status), `HTTP ${response.status} ${response.statusText}`.trim());
}

export async function getJson<T>(path: string): Promise<T> {
  return (await request(path)).json() as Promise<T>;
}

export async function sendJson<T>(method: string, path: string, json: unknown): Promise<T> {
  return (await request(path, { method, json })).json() as Promise<T>;
}
