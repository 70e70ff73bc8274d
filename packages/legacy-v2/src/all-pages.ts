/** The most items most v3 list endpoints answer per page. */
export const pageSize = 50;

/**
 * Every item of a paged v3 list, where v2 answered them all at once: pages of `pageSize` are read
 * until one comes back short or the items reach v3's `totalCount`, or after `maxPages` (a bound on
 * a server that keeps answering full pages). `totalCount` is v3's, or the items read if more.
 */
export async function allPages<T>(
  read: (page: number, limit: number) => Promise<{ totalCount: number; list: T[] }>,
  maxPages: number = Number.POSITIVE_INFINITY,
): Promise<{ totalCount: number; list: T[] }> {
  const list: T[] = [];
  let totalCount = 0;
  for (let page = 1; page <= maxPages; page++) {
    const answer = await read(page, pageSize);
    list.push(...answer.list);
    totalCount = Math.max(answer.totalCount, list.length);
    if (answer.list.length < pageSize || list.length >= answer.totalCount) break;
  }
  return { totalCount, list };
}
