/** The Relay-style connection shape the API returns for every list. */
export interface Connection<T> {
  totalCount: number;
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Variables for a page jump: the API accepts `offset` next to `first`/`after`. */
export function pageVariables(pageIndex: number, pageSize: number): { first: number; offset: number } {
  return { first: pageSize, offset: (pageIndex - 1) * pageSize };
}
