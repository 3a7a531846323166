import type { MiddlewareHandler } from 'hono';

/**
 * Response headers that limit what a page can do even if markup slips through: the web app runs
 * only its own script files (Vite emits no inline script; ECharts draws on canvas and evaluates
 * no strings), so an injected `<script>` or `onerror=` attribute does not run. Styles stay
 * 'unsafe-inline' because React and ECharts' tooltips set style attributes; a style cannot run
 * script. Nothing may frame the app (clickjacking), and no URL leaves in a Referer header.
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** For hosts that serve only JSON (the PACT host): nothing in a response may load or run. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

export interface SecurityHeaderOptions {
  csp: string;
  /** HTTPS-only hosts also tell browsers never to try plain HTTP */
  hsts?: boolean;
}

export function securityHeaders({ csp, hsts = false }: SecurityHeaderOptions): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('Content-Security-Policy', csp);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('X-Frame-Options', 'DENY');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    if (hsts) h.set('Strict-Transport-Security', 'max-age=31536000');
  };
}
