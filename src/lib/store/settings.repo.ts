import { CODECS } from './codecs';
import type { RepoContext } from './context';
import type { JsonValue, Setting } from './schemas';

const codec = CODECS.settings;

/**
 * Key/value settings. Values are encrypted unless saved with `{ clear: true }`, which is for the few the
 * locked screen needs (its language, the idle-lock time) and never for anything the person wrote.
 */
export class SettingsRepo {
  constructor(private readonly ctx: RepoContext) {}

  /** The value, or `undefined`. A clear value is readable while locked; others throw `LockedError`. */
  async get(key: string): Promise<JsonValue | undefined> {
    const row = await this.ctx.backend.get('settings', key);
    return row && (await codec.decode(this.ctx.sealer, row)).value;
  }

  async set(key: string, value: JsonValue, options: { clear?: boolean } = {}): Promise<void> {
    const row = await codec.encode(this.ctx.sealer, { key, value, clear: options.clear ? true : undefined });
    await this.ctx.backend.write([{ type: 'put', table: 'settings', row }]);
  }

  async delete(key: string): Promise<void> {
    await this.ctx.backend.write([{ type: 'delete', table: 'settings', id: key }]);
  }

  /** Every setting (needs the key unless all are clear). */
  async all(): Promise<Setting[]> {
    const rows = await this.ctx.backend.all('settings');
    return Promise.all(rows.map((row) => codec.decode(this.ctx.sealer, row)));
  }
}
