/**
 * A progress bar on stderr for long work. On a terminal it redraws one line; elsewhere
 * (CI, pipes) it prints at most one line per 10 % so logs stay readable. stdout stays clean
 * for --json and CSV output.
 */
export class Progress {
  private lastDraw = 0;
  private lastDecile = -1;
  private readonly started = Date.now();
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(
    private readonly label: string,
    private readonly quiet = false,
  ) {}

  update(done: number, total: number) {
    if (this.quiet || total <= 0) return;
    const frac = Math.min(1, done / total);
    if (this.tty) {
      const now = Date.now();
      if (now - this.lastDraw < 80 && done < total) return;
      this.lastDraw = now;
      const width = 30;
      const full = Math.round(frac * width);
      const bar = '█'.repeat(full) + '░'.repeat(width - full);
      process.stderr.write(
        `\r${this.label} ${bar} ${(frac * 100).toFixed(0).padStart(3)}% ${done}/${total} ${this.elapsed()}`,
      );
    } else {
      const decile = Math.floor(frac * 10);
      if (decile === this.lastDecile) return;
      this.lastDecile = decile;
      process.stderr.write(`${this.label}: ${decile * 10}% (${done}/${total}) ${this.elapsed()}\n`);
    }
  }

  done(message?: string) {
    if (this.quiet) return;
    if (this.tty) process.stderr.write('\r\x1b[K');
    if (message) process.stderr.write(`${this.label}: ${message} (${this.elapsed()})\n`);
  }

  private elapsed(): string {
    return `${((Date.now() - this.started) / 1000).toFixed(1)} s`;
  }
}
