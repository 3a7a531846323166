/**
 * fetch for the Tanji API: the session travels in an HttpOnly cookie that script cannot read;
 * unsafe requests repeat the session's CSRF token (from its readable cookie) in a header. Turns
 * `{error:{code,message,details}}` bodies into ApiError, and reports an expired session once so
 * the app can return to sign-in.
 */

const CSRF_COOKIE = 'tanji_csrf';
const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function csrfToken(): string | null {
  const found = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return found ? decodeURIComponent(found.slice(CSRF_COOKIE.length + 1)) : null;
}

// Earlier versions kept the session token in localStorage, where any script could read it.
if (typeof window !== 'undefined') window.localStorage.removeItem('tanji.token');

export const session = {
  /** whether the browser holds a session (its CSRF cookie lives as long as the session cookie) */
  present: (): boolean => csrfToken() !== null,
  /** forgets an expired session, so the next start does not check it again */
  forget: () => {
    document.cookie = `${CSRF_COOKIE}=; Path=/; Max-Age=0; SameSite=Strict`;
  },
};

/** The catalogue words of an error (src/i18n): rendered in the reader's language where the app knows the code. */
export interface ErrorWords {
  code: string;
  params: Record<string, unknown>;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly words?: ErrorWords,
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
  const method = options.method ?? 'GET';
  const csrf = csrfToken();
  if (csrf && !SAFE_METHODS.has(method)) headers.set(CSRF_HEADER, csrf);
  let body: BodyInit | undefined = options.body;
  if (options.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(options.json);
  } else if (options.contentType) {
    headers.set('Content-Type', options.contentType);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, NETWORK_ERROR, e instanceof Error ? e.message : String(e));
  }
  if (response.ok) return response;
  const error = await readError(response);
  // A 401 without a session is a failed sign-in, which the sign-in page shows itself.
  if (response.status === 401 && csrf) {
    session.forget();
    sessionExpired();
  }
  throw error;
}

async function readError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(text) as {
      error?: {
        code?: string;
        message?: string;
        messageCode?: string;
        params?: Record<string, unknown>;
        details?: unknown;
      };
    };
    const error = parsed.error;
    if (error?.message) {
      const words = error.messageCode
        ? { code: error.messageCode, params: error.params ?? {}, message: error.message }
        : undefined;
      return new ApiError(response.status, error.code ?? String(response.status), error.message, error.details, words);
    }
  } catch {
    // not JSON: a proxy or the dev server answered, not the API
  }
  return new ApiError(
    response.status,
    String(response.status),
    `HTTP ${response.status} ${response.statusText}`.trim(),
  );
}

export async function getJson<T>(path: string): Promise<T> {
  return (await request(path)).json() as Promise<T>;
}

export async function sendJson<T>(method: string, path: string, json: unknown): Promise<T> {
  return (await request(path, { method, json })).json() as Promise<T>;
}
