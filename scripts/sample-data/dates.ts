/**
 * Calendar dates 'YYYY-MM-DD' as day numbers, for the invented project, problem and
 * target timelines. UTC arithmetic on fixed dates only: nothing reads the clock.
 */
import type { Rng } from "./random.ts";

const DAY_MS = 86_400_000;

export function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** A uniformly random date in [from, to] (to is clamped up to from). */
export function randomDate(rng: Rng, from: string, to: string): string {
  const a = dayNumber(from);
  const b = Math.max(a, dayNumber(to));
  return fromDayNumber(rng.int(a, b));
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** A date-driven record time: 02:00 UTC is 10:00 in China, office hours. */
export function stamp(date: string): string {
  return `${date}T02:00:00Z`;
}
