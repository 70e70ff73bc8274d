// auth0 v7 per-resource entry point (Fern-generated UsersClient), as in perf-anchors §1.2.
import { UsersClient } from 'auth0/users';

const users = new UsersClient({ token: 't', baseUrl: 'https://example.auth0.com/api/v2' });
export const run = () => users.list({ q: 'a' });
