// Small timing helpers for benchmarks: medians of repeated runs, a child process's wall time and peak RSS.
import { spawnSync } from 'node:child_process';
import { ROOT } from '../helpers/run-cli.ts';

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

/** Milliseconds of CPU (user + system) one synchronous call takes: steadier than wall time on a shared VM. */
export const cpuTime = (fn: () => unknown): number => {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
};

export const round = (ms: number) => Math.round(ms * 10) / 10;

export interface Timed {
  seconds: number;
  /** User + system CPU seconds: steadier than `seconds` on a shared VM. */
  cpuSeconds: number;
  peakMb: number;
  code: number | null;
  stdout: string;
}

/** Wall time and peak RSS of a child process, from /usr/bin/time -v. */
export function timed(cmd: string, args: string[]): Timed {
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const wall = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)/.exec(r.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const cpu = ['User', 'System'].map((k) =>
    Number(new RegExp(`${k} time \\(seconds\\): ([\\d.]+)`).exec(r.stderr)?.[1]),
  );
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  return {
    seconds: Math.round(seconds * 10) / 10,
    cpuSeconds: Math.round(((cpu[0] ?? NaN) + (cpu[1] ?? NaN)) * 10) / 10,
    peakMb: rss ? Math.round(Number(rss[1]) / 1024) : NaN,
    code: r.status,
    stdout: r.stdout,
  };
}
