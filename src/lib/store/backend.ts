/**
 * Where rows live: IndexedDB through Dexie, or plain memory for a session that must leave nothing behind.
 * Repositories are written once against this small interface, so both kinds of store behave the same.
 */
import { liveQuery } from 'dexie';
import { DATA_TABLES, type DataRows, type DataTable, type SolaceDb } from './db';
import { toStoreError } from './errors';

/** An ordered read over an indexed clear column, optionally within one value of another clear column. */
export interface RangeQuery {
  /** Equality on a clear column; Dexie needs the compound index `[field+orderBy]`. */
  where?: { field: string; equals: string };
  /** Indexed numeric column to order by (a time). */
  orderBy: string;
  /** Inclusive lower bound on `orderBy`. */
  from?: number;
  /** Inclusive upper bound on `orderBy`. */
  to?: number;
  reverse?: boolean;
  limit?: number;
}

type OpsFor<T extends DataTable> =
  | { type: 'put'; table: T; row: DataRows[T] }
  | { type: 'putMany'; table: T; rows: DataRows[T][] }
  /** Adds the rows whose id is not there yet; existing rows stay as they are. */
  | { type: 'addMissing'; table: T; rows: DataRows[T][] }
  | { type: 'delete'; table: T; id: string }
  | { type: 'deleteWhere'; table: T; field: string; equals: string }
  | { type: 'clear'; table: T };

/** One write; a list of them is applied all-or-nothing. */
export type WriteOp = { [T in DataTable]: OpsFor<T> }[DataTable];

/** The subset of the Observable contract that Svelte stores, RxJS and Dexie's liveQuery share. */
export interface Observable<T> {
  subscribe(
    observer: ((value: T) => void) | { next?: (value: T) => void; error?: (error: unknown) => void },
  ): { unsubscribe(): void };
}

export interface Backend {
  /** False for the memory backend: nothing is written to any browser storage. */
  readonly persistent: boolean;
  get<T extends DataTable>(table: T, id: string): Promise<DataRows[T] | undefined>;
  all<T extends DataTable>(table: T): Promise<DataRows[T][]>;
  query<T extends DataTable>(table: T, query: RangeQuery): Promise<DataRows[T][]>;
  /** Applies every op, or none of them. Quota failures reject with `StorageFullError`. */
  write(ops: WriteOp[]): Promise<void>;
  /** Re-runs `querier` whenever data it may depend on changes (in any tab, for IndexedDB). */
  observe<R>(querier: () => Promise<R>): Observable<R>;
}

const tablesOf = (ops: WriteOp[]): DataTable[] => [...new Set(ops.map((op) => op.table))];

export class DexieBackend implements Backend {
  readonly persistent = true;
  constructor(readonly db: SolaceDb) {}

  get<T extends DataTable>(table: T, id: string): Promise<DataRows[T] | undefined> {
    return this.db.table<DataRows[T], string>(table).get(id);
  }

  all<T extends DataTable>(table: T): Promise<DataRows[T][]> {
    return this.db.table<DataRows[T], string>(table).toArray();
  }

  query<T extends DataTable>(table: T, q: RangeQuery): Promise<DataRows[T][]> {
    const t = this.db.table<DataRows[T], string>(table);
    const lo = q.from ?? -Infinity;
    const hi = q.to ?? Infinity;
    let coll = q.where
      ? t
          .where(`[${q.where.field}+${q.orderBy}]`)
          .between([q.where.equals, lo], [q.where.equals, hi], true, true)
      : t.where(q.orderBy).between(lo, hi, true, true);
    if (q.reverse) coll = coll.reverse();
    if (q.limit !== undefined) coll = coll.limit(q.limit);
    return coll.toArray();
  }

  async write(ops: WriteOp[]): Promise<void> {
    if (ops.length === 0) return;
    try {
      await this.db.transaction('rw', tablesOf(ops), async () => {
        for (const op of ops) await this.#apply(op);
      });
    } catch (error) {
      throw toStoreError(error);
    }
  }

