// A function's results kept per argument, up to `max` arguments (later ones are computed each time): for
// the import's per-column work, where a few values fill most of 400,000 cells but a column of mostly
// distinct texts must not fill memory. Lives as long as the closure (one sheet's reading or parse).
export function boundedMemo<K, V>(compute: (key: K) => V, max: number): (key: K) => V {
  const seen = new Map<K, V>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined) {
      value = compute(key);
      if (seen.size < max) seen.set(key, value);
    }
    return value;
  };
}
