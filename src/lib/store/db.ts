/**
 * The one Dexie database of the app. Only the store's own modules open it; the rest of the app goes through
 * the repositories. Columns listed in a schema string are indexed and stored in clear; everything the person
 * wrote or answered is inside `data`, an AES-GCM ciphertext (see crypto.ts and docs/store.md).
 *
 * Migrations are append-only: never edit a shipped `version(n)`, add `version(n + 1)`. Upgrades run before
 * unlock, so they may only touch clear columns.
 */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Bytes, KdfParams } from './crypto';
import type { JsonValue, MessageRole, MessageStatus } from './schemas';

/** Name of the app's database; tests and other profiles pass their own. */
export const DEFAULT_DB_NAME = 'solace';
/** Current schema version (the last `version(n)` below). */
export const DB_VERSION = 2;

/** `iv || AES-GCM ciphertext+tag` of a record's private fields, bound to table, id and field. */
export type Sealed = Bytes;

/** How the data key is kept on the device. */
export type KeyMode = 'passphrase' | 'device';

/** The wrapped data key. One record, id "main". Never exported in backups. */
export interface KeyringRow {
  id: 'main';
  mode: KeyMode;
  /** The data key, AES-KW wrapped by the passphrase key or by `deviceKey`. */
  wrappedKey: Bytes;
  /** Passphrase mode: how the wrapping key is derived. */
  kdf?: KdfParams;
  /** Device mode: a non-extractable AES-KW key (IndexedDB stores CryptoKey objects as they are). */
  deviceKey?: CryptoKey;
  createdAt: number;
  updatedAt: number;
}

export interface ProfileRow {
  id: 'main';
  updatedAt: number;
  data: Sealed;
}
export interface ConversationRow {
  id: string;
  createdAt: number;
  updatedAt: number;
  data: Sealed;
}
export interface MessageRow {
  id: string;
  conversationId: string;
  role: MessageRole;
  time: number;
  status: MessageStatus;
  modelId?: string;
  data: Sealed;
}
export interface MoodRow {
  id: string;
  time: number;
  data: Sealed;
}
export interface AssessmentRow {
  id: string;
  instrument: string;
  time: number;
  data: Sealed;
}
export interface JournalRow {
  id: string;
  createdAt: number;
  updatedAt: number;
  data: Sealed;
}
export type ThoughtRecordRow = JournalRow;
export interface SafetyPlanRow {
  id: 'main';
  updatedAt: number;
  data: Sealed;
}
/** A setting: `value` in clear for the few the locked screen needs, otherwise sealed in `data`. */
export interface SettingRow {
  id: string;
  value?: JsonValue;
  data?: Sealed;
}
export interface SafetyEventRow {
  id: string;
  time: number;
  kind: string;
  data: Sealed;
}

/** Row type of every table that holds the person's data (all but the keyring). */
export interface DataRows {
  profile: ProfileRow;
  conversations: ConversationRow;
  messages: MessageRow;
  moods: MoodRow;
  assessments: AssessmentRow;
  journal: JournalRow;
  thoughtRecords: ThoughtRecordRow;
  safetyPlan: SafetyPlanRow;
  settings: SettingRow;
  safetyEvents: SafetyEventRow;
}
export type DataTable = keyof DataRows;
export const DATA_TABLES = [
  'profile',
  'conversations',
  'messages',
  'moods',
  'assessments',
  'journal',
  'thoughtRecords',
  'safetyPlan',
  'settings',
  'safetyEvents',
] as const satisfies readonly DataTable[];

export class SolaceDb extends Dexie {
  keyring!: EntityTable<KeyringRow, 'id'>;
  profile!: EntityTable<ProfileRow, 'id'>;
  conversations!: EntityTable<ConversationRow, 'id'>;
  messages!: EntityTable<MessageRow, 'id'>;
  moods!: EntityTable<MoodRow, 'id'>;
  assessments!: EntityTable<AssessmentRow, 'id'>;
  journal!: EntityTable<JournalRow, 'id'>;
  thoughtRecords!: EntityTable<ThoughtRecordRow, 'id'>;
  safetyPlan!: EntityTable<SafetyPlanRow, 'id'>;
  settings!: EntityTable<SettingRow, 'id'>;
  safetyEvents!: EntityTable<SafetyEventRow, 'id'>;

  /**
   * @param name database name (default "solace")
   * @param options Dexie options, e.g. another `indexedDB` implementation
   */
  constructor(name: string = DEFAULT_DB_NAME, options?: DexieOptions) {
    super(name, options);

    this.version(1).stores({
      keyring: 'id',
      profile: 'id',
      conversations: 'id, createdAt',
      messages: 'id, conversationId, time',
      moods: 'id, time',
      assessments: 'id, instrument, time',
      journal: 'id, createdAt',
      thoughtRecords: 'id, createdAt',
      safetyPlan: 'id',
      settings: 'id',
    });

    // v2: conversations and journal documents record their last change; a conversation opens (and finds
    // its newest message) with one ordered range read; assessments chart per instrument; messages know
    // whether a reply was cut off; a local log of safety-guard events.
    this.version(2)
      .stores({
        conversations: 'id, createdAt, updatedAt',
        messages: 'id, conversationId, time, [conversationId+time]',
        assessments: 'id, instrument, time, [instrument+time]',
        journal: 'id, createdAt, updatedAt',
        thoughtRecords: 'id, createdAt, updatedAt',
        safetyEvents: 'id, time, kind',
      })
      .upgrade(async (tx) => {
        await tx
          .table<{ createdAt: number; updatedAt?: number }>('conversations')
          .toCollection()
          .modify((c) => {
            c.updatedAt ??= c.createdAt;
          });
        await tx
          .table<{ status?: MessageStatus }>('messages')
          .toCollection()
          .modify((m) => {
            m.status ??= 'complete';
          });
        for (const name of ['journal', 'thoughtRecords']) {
          await tx
            .table<{ createdAt: number; updatedAt?: number }>(name)
            .toCollection()
            .modify((r) => {
              r.updatedAt ??= r.createdAt;
            });
        }
      });
  }
}
