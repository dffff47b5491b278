import { randomBytes } from 'node:crypto';

/** One-time codes for the login link printed at start: each opens the UI once, then is spent. */
export class LoginCodes {
  private readonly codes = new Map<string, number>();

  constructor(private readonly ttlMs = 24 * 60 * 60 * 1000) {}

  issue(): string {
    const now = Date.now();
    for (const [old, expires] of this.codes) if (expires <= now) this.codes.delete(old);
    const code = randomBytes(18).toString('base64url');
    this.codes.set(code, now + this.ttlMs);
    return code;
  }

  /** True once per issued, unexpired code. */
  consume(code: string): boolean {
    const expires = this.codes.get(code);
    this.codes.delete(code);
    return expires !== undefined && expires > Date.now();
  }
}
