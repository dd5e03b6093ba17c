/**
 * Resident memory of the workerd processes serving the site (Linux /proc), sampled while
 * something runs: what the export benchmark and the streaming test measure.
 */
import { readdirSync, readFileSync } from "node:fs";

/** PIDs of the workerd processes in a process group (wrangler dev's children). */
export function workerdInGroup(group: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the ")" that ends the command name: state ppid pgrp ...
      const [name, rest] = [
        stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")),
        stat.slice(stat.lastIndexOf(")") + 2),
      ];
      const pgrp = Number(rest.split(" ")[2]);
      if (pgrp === group && name.startsWith("workerd")) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** Resident set size of a process in bytes (0 if it is gone). */
export function rssBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? 0);
    return kb * 1024;
  } catch {
    return 0;
  }
}

/** Runs `work` while sampling the summed RSS of `pids` every `everyMs`; returns the peak. */
export async function peakRssDuring<T>(
  pids: readonly number[],
  work: () => Promise<T>,
  everyMs = 20,
): Promise<{ result: T; peak: number; before: number }> {
  const total = () => pids.reduce((sum, pid) => sum + rssBytes(pid), 0);
  const before = total();
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, total());
  }, everyMs);
  try {
    const result = await work();
    peak = Math.max(peak, total());
    return { result, peak, before };
  } finally {
    clearInterval(timer);
  }
}
