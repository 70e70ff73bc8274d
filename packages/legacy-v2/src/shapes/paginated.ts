/** v2's paginated list: `{ totalCount, list }`. */
export interface V2Paginated<T> {
  totalCount: number;
  list: T[];
}

/** What v2's delete-style methods resolved: `{ code: 200, message }`. */
export interface V2CommonMessage {
  code: 200;
  message: string;
}
