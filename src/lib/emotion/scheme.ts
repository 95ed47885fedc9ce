/**
 * The app's one emotion scheme. Whatever labels a classifier speaks (GoEmotions' 28, a sentiment model's
 * three, anything a deployment plugs in), the rest of the app only ever sees an `EmotionResult` in these
 * terms, so chat, mood tracking, free writing and safety never depend on one model's label set.
 *
 * Valence (-1 unpleasant .. 1 pleasant) and arousal (0 calm .. 1 activated) per emotion are placed on
 * Russell's circumplex of affect (Russell 1980; Posner, Russell & Peterson 2005), rounded to tenths.
 * They are the project's approximations for summaries and charts, not measurements. See docs/emotion.md.
 */
import type { Locale } from '../config/schema';

/** Every emotion the app names, in display order (pleasant first). */
export const APP_EMOTIONS = [
  'joy',
  'gratitude',
  'love',
  'pride',
  'hope',
  'calm',
  'curiosity',
  'content',
  'surprise',
  'neutral',
  'confusion',
  'upset',
  'sadness',
  'loneliness',
  'tiredness',
  'fear',
  'anxiety',
  'anger',
  'frustration',
  'disgust',
  'shame',
  'guilt',
] as const;
export type AppEmotion = (typeof APP_EMOTIONS)[number];

/** One text per supported language; both say the same thing. */
export type LocalizedText = Readonly<Record<Locale, string>>;

/** Where an emotion sits: `polarity` is the sign of its valence, used when words in the text refine a result. */
export interface Affect {
  readonly valence: number;
  readonly arousal: number;
  readonly polarity: 'positive' | 'negative' | 'neutral';
}

function affect(valence: number, arousal: number): Affect {
  const polarity = valence >= 0.2 ? 'positive' : valence <= -0.2 ? 'negative' : 'neutral';
  return { valence, arousal, polarity };
}

export const EMOTION_AFFECT: Readonly<Record<AppEmotion, Affect>> = {
  joy: affect(0.8, 0.6),
  gratitude: affect(0.7, 0.4),
  love: affect(0.8, 0.5),
  pride: affect(0.7, 0.6),
  hope: affect(0.6, 0.5),
  calm: affect(0.5, 0.1),
  curiosity: affect(0.3, 0.6),
  // "Feeling good" when a sentiment model can say no more than that.
  content: affect(0.5, 0.3),
  surprise: affect(0.1, 0.8),
  neutral: affect(0, 0.3),
  confusion: affect(-0.1, 0.5),
  // "Feeling bad" when a sentiment model can say no more than that.
  upset: affect(-0.5, 0.5),
  sadness: affect(-0.7, 0.3),
  loneliness: affect(-0.6, 0.3),
  tiredness: affect(-0.4, 0.1),
  fear: affect(-0.7, 0.8),
  anxiety: affect(-0.6, 0.8),
  anger: affect(-0.7, 0.9),
  frustration: affect(-0.5, 0.7),
  disgust: affect(-0.6, 0.6),
  shame: affect(-0.7, 0.5),
  guilt: affect(-0.6, 0.4),
};

/** Plain names for the UI, the chat summary and reports. */
export const EMOTION_NAMES: Readonly<Record<AppEmotion, LocalizedText>> = {
  joy: { en: 'joy', 'zh-CN': '开心' },
  gratitude: { en: 'gratitude', 'zh-CN': '感激' },
  love: { en: 'warmth', 'zh-CN': '温暖' },
  pride: { en: 'pride', 'zh-CN': '自豪' },
  hope: { en: 'hope', 'zh-CN': '希望' },
  calm: { en: 'calm', 'zh-CN': '平静' },
  curiosity: { en: 'curiosity', 'zh-CN': '好奇' },
  content: { en: 'good mood', 'zh-CN': '心情不错' },
  surprise: { en: 'surprise', 'zh-CN': '惊讶' },
  neutral: { en: 'neutral', 'zh-CN': '平常' },
  confusion: { en: 'confusion', 'zh-CN': '困惑' },
  upset: { en: 'low mood', 'zh-CN': '心情低落' },
  sadness: { en: 'sadness', 'zh-CN': '难过' },
  loneliness: { en: 'loneliness', 'zh-CN': '孤独' },
  tiredness: { en: 'tiredness', 'zh-CN': '疲惫' },
  fear: { en: 'fear', 'zh-CN': '害怕' },
  anxiety: { en: 'anxiety', 'zh-CN': '焦虑' },
  anger: { en: 'anger', 'zh-CN': '生气' },
  frustration: { en: 'frustration', 'zh-CN': '烦躁' },
  disgust: { en: 'disgust', 'zh-CN': '厌恶' },
  shame: { en: 'shame', 'zh-CN': '羞愧' },
  guilt: { en: 'guilt', 'zh-CN': '内疚' },
};

/** One emotion of a result with its share of the whole (the shares of all emotions add up to 1). */
export interface EmotionScore {
  readonly emotion: AppEmotion;
  readonly score: number;
}

/**
 * What the classifier says about one text, in the app's terms. Stored beside each message and
 * each free-writing sentence; everything downstream reads only this.
 */
export interface EmotionResult {
  /** The strongest emotions, strongest first (at most three, always at least one). */
  readonly top: readonly EmotionScore[];
  /** -1 (very unpleasant) .. 1 (very pleasant). */
  readonly valence: number;
  /** 0 (calm, low energy) .. 1 (activated). */
  readonly arousal: number;
  /** 0 .. 1: how strongly the model committed to its reading; low for short or ambiguous text. */
  readonly confidence: number;
  /** The model that produced it (its id), or `lexicon` when only words in the text were used. */
  readonly model: string;
}

export function isAppEmotion(value: string): value is AppEmotion {
  return (APP_EMOTIONS as readonly string[]).includes(value);
}

/** The emotion's name in `locale`. */
export function emotionName(emotion: AppEmotion, locale: Locale): string {
  return EMOTION_NAMES[emotion][locale];
}

/** Clamp to [min, max]; NaN becomes `min` so a broken score never reaches a chart. */
export function clamp(value: number, min: number, max: number): number {
  if (Number.isNaN(value)) return min;
  return Math.min(max, Math.max(min, value));
}
