// Baseline: the transport our core is built on, alone (default export, one call).
import ky from 'ky';

export const run = () => ky.get('https://example.com/api/v3/list-users', { searchParams: { keywords: 'a' } }).json();
