/** Drains a paged SDK listing to the end (the SDK follows `nextLink` while we iterate). */
export async function collectPages<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
