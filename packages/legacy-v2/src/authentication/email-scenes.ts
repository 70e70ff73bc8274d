import { ValidationError } from '@authing/core';
import type { SendEmailDto } from '@authing/authentication';

/** v2's email scenes (`EmailScene`), or a v3 channel as it is. */
export type V2EmailScene = 'RESET_PASSWORD' | 'VERIFY_EMAIL' | 'CHANGE_EMAIL' | 'MFA_VERIFY' | SendEmailDto['channel'];

// v3 binds each code to what it is for; v2's scenes name the same purposes.
const channels: Readonly<Record<string, SendEmailDto['channel']>> = {
  RESET_PASSWORD: 'CHANNEL_RESET_PASSWORD',
  VERIFY_EMAIL: 'CHANNEL_VERIFY_EMAIL_LINK',
  CHANGE_EMAIL: 'CHANNEL_UPDATE_EMAIL',
  MFA_VERIFY: 'CHANNEL_VERIFY_MFA',
};

const v3Channels: ReadonlySet<string> = new Set<SendEmailDto['channel']>([
  'CHANNEL_LOGIN', 'CHANNEL_REGISTER', 'CHANNEL_RESET_PASSWORD', 'CHANNEL_VERIFY_EMAIL_LINK', 'CHANNEL_UPDATE_EMAIL', 'CHANNEL_BIND_EMAIL',
  'CHANNEL_UNBIND_EMAIL', 'CHANNEL_VERIFY_MFA', 'CHANNEL_UNLOCK_ACCOUNT', 'CHANNEL_COMPLETE_EMAIL', 'CHANNEL_DELETE_ACCOUNT',
]);

/** The v3 channel of a v2 scene. */
export function emailChannel(scene: string): SendEmailDto['channel'] {
  const channel = channels[scene] ?? (v3Channels.has(scene) ? (scene as SendEmailDto['channel']) : undefined);
  if (!channel) throw new ValidationError(`invalid \`scene\`: one of ${[...Object.keys(channels), ...v3Channels].join(', ')}`, 'scene');
  return channel;
}
