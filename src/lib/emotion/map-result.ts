/**
 * Turn a classifier's raw output (label, score pairs) into the app's `EmotionResult`.
 *
 * 1. Each label's score is spread over app emotions by the model's mapper; shares are normalised to sum
 *    to 1, so softmax (sentiment) and sigmoid (multi-label GoEmotions) outputs read alike.
 * 2. Feelings the text names outright refine the reading within the polarity the model chose: with a
 *    coarse model (pleasant/unpleasant only) they take most of that mass; with a fine model only emotions
 *    its labels cannot express (loneliness, tiredness for GoEmotions) take a smaller part.
 * 3. Valence and arousal are the share-weighted means of each emotion's place on the circumplex.
 * 4. Confidence is the model's strongest raw score: how firmly it committed to any label at all.
 */
import type { LabelMapper } from './labels';
import { findEmotionCues } from './lexicon';
import { APP_EMOTIONS, EMOTION_AFFECT, clamp, type AppEmotion, type EmotionResult } from './scheme';

/** What a transformers.js text-classification pipeline returns per text with `top_k: null`. */
export interface LabelScore {
  readonly label: string;
  readonly score: number;
}

/** How much of a polarity's mass named feelings take, for a coarse model and for one that lacks them. */
export const CUE_SHARE_COARSE = 0.8;
export const CUE_SHARE_UNREACHABLE = 0.35;
/** Emotions below this share are not listed in `top` (the first one always is). */
export const TOP_MIN_SHARE = 0.1;
export const TOP_COUNT = 3;

type Shares = Record<AppEmotion, number>;

function emptyShares(): Shares {
  return Object.fromEntries(APP_EMOTIONS.map((emotion) => [emotion, 0])) as Shares;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function refineWithCues(shares: Shares, cues: readonly AppEmotion[], mapper: LabelMapper): void {
  for (const polarity of ['positive', 'negative'] as const) {
    const share = mapper.coarse ? CUE_SHARE_COARSE : CUE_SHARE_UNREACHABLE;
    const takers = cues.filter(
      (emotion) =>
        EMOTION_AFFECT[emotion].polarity === polarity && (mapper.coarse || !mapper.reachable.has(emotion)),
    );
    if (takers.length === 0) continue;
    const same = APP_EMOTIONS.filter((emotion) => EMOTION_AFFECT[emotion].polarity === polarity);
    const mass = same.reduce((sum, emotion) => sum + shares[emotion], 0);
    if (mass <= 0) continue;
    for (const emotion of same) shares[emotion] *= 1 - share;
    for (const emotion of takers) shares[emotion] += (mass * share) / takers.length;
  }
}

/**
 * The app's reading of one text. `text` is optional: without it no words refine the model's reading.
 * Output with no label the mapper knows yields `neutral` with confidence 0.
 */
export function toEmotionResult(
  output: readonly LabelScore[],
  mapper: LabelMapper,
  options: { model: string; text?: string },
): EmotionResult {
  const shares = emptyShares();
  let total = 0;
  let strongest = 0;
  for (const { label, score } of output) {
    const weight = Number.isFinite(score) ? clamp(score, 0, 1) : 0;
    const mapped = Object.entries(mapper.map(label)) as [AppEmotion, number][];
    if (mapped.length === 0) continue;
    strongest = Math.max(strongest, weight);
    for (const [emotion, part] of mapped) {
      shares[emotion] += weight * part;
      total += weight * part;
    }
  }
  if (total <= 0) {
    return {
      top: [{ emotion: 'neutral', score: 1 }],
      valence: 0,
      arousal: EMOTION_AFFECT.neutral.arousal,
      confidence: 0,
      model: options.model,
    };
  }
  for (const emotion of APP_EMOTIONS) shares[emotion] /= total;

  if (options.text) refineWithCues(shares, findEmotionCues(options.text), mapper);

  let valence = 0;
  let arousal = 0;
  for (const emotion of APP_EMOTIONS) {
    valence += shares[emotion] * EMOTION_AFFECT[emotion].valence;
    arousal += shares[emotion] * EMOTION_AFFECT[emotion].arousal;
  }
  const ranked = APP_EMOTIONS.map((emotion) => ({ emotion, score: shares[emotion] })).sort(
    (a, b) => b.score - a.score,
  );
  const top = ranked
    .filter((entry, index) => index === 0 || entry.score >= TOP_MIN_SHARE)
    .slice(0, TOP_COUNT)
    .map((entry) => ({ emotion: entry.emotion, score: round(entry.score) }));
  return {
    top,
    valence: round(clamp(valence, -1, 1)),
    arousal: round(clamp(arousal, 0, 1)),
    confidence: round(clamp(strongest, 0, 1)),
    model: options.model,
  };
}
