/**
 * Which classifier reads which language. The defaults are chosen in docs/emotion.md (sizes, label sets,
 * what was verified); a deployment replaces them through `models.emotionModels` in its config.
 */
import type { TextLanguage } from './text';

/** One classifier and the languages it reads; `id` is a hub id or a folder under the local model path. */
export interface EmotionModelSpec {
  readonly id: string;
  readonly languages: readonly TextLanguage[];
}

/** English: GoEmotions, 28 labels, multi-label (sigmoid). int8 ONNX 125 MB. */
export const DEFAULT_ENGLISH_MODEL = 'SamLowe/roberta-base-go_emotions-onnx';
/** Chinese (and 11 other languages): positive / neutral / negative. int8 ONNX 136 MB. */
export const DEFAULT_MULTILINGUAL_MODEL = 'Xenova/distilbert-base-multilingual-cased-sentiments-student';

export const DEFAULT_EMOTION_MODELS: readonly EmotionModelSpec[] = [
  { id: DEFAULT_ENGLISH_MODEL, languages: ['en'] },
  { id: DEFAULT_MULTILINGUAL_MODEL, languages: ['zh'] },
];

/**
 * The models for a deployment's `models.emotionModels` list: none -> the defaults; one id -> it reads
 * both languages; two or more -> the first reads English, the second Chinese (the rest are ignored).
 */
export function resolveEmotionModels(ids?: readonly string[]): EmotionModelSpec[] {
  const [first, second] = (ids ?? []).map((id) => id.trim()).filter(Boolean);
  if (!first) return DEFAULT_EMOTION_MODELS.map((spec) => ({ ...spec }));
  if (!second || second === first) return [{ id: first, languages: ['en', 'zh'] }];
  return [
    { id: first, languages: ['en'] },
    { id: second, languages: ['zh'] },
  ];
}

/** The model that reads `language`; the first model when none names it. */
export function modelForLanguage(
  models: readonly EmotionModelSpec[],
  language: TextLanguage,
): EmotionModelSpec | undefined {
  return models.find((spec) => spec.languages.includes(language)) ?? models[0];
}
