// Secrets can reach a message through a server echo or a library error, so every
// message and body is passed through here before it is stored on an error.

const patterns: ReadonlyArray<[RegExp, string]> = [
  // Authorization headers and their values: Bearer, Basic, and Authing's AK/SK signature.
  [/\b(Bearer|Basic|authing)\s+[A-Za-z0-9\-._~+/:=]{8,}/gi, '$1 [REDACTED]'],
  // JSON or form fields whose names say they are secret.
  [
    /("?(?:access_?token|refresh_?token|id_?token|access_?key_?secret|app_?secret|client_?secret|secret|password|new_?password|old_?password|pass_?code|code_?verifier)"?\s*[:=]\s*)("[^"]*"|[^\s&,}]+)/gi,
    '$1"[REDACTED]"',
  ],
  // Anything shaped like a JWT.
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, '[REDACTED JWT]'],
];

/** Removes tokens, secrets and passwords from text that may be shown or logged. */
export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
  return out;
}
