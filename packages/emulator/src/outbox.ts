import { randomInt } from 'node:crypto';

/** A passcode the emulator "sent" instead of an SMS or email. */
export interface OutboxMessage {
  kind: 'sms' | 'email';
  /** Phone number (with `phoneCountryCode` prefix when given) or lower-cased email. */
  to: string;
  /** The channel asked for, such as `CHANNEL_LOGIN`. */
  channel: string;
  code: string;
  sentAt: Date;
}

/**
 * Where `send-sms` and `send-email` deliver their codes, for tests and the
 * quickstart to read. It lives in memory only: codes are short-lived secrets
 * and are never written to the data directory.
 */
export class Outbox {
  readonly messages: OutboxMessage[] = [];

  /** The newest code sent to `to`, if any. */
  latest(to: string): OutboxMessage | undefined {
    const key = to.toLowerCase();
    for (let index = this.messages.length - 1; index >= 0; index--) {
      if (this.messages[index]!.to === key) return this.messages[index];
    }
    return undefined;
  }

  clear(): void {
    this.messages.length = 0;
  }
}

/** Codes awaiting use: one live code per (kind, recipient), valid for five minutes, used once. */
export class PassCodes {
  private readonly codes = new Map<string, { code: string; expiresAt: number }>();

  issue(kind: 'sms' | 'email', to: string): string {
    const code = String(randomInt(100000, 1000000));
    this.codes.set(`${kind}:${to.toLowerCase()}`, { code, expiresAt: Date.now() + 5 * 60_000 });
    return code;
  }

  /** True once for the right, unexpired code; the code is then spent. */
  consume(kind: 'sms' | 'email', to: string, code: string): boolean {
    const key = `${kind}:${to.toLowerCase()}`;
    const entry = this.codes.get(key);
    if (!entry || entry.expiresAt < Date.now() || entry.code !== code) return false;
    this.codes.delete(key);
    return true;
  }
}
