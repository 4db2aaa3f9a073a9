import { createHash } from 'node:crypto';
import { CompiledQuery, type Compilable, type QueryResult } from 'kysely';
import { isSqlite } from './dialect.js';
import type { Executor } from './schema.js';

type Slot<P> = { param: keyof P } | { constant: unknown };

/**
 * A query of fixed shape, built with Kysely once per dialect and then run with fresh parameters.
 * Kysely builds and compiles a query on every call, and on the hot posting path that costs more
 * than SQLite takes to run the statement. The query is built with a unique marker in place of each
 * parameter; the markers are found again in the compiled parameter list, so the SQL text is
 * exactly what Kysely generates and only the values change.
 */
export function preparedQuery<P extends Record<string, unknown>, R = unknown>(
  params: ReadonlyArray<keyof P & string>,
  build: (db: Executor, marks: P) => Compilable<R>,
): (db: Executor, values: P) => Promise<QueryResult<R>> {
  const compiled = new Map<'sqlite' | 'postgres', { sql: string; slots: Slot<P>[] }>();
  return (db, values) => {
    const dialect = isSqlite(db) ? 'sqlite' : 'postgres';
    let plan = compiled.get(dialect);
    if (!plan) {
      plan = compile(db, params, build);
      compiled.set(dialect, plan);
    }
    const parameters = plan.slots.map((slot) => ('param' in slot ? values[slot.param] : slot.constant));
    return db.executeQuery<R>(CompiledQuery.raw(plan.sql, parameters) as CompiledQuery<R>);
  };
}

function compile<P extends Record<string, unknown>, R>(db: Executor, params: ReadonlyArray<keyof P & string>, build: (db: Executor, marks: P) => Compilable<R>) {
  const marks = Object.fromEntries(params.map((name) => [name, `\u0000param:${name}\u0000`]));
  // The markers stand in for values of any type while the query is built; they never reach the database.
  const query = build(db, marks as unknown as P).compile();
  const byMark = new Map(Object.entries(marks).map(([name, mark]) => [mark, name as keyof P & string]));
  const slots: Slot<P>[] = query.parameters.map((value) => {
    const param = typeof value === 'string' ? byMark.get(value) : undefined;
    return param === undefined ? { constant: value } : { param };
  });
  const used = new Set(slots.flatMap((s) => ('param' in s ? [s.param] : [])));
  const missing = params.filter((p) => !used.has(p));
  if (missing.length > 0) throw new Error(`prepared query does not use parameter(s) ${missing.join(', ')}`);
  if (dialect(db) === 'postgres') namedStatements.set(query.sql, `sr_${createHash('sha1').update(query.sql).digest('hex').slice(0, 16)}`);
  return { sql: query.sql, slots };
}

/**
 * SQL texts of prepared queries and the server-side statement names they run under on PostgreSQL,
 * so each connection parses and plans them once (see `nameStatements` in store.ts).
 */
export const namedStatements = new Map<string, string>();

function dialect(db: Executor): 'sqlite' | 'postgres' {
  return isSqlite(db) ? 'sqlite' : 'postgres';
}

/**
 * Prepared variants of a query whose shape depends only on how many values it takes
 * (e.g. `where id in (?, ?)`), built on first use for each count up to `maxCount`.
 */
export function preparedByCount<R>(
  maxCount: number,
  build: (db: Executor, values: string[]) => Compilable<R>,
): (db: Executor, values: readonly string[]) => Promise<QueryResult<R>> {
  const variants = new Map<number, (db: Executor, values: Record<string, unknown>) => Promise<QueryResult<R>>>();
  return (db, values) => {
    if (values.length === 0 || values.length > maxCount) return db.executeQuery(build(db, [...values]));
    let variant = variants.get(values.length);
    if (!variant) {
      const names = values.map((_, i) => `v${i}`);
      variant = preparedQuery<Record<string, unknown>, R>(names, (inner, marks) => build(inner, names.map((n) => marks[n] as string)));
      variants.set(values.length, variant);
    }
    return variant(db, Object.fromEntries(values.map((v, i) => [`v${i}`, v])));
  };
}
