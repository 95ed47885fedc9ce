import { CODECS } from './codecs';
import type { RepoContext } from './context';
import { newId } from './crypto';
import { NotFoundError } from './errors';
import type { MoodEntry } from './schemas';

const codec = CODECS.moods;

export interface NewMood {
  /** 1 (worst) to 10 (best), a whole number. */
  score: number;
  emotions?: string[];
  note?: string;
  /** Default: now. */
  time?: number;
}

/** Mood check-ins. */
export class MoodsRepo {
  constructor(private readonly ctx: RepoContext) {}

  /** @throws InvalidRecordError (score outside 1-10), StorageFullError, LockedError */
  async add(input: NewMood): Promise<MoodEntry> {
    const record: MoodEntry = {
      id: newId(),
      time: input.time ?? this.ctx.now(),
      score: input.score,
      emotions: input.emotions ?? [],
      note: input.note,
    };
    await this.#put(record);
    return record;
  }

  async get(id: string): Promise<MoodEntry | undefined> {
    const row = await this.ctx.backend.get('moods', id);
    return row && codec.decode(this.ctx.sealer, row);
  }

  /** @throws NotFoundError */
  async update(id: string, patch: Partial<Omit<MoodEntry, 'id'>>): Promise<MoodEntry> {
    const current = await this.get(id);
    if (!current) throw new NotFoundError('moods', id);
    const record = { ...current, ...patch, id };
    await this.#put(record);
    return record;
  }

  async delete(id: string): Promise<void> {
    await this.ctx.backend.write([{ type: 'delete', table: 'moods', id }]);
  }

  /** Entries with `from <= time <= to`, oldest first (what a chart draws). */
  async listBetween(from: number, to: number): Promise<MoodEntry[]> {
    const rows = await this.ctx.backend.query('moods', { orderBy: 'time', from, to });
    return Promise.all(rows.map((row) => codec.decode(this.ctx.sealer, row)));
  }

  /** The most recent entries, newest first. */
  async latest(limit: number): Promise<MoodEntry[]> {
    const rows = await this.ctx.backend.query('moods', { orderBy: 'time', reverse: true, limit });
    return Promise.all(rows.map((row) => codec.decode(this.ctx.sealer, row)));
  }

  async #put(record: MoodEntry): Promise<void> {
    const row = await codec.encode(this.ctx.sealer, record);
    await this.ctx.backend.write([{ type: 'put', table: 'moods', row }]);
  }
}
