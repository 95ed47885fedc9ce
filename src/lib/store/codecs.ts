/**
 * How each table turns a plaintext record into a stored row and back. Columns named in `clear` stay readable
 * (ids, times, kinds, roles, conversationId: what indexes need); the record is sealed as JSON into `data`
 * with AES-GCM under the data key, its AAD naming the table, the record id and the field.
 * Records are validated on the way in, so nothing stored can later fail a backup's validation.
 */
import * as v from 'valibot';
import { fromUtf8, openBytes, recordAad, sealBytes, utf8 } from './crypto';
import type { DataRows, DataTable, Sealed } from './db';
import { DataCorruptError, InvalidRecordError } from './errors';
import type { KeySource } from './key-manager';
import {
  AssessmentResultSchema,
  ConversationSchema,
  JournalEntrySchema,
  MessageSchema,
  MoodEntrySchema,
  ProfileSchema,
  SafetyEventSchema,
  SafetyPlanSchema,
  SettingSchema,
  ThoughtRecordSchema,
  type AssessmentResult,
  type Conversation,
  type JournalEntry,
  type Message,
  type MoodEntry,
  type Profile,
  type SafetyEvent,
  type SafetyPlan,
  type Setting,
  type ThoughtRecord,
} from './schemas';

/** The field name in the AAD of the sealed part of a record. */
export const SEALED_FIELD = 'data';

/** Seals and opens JSON values bound to a table, record id and field. */
export class Sealer {
  constructor(readonly keys: KeySource) {}

  async seal(table: DataTable, id: string, value: unknown, field = SEALED_FIELD): Promise<Sealed> {
    const key = this.keys.requireKey();
    return sealBytes(key, utf8(JSON.stringify(value)), recordAad(table, id, field));
  }

  async open<T>(table: DataTable, id: string, sealed: Sealed, field = SEALED_FIELD): Promise<T> {
    const key = this.keys.requireKey();
    try {
      return JSON.parse(fromUtf8(await openBytes(key, sealed, recordAad(table, id, field)))) as T;
    } catch {
      throw new DataCorruptError(table, id);
    }
  }
}

/** The plaintext record type each table holds. */
export interface Records {
  profile: Profile;
  conversations: Conversation;
  messages: Message;
  moods: MoodEntry;
  assessments: AssessmentResult;
  journal: JournalEntry;
  thoughtRecords: ThoughtRecord;
  safetyPlan: SafetyPlan;
  settings: Setting;
  safetyEvents: SafetyEvent;
}

export interface Codec<T extends DataTable> {
  readonly table: T;
  readonly schema: v.GenericSchema<unknown, Records[T]>;
  /** Validates and encrypts; throws `InvalidRecordError` or `LockedError`. */
  encode(sealer: Sealer, record: Records[T]): Promise<DataRows[T]>;
  /** Decrypts; throws `DataCorruptError` or `LockedError`. Clear settings need no key. */
  decode(sealer: Sealer, row: DataRows[T]): Promise<Records[T]>;
}

/** Id of the one record of single-record tables (profile, safety plan). */
export const SINGLETON_ID = 'main';

export function validate<T>(table: string, schema: v.GenericSchema<unknown, T>, record: unknown): T {
  const result = v.safeParse(schema, record);
  if (!result.success) {
    throw new InvalidRecordError(
      table,
      result.issues.slice(0, 5).map((i) => `${v.getDotPath(i) ?? '(record)'}: ${i.message}`),
    );
  }
  return result.output;
}

/**
 * @param clear columns kept in clear for indexing. They are sealed as well, and checked against the sealed copy
 *   on decode, so a clear column cannot be edited (a message moved to another conversation, a role changed)
 *   without the record failing as corrupt.
 */
function sealedCodec<T extends DataTable>(
  table: T,
  schema: v.GenericSchema<unknown, Records[T]>,
  clear: readonly string[],
  { singleton = false }: { singleton?: boolean } = {},
): Codec<T> {
  return {
    table,
    schema,
    async encode(sealer, record) {
      const valid = validate(table, schema, record) as Record<string, unknown>;
      const id = singleton ? SINGLETON_ID : (valid.id as string);
      const row: Record<string, unknown> = { id };
      const secret: Record<string, unknown> = {};
      for (const [k, value] of Object.entries(valid)) {
        if (value === undefined || k === 'id') continue;
        if (clear.includes(k)) row[k] = value;
        secret[k] = value;
      }
      row.data = await sealer.seal(table, id, secret);
      return row as unknown as DataRows[T];
    },
    async decode(sealer, row) {
      const { id, data, ...clearColumns } = row as unknown as { id: string; data: Sealed } & Record<
        string,
        unknown
      >;
      const secret = await sealer.open<Record<string, unknown>>(table, id, data);
      for (const k of clear) {
        // Columns added by a later migration are not in older sealed data; those are not checked.
        if (k in secret && secret[k] !== clearColumns[k]) throw new DataCorruptError(table, id);
      }
      const record = singleton ? { ...secret, ...clearColumns } : { id, ...secret, ...clearColumns };
      return record as unknown as Records[T];
    },
  };
}

const settingsCodec: Codec<'settings'> = {
  table: 'settings',
  schema: SettingSchema,
  async encode(sealer, record) {
    const valid = validate('settings', SettingSchema, record);
    if (valid.clear) return { id: valid.key, value: valid.value };
    return { id: valid.key, data: await sealer.seal('settings', valid.key, valid.value) };
  },
  async decode(sealer, row) {
    if (row.data === undefined) return { key: row.id, value: row.value ?? null, clear: true };
    return { key: row.id, value: await sealer.open('settings', row.id, row.data) };
  },
};

/** One codec per table; the order is the order of a backup. */
export const CODECS: { [T in DataTable]: Codec<T> } = {
  profile: sealedCodec('profile', ProfileSchema, ['updatedAt'], { singleton: true }),
  conversations: sealedCodec('conversations', ConversationSchema, ['createdAt', 'updatedAt']),
  messages: sealedCodec('messages', MessageSchema, ['conversationId', 'role', 'time', 'status', 'modelId']),
  moods: sealedCodec('moods', MoodEntrySchema, ['time']),
  assessments: sealedCodec('assessments', AssessmentResultSchema, ['instrument', 'time']),
  journal: sealedCodec('journal', JournalEntrySchema, ['createdAt', 'updatedAt']),
  thoughtRecords: sealedCodec('thoughtRecords', ThoughtRecordSchema, ['createdAt', 'updatedAt']),
  safetyPlan: sealedCodec('safetyPlan', SafetyPlanSchema, ['updatedAt'], { singleton: true }),
  settings: settingsCodec,
  safetyEvents: sealedCodec('safetyEvents', SafetyEventSchema, ['time', 'kind']),
};