  async #apply(op: WriteOp): Promise<void> {
    // Typed loosely here: each op already pairs its table with the right row type.
    const t = this.db.table<{ id: string }, string>(op.table);
    switch (op.type) {
      case 'put':
        await t.put(op.row);
        return;
      case 'putMany':
        await t.bulkPut(op.rows);
        return;
      case 'addMissing': {
        const existing = await t.bulkGet(op.rows.map((r) => r.id));
        const missing = op.rows.filter((_, i) => existing[i] === undefined);
        if (missing.length) await t.bulkAdd(missing);
        return;
      }
      case 'delete':
        await t.delete(op.id);
        return;
      case 'deleteWhere':
        await t.where(op.field).equals(op.equals).delete();
        return;
      case 'clear':
        await t.clear();
        return;
    }
  }

  observe<R>(querier: () => Promise<R>): Observable<R> {
    return liveQuery(querier);
  }
}

type Row = { id: string } & Record<string, unknown>;

/** Same ordering IndexedDB gives an index: by key, then by primary key. */
function compareRows(field: string) {
  return (a: Row, b: Row): number => {
    const x = a[field] as number;
    const y = b[field] as number;
    if (x !== y) return x < y ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/**
 * Rows in plain JavaScript memory, gone when the page is. Rows are cloned in and out, as IndexedDB would,
 * so a caller cannot change stored rows by mutating a result.
 */
export class MemoryBackend implements Backend {
  readonly persistent = false;
  readonly #tables = new Map<DataTable, Map<string, Row>>(DATA_TABLES.map((t) => [t, new Map()]));
  readonly #listeners = new Set<() => void>();

  #table(table: DataTable): Map<string, Row> {
    return this.#tables.get(table)!;
  }

  get<T extends DataTable>(table: T, id: string): Promise<DataRows[T] | undefined> {
    const row = this.#table(table).get(id);
    return Promise.resolve(row && (structuredClone(row) as unknown as DataRows[T]));
  }

  all<T extends DataTable>(table: T): Promise<DataRows[T][]> {
    const rows = [...this.#table(table).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return Promise.resolve(structuredClone(rows) as unknown as DataRows[T][]);
  }

  query<T extends DataTable>(table: T, q: RangeQuery): Promise<DataRows[T][]> {
    const lo = q.from ?? -Infinity;
    const hi = q.to ?? Infinity;
    let rows = [...this.#table(table).values()].filter((r) => {
      const k = r[q.orderBy];
      if (typeof k !== 'number' || k < lo || k > hi) return false;
      return !q.where || r[q.where.field] === q.where.equals;
    });
    rows.sort(compareRows(q.orderBy));
    if (q.reverse) rows.reverse();
    if (q.limit !== undefined) rows = rows.slice(0, q.limit);
    return Promise.resolve(structuredClone(rows) as unknown as DataRows[T][]);
  }

  write(ops: WriteOp[]): Promise<void> {
    // Cloning every row first means a row that cannot be cloned fails the write before anything changes.
    const prepared = structuredClone(ops);
    for (const op of prepared) {
      const t = this.#table(op.table);
      switch (op.type) {
        case 'put':
          t.set(op.row.id, op.row as unknown as Row);
          break;
        case 'putMany':
          for (const r of op.rows) t.set(r.id, r as unknown as Row);
          break;
        case 'addMissing':
          for (const r of op.rows) if (!t.has(r.id)) t.set(r.id, r as unknown as Row);
          break;
        case 'delete':
          t.delete(op.id);
          break;
        case 'deleteWhere':
          for (const [id, r] of t) if (r[op.field] === op.equals) t.delete(id);
          break;
        case 'clear':
          t.clear();
          break;
      }
    }
    if (prepared.length) for (const l of this.#listeners) l();
    return Promise.resolve();
  }

  observe<R>(querier: () => Promise<R>): Observable<R> {
    return {
      subscribe: (observer) => {
        const next = typeof observer === 'function' ? observer : observer.next?.bind(observer);
        const error = typeof observer === 'function' ? undefined : observer.error?.bind(observer);
        let closed = false;
        let run = 0;
        const refresh = (): void => {
          const mine = ++run;
          querier().then(
            (value) => {
              if (!closed && mine === run) next?.(value);
            },
            (e: unknown) => {
              if (!closed && mine === run) error?.(e);
            },
          );
        };
        this.#listeners.add(refresh);
        refresh();
        return {
          unsubscribe: () => {
            closed = true;
            this.#listeners.delete(refresh);
          },
        };
      },
    };
  }

  /** Drops every row (the anonymous session's "end now"). */
  clear(): void {
    for (const t of this.#tables.values()) t.clear();
    for (const l of this.#listeners) l();
  }
}
