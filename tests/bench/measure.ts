// Small timing helpers for benchmarks: medians of repeated runs.
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export async function medianMs(runs: number, fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return Math.round(median(times) * 10) / 10;
}

export const report = (label: string, value: number, unit: string) =>
  console.error(`${label.padEnd(40)} ${String(value).padStart(10)} ${unit}`);

/** Milliseconds one synchronous call takes. */
export const time = (fn: () => unknown): number => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

export const round = (ms: number) => Math.round(ms * 10) / 10;
