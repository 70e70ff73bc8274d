/** The SDK's own messages. `{name}` placeholders are filled from the error's parameters. */
export interface Messages {
  required: string;
  notObject: string;
  pathParam: string;
  host: string;
  insecureHost: string;
  timeout: string;
  network: string;
  aborted: string;
  option: string;
}

export type MessageKey = keyof Messages;

/** Fills `{placeholders}` in a catalog entry. */
export function format(messages: Messages, key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
