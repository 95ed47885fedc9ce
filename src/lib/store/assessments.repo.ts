import { CODECS } from './codecs';
import type { RepoContext } from './context';
import { newId } from './crypto';
import type { AssessmentResult } from './schemas';

const codec = CODECS.assessments;

export type NewAssessment = Omit<AssessmentResult, 'id' | 'time'> & { time?: number };

/** Questionnaire results (PHQ-9, GAD-7, WHO-5, ...) and free-writing analyses. Results are not edited. */
export class AssessmentsRepo {
  constructor(private readonly ctx: RepoContext) {}

  /** @throws InvalidRecordError, StorageFullError, LockedError */
  async add(input: NewAssessment): Promise<AssessmentResult> {
    const record: AssessmentResult = { ...input, id: newId(), time: input.time ?? this.ctx.now() };
    const row = await codec.encode(this.ctx.sealer, record);
    await this.ctx.backend.write([{ type: 'put', table: 'assessments', row }]);
    return record;
  }

  async get(id: string): Promise<AssessmentResult | undefined> {
    const row = await this.ctx.backend.get('assessments', id);
    return row && codec.decode(this.ctx.sealer, row);
  }

  /** Results oldest first, optionally of one instrument and within `from <= time <= to`. */
  async list(filter: { instrument?: string; from?: number; to?: number } = {}): Promise<AssessmentResult[]> {
    const rows = await this.ctx.backend.query('assessments', {
      orderBy: 'time',
      from: filter.from,
      to: filter.to,
      where: filter.instrument === undefined ? undefined : { field: 'instrument', equals: filter.instrument },
    });
    return Promise.all(rows.map((row) => codec.decode(this.ctx.sealer, row)));
  }

  async delete(id: string): Promise<void> {
    await this.ctx.backend.write([{ type: 'delete', table: 'assessments', id }]);
  }
}
