/**
 * The records the store keeps, as the rest of the app sees them (plaintext, after decryption), with valibot
 * schemas that are the single source of their types. Backup import validates every record with these before
 * anything is written, so the limits below are also what a backup file may hold.
 */
import * as v from 'valibot';
import type { EmotionResult as SchemeEmotionResult } from '../emotion/scheme';
import type { SafetyPlan as SafetyPlanShape } from '../safety/safety-plan';

/** Longest text of one field (a message, a journal entry): a few hundred pages. */
export const MAX_TEXT_LENGTH = 1_000_000;
/** Longest short field (a nickname, a tag, a title). */
export const MAX_SHORT_LENGTH = 500;
/** Longest list in one record (tags, answers, plan items). */
export const MAX_LIST_LENGTH = 200;

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const Time = v.pipe(v.number(), v.finite(), v.minValue(0));
const Short = v.pipe(v.string(), v.maxLength(MAX_SHORT_LENGTH));
const Text = v.pipe(v.string(), v.maxLength(MAX_TEXT_LENGTH));
const ShortList = v.pipe(v.array(Short), v.maxLength(MAX_LIST_LENGTH));

/** Any JSON value: what settings hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export const JsonValueSchema: v.GenericSchema<JsonValue> = v.union([
  v.string(),
  v.pipe(v.number(), v.finite()),
  v.boolean(),
  v.null(),
  v.array(v.lazy(() => JsonValueSchema)),
  v.record(
    v.string(),
    v.lazy(() => JsonValueSchema),
  ),
]);

/** What the person told the app about themselves. Every field is optional. */
export const ProfileSchema = v.object({
  nickname: v.optional(Short),
  ageRange: v.optional(Short),
  pronouns: v.optional(Short),
  /** What they want help with, in their words or as chosen topics. */
  helpWith: v.optional(Text),
  /** Preferred counseling style (an id the UI defines, e.g. "gentle" or "practical"). */
  counselingStyle: v.optional(Short),
  /** Preferred language, e.g. "en" or "zh-CN". */
  language: v.optional(Short),
  updatedAt: Time,
});
export type Profile = v.InferOutput<typeof ProfileSchema>;

export const ConversationSchema = v.object({
  id: Id,
  title: Short,
  createdAt: Time,
  updatedAt: Time,
});
export type Conversation = v.InferOutput<typeof ConversationSchema>;

export const MESSAGE_ROLES = ['user', 'assistant', 'system'] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];

/** `streaming` while a reply is generated; a reply left `streaming` after a reload was cut off mid-way. */
export const MESSAGE_STATUSES = ['complete', 'streaming', 'stopped', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

const Unit = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1));

/**
 * A message's emotion reading, in the app's one scheme (`EmotionResult` in src/lib/emotion/scheme.ts).
 * `emotion` is kept as a short string, not the scheme's list, so a backup from a later version that names
 * a new emotion still imports; readers keep only the emotions they know (`isAppEmotion`).
 */
export const EmotionResultSchema = v.object({
  top: v.pipe(
    v.array(v.object({ emotion: Short, score: Unit })),
    v.minLength(1),
    v.maxLength(MAX_LIST_LENGTH),
    v.readonly(),
  ),
  valence: v.pipe(v.number(), v.finite(), v.minValue(-1), v.maxValue(1)),
  arousal: Unit,
  confidence: Unit,
  model: Short,
});
export type EmotionResult = v.InferOutput<typeof EmotionResultSchema>;

/** Breaks the build when a classifier's result can no longer be stored as it is. */
type Expect<T extends true> = T;
export type SchemeResultIsStorable = Expect<SchemeEmotionResult extends EmotionResult ? true : false>;

export const MessageSchema = v.object({
  id: Id,
  conversationId: Id,
  role: v.picklist(MESSAGE_ROLES),
  text: Text,
  time: Time,
  status: v.picklist(MESSAGE_STATUSES),
  modelId: v.optional(Short),
  emotion: v.optional(EmotionResultSchema),
  /** The safety screen's level for this message (the safety module defines the values). */
  riskLevel: v.optional(Short),
});
export type Message = v.InferOutput<typeof MessageSchema>;

