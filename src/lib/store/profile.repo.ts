import { CODECS } from './codecs';
import type { RepoContext } from './context';
import type { Profile } from './schemas';

const codec = CODECS.profile;

export type ProfileFields = Omit<Profile, 'updatedAt'>;

/** What the person chose to tell about themselves; every field is optional. */
export class ProfileRepo {
  constructor(private readonly ctx: RepoContext) {}

  async get(): Promise<Profile | undefined> {
    const row = await this.ctx.backend.get('profile', 'main');
    return row && codec.decode(this.ctx.sealer, row);
  }

  /** Replaces the whole profile. */
  async save(fields: ProfileFields): Promise<Profile> {
    const record: Profile = { ...fields, updatedAt: this.ctx.now() };
    const row = await codec.encode(this.ctx.sealer, record);
    await this.ctx.backend.write([{ type: 'put', table: 'profile', row }]);
    return record;
  }

  /** Changes some fields; a field set to `undefined` is removed. */
  async update(patch: Partial<ProfileFields>): Promise<Profile> {
    const { updatedAt: _, ...current } = (await this.get()) ?? { updatedAt: 0 };
    return this.save({ ...current, ...patch });
  }

  async delete(): Promise<void> {
    await this.ctx.backend.write([{ type: 'delete', table: 'profile', id: 'main' }]);
  }
}
