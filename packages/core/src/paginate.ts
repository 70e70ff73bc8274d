import { call, type CallOptions } from './call.ts';
import type { Client } from './client.ts';
import type { Success } from './envelope.ts';
import { ValidationError } from './errors.ts';
import { format } from './i18n/messages.ts';
import type { Operation } from './operation.ts';

/** A list endpoint's `data`. */
export interface ListData<Item> {
  list: Item[];
  totalCount?: number;
}

export interface PaginateOptions extends Omit<CallOptions, 'throwOnError'> {
  /** Stop after this many items. Required, so that a loop never walks a whole pool by accident. */
  maxItems: number;
  /** Items per request. Default 50, Authing's usual maximum. */
  pageSize?: number;
}

/** One page as the server returned it. */
export interface Page<Item> {
  page: number;
  items: Item[];
  totalCount: number | undefined;
  envelope: Success<ListData<Item>>;
}

/** Iterates items; `pages()` iterates the raw pages instead. */
export interface Paginator<Item> extends AsyncIterable<Item> {
  pages(): AsyncIterable<Page<Item>>;
}

function withPage(paging: string, input: Record<string, unknown>, page: number, limit: number): Record<string, unknown> {
  if (paging !== 'options') return { ...input, page, limit };
  const options = (input.options ?? {}) as Record<string, unknown>;
  return { ...input, options: { ...options, pagination: { ...(options.pagination as object), page, limit } } };
}

/**
 * Walks a `page`/`limit` list endpoint. Failures throw `ApiError` whatever the
 * client's result mode, since an iterator has no envelope to hand back.
 *
 * @example
 * for await (const user of paginate(listUsers, client, {}, { maxItems: 500 })) console.log(user.userId);
 */
export function paginate<Input, Item>(
  operation: Operation<Input, ListData<Item>>,
  client: Client,
  input: Input,
  options: PaginateOptions,
): Paginator<Item> {
  const { spec } = operation;
  const invalid = (field: string, reason: string) =>
    new ValidationError(format(client.messages, 'option', { field, reason }), field);
  if (!spec.paging) throw invalid('operation', `${spec.name} is not a page/limit list endpoint`);
  if (!(Number.isInteger(options?.maxItems) && options.maxItems > 0)) throw invalid('maxItems', 'a whole number above 0');
  const pageSize = options.pageSize ?? 50;
  if (!(Number.isInteger(pageSize) && pageSize > 0)) throw invalid('pageSize', 'a whole number above 0');
  const { maxItems, pageSize: _, ...callOptions } = options;
  const limit = Math.min(pageSize, maxItems);
  const paging = spec.paging;

  async function* pages(): AsyncGenerator<Page<Item>> {
    let seen = 0;
    for (let page = 1; seen < maxItems; page++) {
      const request = withPage(paging, (input ?? {}) as Record<string, unknown>, page, limit);
      const data = (await call(client, spec, request, { ...callOptions, throwOnError: true })) as ListData<Item>;
      const list = Array.isArray(data?.list) ? data.list : [];
      const items = list.slice(0, maxItems - seen);
      seen += items.length;
      const envelope: Success<ListData<Item>> = { statusCode: 200, message: '', data };
      yield { page, items, totalCount: data?.totalCount, envelope };
      const total = data?.totalCount;
      if (list.length < limit || (typeof total === 'number' && page * limit >= total)) return;
    }
  }

  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.items;
    },
  };
}
