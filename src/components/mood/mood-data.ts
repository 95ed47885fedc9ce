/**
 * What the mood screen reads from and writes to the store, kept out of the components: check-ins and
 * chat mood points for the chart, and free-writing reflections as assessment records.
 *
 * A reflection is an `AssessmentResult` with instrument `free-writing`: `text` is what the person wrote,
 * `score` the mean valence (-1..1), `band` the shift (`lighter` / `heavier` / `steady`), and `flags` one
 * `r:` entry per sentence reading (valence|arousal|confidence|emotion=share,...) plus `model:<id>`.
 * The report is rebuilt from those readings with the same `buildFreeWritingReport`, so the suggestions
 * and their reasons read exactly as they did, in either language, without running the model again.
 */
import {
  buildFreeWritingReport,
  chatMoodPoint,
  isAppEmotion,
  splitSentences,
  type CheckIn,
  type ChatMoodPoint,
  type EmotionResult,
  type FreeWritingReport,
} from '../../lib/emotion';
import type { AssessmentResult, EmotionResult as StoredEmotion, NewAssessment, Store } from '../../lib/store';

export const FREE_WRITING_INSTRUMENT = 'free-writing';
/** The store keeps at most this many flags per record: one per sentence, one for the model. */
export const MAX_KEPT_READINGS = 199;
const DAY_MS = 86_400_000;

/** A stored reading in the app's scheme, keeping only emotions this version knows; null if none. */
export function toSchemeResult(stored: StoredEmotion): EmotionResult | null {
  const top = stored.top.filter((entry) => isAppEmotion(entry.emotion)) as EmotionResult['top'];
  if (top.length === 0) return null;
  return { ...stored, top };
}

export interface MoodData {
  readonly checkIns: CheckIn[];
  readonly chatPoints: ChatMoodPoint[];
}

/** Check-ins and chat mood points of the last `days` days (chat points only where messages exist). */
export async function loadMoodData(store: Store, now: number, days: number): Promise<MoodData> {
  const from = now - (days + 1) * DAY_MS;
  const checkIns = await store.moods.listBetween(from, now + DAY_MS);
  const chatPoints: ChatMoodPoint[] = [];
  const conversations = await store.conversations.list();
  for (const conversation of conversations) {
    if (conversation.updatedAt < from) continue;
    for (const message of await store.messages.list(conversation.id)) {
      if (message.role !== 'user' || !message.emotion || message.time < from) continue;
      const result = toSchemeResult(message.emotion);
      const point = result && chatMoodPoint(result, message.time);
      if (point) chatPoints.push(point);
    }
  }
  return { checkIns, chatPoints };
}

const num = (value: number) => String(Math.round(value * 1000) / 1000);

/** The assessment record of a reflection (see the file comment for the layout). */
export function reflectionRecord(text: string, report: FreeWritingReport): NewAssessment {
  const readings =
    report.sentences.length <= MAX_KEPT_READINGS
      ? report.sentences.map(({ result }) => {
          const top = result.top.map((entry) => `${entry.emotion}=${num(entry.score)}`).join(',');
          return `r:${num(result.valence)}|${num(result.arousal)}|${num(result.confidence)}|${top}`;
        })
      : [];
  const model = report.sentences[0]?.result.model ?? '';
  return {
    instrument: FREE_WRITING_INSTRUMENT,
    answers: [],
    text,
    score: report.valence,
    band: report.shift.direction,
    flags: [...readings, `model:${model}`.slice(0, 500)],
  };
}

function parseReading(flag: string, model: string): EmotionResult | null {
  const [valence, arousal, confidence, top] = flag.slice(2).split('|');
  const entries = (top ?? '').split(',').flatMap((part) => {
    const [emotion, score] = part.split('=');
    return emotion && isAppEmotion(emotion) ? [{ emotion, score: Number(score) }] : [];
  });
  const numbers = [valence, arousal, confidence].map(Number);
  if (entries.length === 0 || numbers.some((n) => !Number.isFinite(n))) return null;
  return {
    top: entries,
    valence: numbers[0] ?? 0,
    arousal: numbers[1] ?? 0,
    confidence: numbers[2] ?? 0,
    model,
  };
}

/** The report of a saved reflection, or null when its readings were not kept (or cannot be read). */
export function reflectionReport(record: AssessmentResult): FreeWritingReport | null {
  const model = record.flags.find((flag) => flag.startsWith('model:'))?.slice(6) ?? '';
  const flags = record.flags.filter((flag) => flag.startsWith('r:'));
  const sentences = splitSentences(record.text ?? '');
  if (flags.length === 0 || flags.length !== sentences.length) return null;
  const results = flags.map((flag) => parseReading(flag, model));
  if (results.some((result) => result === null)) return null;
  return buildFreeWritingReport(sentences.map((text, i) => ({ text, result: results[i] as EmotionResult })));
}
