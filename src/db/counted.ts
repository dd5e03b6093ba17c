/**
 * The D1 binding, counted: every statement run through it is counted in the current
 * request's metrics (src/lib/request-metrics.ts): queries, round trips, time waiting.
 * Wraps the binding itself, so every query function works on it unchanged; outside a
 * request (the cron, scripts) it only passes calls through.
 */
import { countD1Call } from "../lib/request-metrics.ts";

const INNER = Symbol("inner statement");
const RUNS = new Set<PropertyKey>(["first", "all", "run", "raw"]);

type Fn = (...args: unknown[]) => unknown;

function countedStatement(statement: D1PreparedStatement): D1PreparedStatement {
  return new Proxy(statement, {
    get(target, prop) {
      if (prop === INNER) return target;
      const value = Reflect.get(target, prop, target) as unknown;
      if (prop === "bind") {
        return (...args: unknown[]) => countedStatement(target.bind(...args));
      }
      if (RUNS.has(prop)) {
        return (...args: unknown[]) =>
          countD1Call(1, () => (value as Fn).apply(target, args) as Promise<unknown>);
      }
      return typeof value === "function" ? (value as Fn).bind(target) : value;
    },
  });
}

const inner = (s: D1PreparedStatement): D1PreparedStatement =>
  (s as unknown as Record<symbol, D1PreparedStatement>)[INNER] ?? s;

/** The binding (or one of its sessions) with every call counted. */
export function countedD1<T extends D1Database | D1DatabaseSession>(db: T): T {
  return new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      switch (prop) {
        case "prepare":
          return (sql: string) => countedStatement(target.prepare(sql));
        case "batch":
          return (statements: D1PreparedStatement[]) =>
            countD1Call(statements.length, () => target.batch(statements.map(inner)));
        case "exec":
          return (sql: string) => countD1Call(1, () => (target as D1Database).exec(sql));
        case "withSession":
          return (constraint?: string) =>
            countedD1((target as D1Database).withSession(constraint as never));
        default:
          return typeof value === "function" ? (value as Fn).bind(target) : value;
      }
    },
  });
}
