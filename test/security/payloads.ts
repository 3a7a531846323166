/**
 * Strings an attacker puts in every field a person can type: markup that runs script when a
 * page builds HTML from it, and text that spreadsheets run as a formula.
 */

export const XSS_PAYLOADS = [
  '<img src=x onerror=alert(2)>',
  '<script>alert(3)</script>',
  '"><svg onload=alert(4)>',
] as const;

/** One name holding all of them, for fields that take one value. */
export const XSS_NAME = XSS_PAYLOADS.join(' ');

export const FORMULA_PAYLOADS = [
  '=HYPERLINK("http://evil.example","x")',
  '+1+cmd|" /C calc"!A0',
  '-2+3',
  '@SUM(1,1)',
  '\t=1+1',
  '\r=1+1',
] as const;