export const MoodEntrySchema = v.object({
  id: Id,
  time: Time,
  score: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10)),
  emotions: ShortList,
  note: v.optional(Text),
});
export type MoodEntry = v.InferOutput<typeof MoodEntrySchema>;

export const AssessmentResultSchema = v.object({
  id: Id,
  /** Instrument id, e.g. "PHQ-9", "GAD-7", "WHO-5", "free-writing". */
  instrument: Short,
  time: Time,
  answers: v.pipe(v.array(v.pipe(v.number(), v.finite())), v.maxLength(MAX_LIST_LENGTH)),
  /** Free writing, for the assessment that analyses a text instead of answers. */
  text: v.optional(Text),
  score: v.pipe(v.number(), v.finite()),
  band: Short,
  /** Items that need attention, e.g. "phq9-item9". */
  flags: ShortList,
});
export type AssessmentResult = v.InferOutput<typeof AssessmentResultSchema>;

export const JournalEntrySchema = v.object({
  id: Id,
  createdAt: Time,
  updatedAt: Time,
  title: v.optional(Short),
  text: Text,
  tags: v.optional(ShortList),
});
export type JournalEntry = v.InferOutput<typeof JournalEntrySchema>;

const RatedEmotion = v.object({ name: Short, intensity: v.pipe(v.number(), v.minValue(0), v.maxValue(100)) });

/** A CBT thought record; every step is optional so a half-finished record can be saved. */
export const ThoughtRecordSchema = v.object({
  id: Id,
  createdAt: Time,
  updatedAt: Time,
  situation: v.optional(Text),
  automaticThought: v.optional(Text),
  emotions: v.optional(v.pipe(v.array(RatedEmotion), v.maxLength(MAX_LIST_LENGTH))),
  evidenceFor: v.optional(Text),
  evidenceAgainst: v.optional(Text),
  balancedThought: v.optional(Text),
  emotionsAfter: v.optional(v.pipe(v.array(RatedEmotion), v.maxLength(MAX_LIST_LENGTH))),
});
export type ThoughtRecord = v.InferOutput<typeof ThoughtRecordSchema>;

const ContactSchema = v.object({ name: Short, phone: v.optional(Short), note: v.optional(Short) });
const Contacts = v.pipe(v.array(ContactSchema), v.maxLength(MAX_LIST_LENGTH));

/**
 * The personal safety plan, in the shape the safety module defines (one per store). `satisfies` breaks the
 * build if that shape gains a field this schema would drop.
 */
export const SafetyPlanSchema = v.object({
  version: v.literal(1),
  updatedAt: v.nullable(Time),
  warningSigns: ShortList,
  copingStrategies: ShortList,
  distractions: ShortList,
  helpers: Contacts,
  professionals: Contacts,
  safeEnvironment: ShortList,
  reasonsForLiving: ShortList,
}) satisfies v.GenericSchema<unknown, SafetyPlanShape>;
export type SafetyPlan = v.InferOutput<typeof SafetyPlanSchema>;
export type SafetyPlanContact = v.InferOutput<typeof ContactSchema>;

/** `clear` settings are stored unencrypted so the locked screen can read them (language, idle-lock time). */
export const SettingSchema = v.object({
  key: Id,
  value: JsonValueSchema,
  // `false` and absent mean the same; one form keeps a backup round trip exact.
  clear: v.optional(
    v.pipe(
      v.boolean(),
      v.transform((clear) => (clear ? true : undefined)),
    ),
  ),
});
export type Setting = v.InferOutput<typeof SettingSchema>;

/** A local-only record that a safety guard acted (never sent anywhere). */
export const SafetyEventSchema = v.object({
  id: Id,
  time: Time,
  /** Which guard: e.g. "input-screen", "output-guard". */
  kind: Short,
  level: v.optional(Short),
  categories: ShortList,
  /** What the app did: e.g. "showed-resources", "replaced-reply". */
  action: v.optional(Short),
  conversationId: v.optional(Id),
  messageId: v.optional(Id),
});
export type SafetyEvent = v.InferOutput<typeof SafetyEventSchema>;
