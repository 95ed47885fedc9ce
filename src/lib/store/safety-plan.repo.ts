import { CODECS } from './codecs';
import type { RepoContext } from './context';
import type { SafetyPlan } from './schemas';

const codec = CODECS.safetyPlan;

/** The one personal safety plan (start a new one from `emptySafetyPlan()` of the safety module). */
export class SafetyPlanRepo {
  constructor(private readonly ctx: RepoContext) {}

  async get(): Promise<SafetyPlan | undefined> {
    const row = await this.ctx.backend.get('safetyPlan', 'main');
    return row && codec.decode(this.ctx.sealer, row);
  }

  /** Saves the whole plan, replacing the previous one; `updatedAt` is set to now. */
  async save(plan: SafetyPlan): Promise<SafetyPlan> {
    const record: SafetyPlan = { ...plan, updatedAt: this.ctx.now() };
    const row = await codec.encode(this.ctx.sealer, record);
    await this.ctx.backend.write([{ type: 'put', table: 'safetyPlan', row }]);
    return record;
  }

  async delete(): Promise<void> {
    await this.ctx.backend.write([{ type: 'delete', table: 'safetyPlan', id: 'main' }]);
  }
}
