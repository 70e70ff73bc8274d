import type { V2PasswordSecurityLevel } from './shapes.ts';

/**
 * v2's local estimate of a password's strength, kept because v3 has no counterpart on the
 * client: 3 (high) with a lower-case letter, an upper-case letter and a digit in 12 characters
 * or more; 2 (middle) with a letter and a digit in 8 or more; else 1 (low). The pool's own
 * policy is enforced by the server at sign-up and password change.
 */
export function passwordSecurityLevel(password: string): V2PasswordSecurityLevel {
  const length = [...password].length;
  const lower = /[a-z]/.test(password);
  const upper = /[A-Z]/.test(password);
  const digit = /\d/.test(password);
  if (length >= 12 && lower && upper && digit) return 3;
  if (length >= 8 && (lower || upper) && digit) return 2;
  return 1;
}
