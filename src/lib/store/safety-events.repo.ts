import { CODECS } from './codecs';
import type { RepoContext } from './context';
import { newId } from './crypto';
import type { SafetyEvent } from './schemas';

const codec = CODECS.safetyEvents;

export type NewSafetyEvent = Omit<SafetyEvent, 'id' | 'time' | 'categories'> & {
  categories?: string[];
  time?: number;
};

/** A local log of what the safety guards did; it never leaves the device except in the person's own backup. */
export class SafetyEventsRepo {
  constructor(private readonly ctx: RepoContext) {}

  async record(input: NewSafetyEvent): Promise<SafetyEvent> {
    const record: SafetyEvent = {
      ...input,
      categories: input.categories ?? [],
      id: newId(),
      time: input.time ?? this.ctx.now(),
    };
    const row = await codec.encode(this.ctx.sealer, record);
    await this.ctx.backend.write([{ type: 'put', table: 'safetyEvents', row }]);
    return record;
  }

  /** Events oldest first, within `from <= time <= to` when given. */
  async list(range: { from?: number; to?: number } = {}): Promise<SafetyEvent[]> {
    const rows = await this.ctx.backend.query('safetyEvents', {
      orderBy: 'time',
      from: range.from,
      to: range.to,
    });
    return Promise.all(rows.map((row) => codec.decode(this.ctx.sealer, row)));
  }

  async clear(): Promise<void> {
    await this.ctx.backend.write([{ type: 'clear', table: 'safetyEvents' }]);
  }
}
