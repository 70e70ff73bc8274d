// v2 named users and roles by ARN in its answers; v3 has no ARNs, so they are built from the pool
// the client was given and the v3 id.

/** v2 user ARNs: `arn:cn:authing:{userPoolId}:user:{id}`. */
export function userArn(userPoolId: string, userId: string): string {
  return `arn:cn:authing:${userPoolId}:user:${userId}`;
}

/** v2 role ARNs: `arn:cn:authing:{userPoolId}:role:{id}`. */
export function roleArn(userPoolId: string, roleId: string): string {
  return `arn:cn:authing:${userPoolId}:role:${roleId}`;
}
