/** The private store: the only module the rest of the app imports for saving and reading data. */
export * from './errors';
export * from './schemas';
export { PBKDF2_ITERATIONS, AAD_PREFIX } from './crypto';
export { DEFAULT_DB_NAME, DB_VERSION, type KeyMode } from './db';
export {
  KeyManager,
  MIN_PASSPHRASE_LENGTH,
  realTimers,
  type KeyState,
  type KeySource,
  type LockChannel,
  type LockMessage,
  type Timers,
  type KeyManagerOptions,
} from './key-manager';
export type { Observable } from './backend';
export {
  openStore,
  createMemoryStore,
  createStore,
  type Store,
  type PersistentStore,
  type MemoryStore,
  type Repositories,
  type StoreOptions,
  type PersistentStoreOptions,
} from './store';
export type { ConversationsRepo } from './conversations.repo';
export type { MessagesRepo, NewMessage, MessagePatch } from './messages.repo';
export type { MoodsRepo, NewMood } from './moods.repo';
export type { AssessmentsRepo, NewAssessment } from './assessments.repo';
export type { JournalRepo, ThoughtRecordsRepo } from './journal.repo';
export type { SafetyPlanRepo } from './safety-plan.repo';
export type { ProfileRepo, ProfileFields } from './profile.repo';
export type { SettingsRepo } from './settings.repo';
export type { SafetyEventsRepo, NewSafetyEvent } from './safety-events.repo';
export {
  exportBackup,
  importBackup,
  readBackup,
  backupFileName,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  MAX_BACKUP_BYTES,
  type ImportMode,
  type BackupCounts,
  type BackupEnvelope,
  type BackupPayload,
} from './backup';
export {
  eraseEverything,
  STORAGE_PREFIX,
  type EraseOptions,
  type EraseReport,
  type EraseEnvironment,
  type NameMatcher,
  type KeyValueStorage,
  type CacheStorageLike,
  type IndexedDbLike,
} from './erase';
export {
  requestPersistence,
  storageEstimate,
  type PersistenceResult,
  type StorageEstimate,
  type StorageManagerLike,
} from './persistence';
