import { CODECS, type Codec } from './codecs';
import type { RepoContext } from './context';
import { newId } from './crypto';
import { NotFoundError } from './errors';
import type { JournalEntry, ThoughtRecord } from './schemas';

type DocTable = 'journal' | 'thoughtRecords';
type Doc = { id: string; createdAt: number; updatedAt: number };

/** Editable documents with created/updated times. */
abstract class DocumentRepo<T extends DocTable, R extends Doc> {
  constructor(
    protected readonly ctx: RepoContext,
    private readonly table: T,
    private readonly codec: Codec<T>,
  ) {}

  /** @throws InvalidRecordError, StorageFullError, LockedError */
  async create(input: Omit<R, 'id' | 'createdAt' | 'updatedAt'>): Promise<R> {
    const now = this.ctx.now();
    const record = { ...input, id: newId(), createdAt: now, updatedAt: now } as R;
    await this.#put(record);
    return record;
  }

  async get(id: string): Promise<R | undefined> {
    const row = await this.ctx.backend.get(this.table, id);
    return row && ((await this.codec.decode(this.ctx.sealer, row)) as unknown as R);
  }

  /** @throws NotFoundError */
  async update(id: string, patch: Partial<Omit<R, 'id' | 'createdAt' | 'updatedAt'>>): Promise<R> {
    const current = await this.get(id);
    if (!current) throw new NotFoundError(this.table, id);
    const record = { ...current, ...patch, id, updatedAt: this.ctx.now() };
    await this.#put(record);
    return record;
  }

  /** All documents, newest first. */
  async list(): Promise<R[]> {
    const rows = await this.ctx.backend.query(this.table, { orderBy: 'createdAt', reverse: true });
    return Promise.all(
      rows.map(async (row) => (await this.codec.decode(this.ctx.sealer, row)) as unknown as R),
    );
  }

  async delete(id: string): Promise<void> {
    await this.ctx.backend.write([{ type: 'delete', table: this.table, id }]);
  }

  async #put(record: R): Promise<void> {
    const row = await this.codec.encode(this.ctx.sealer, record as never);
    await this.ctx.backend.write([{ type: 'put', table: this.table, row } as never]);
  }
}

/** Free journal entries. */
export class JournalRepo extends DocumentRepo<'journal', JournalEntry> {
  constructor(ctx: RepoContext) {
    super(ctx, 'journal', CODECS.journal);
  }
}

/** CBT thought records (a half-finished one can be saved and continued). */
export class ThoughtRecordsRepo extends DocumentRepo<'thoughtRecords', ThoughtRecord> {
  constructor(ctx: RepoContext) {
    super(ctx, 'thoughtRecords', CODECS.thoughtRecords);
  }
}
