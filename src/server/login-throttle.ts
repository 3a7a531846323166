/**
 * Slows password guessing: after MAX_FAILURES wrong passwords for one email within WINDOW_MS,
 * sign-in for that email is refused until the window ends. In memory, per server process.
 */

const MAX_FAILURES = 10;
const WINDOW_MS = 15 * 60_000;

export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();

  /** Seconds until the email may try again, or 0. */
  retryAfter(email: string, now = Date.now()): number {
    const f = this.failures.get(key(email));
    if (!f || now - f.since >= WINDOW_MS) return 0;
    return f.count >= MAX_FAILURES ? Math.ceil((f.since + WINDOW_MS - now) / 1000) : 0;
  }

  failed(email: string, now = Date.now()): void {
    const k = key(email);
    const f = this.failures.get(k);
    if (!f || now - f.since >= WINDOW_MS) this.failures.set(k, { count: 1, since: now });
    else f.count++;
  }

  succeeded(email: string): void {
    this.failures.delete(key(email));
  }
}

const key = (email: string) => email.trim().toLowerCase();
