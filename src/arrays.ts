// Array helpers for lists whose size the input decides (findings, rows, records).
// `target.push(...items)`, `splice(i, n, ...items)` and `Math.max(...values)` pass
// every item as a call argument: past about 100,000 items that overflows the
// stack and ends the whole run. These loop instead.

/** Appends every item to `target` and returns it. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of the values, or `empty` when there are none. */
export function maxOf(values: Iterable<number>, empty = 0): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  return max === -Infinity ? empty : max;
}
