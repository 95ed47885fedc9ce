/**
 * Label mappings: how each classifier's labels land in the app's emotion scheme. One mapper per default
 * model's label set, and a generic one that recognises labels by name (English or Chinese) for any other
 * model a deployment plugs in. Unknown labels (e.g. `LABEL_3`) carry no weight rather than a guess.
 */
import { APP_EMOTIONS, type AppEmotion } from './scheme';

/** How much of one label's score goes to each app emotion (weights add up to 1, or nothing is mapped). */
export type EmotionWeights = Readonly<Partial<Record<AppEmotion, number>>>;

export interface LabelMapper {
  readonly kind: 'go-emotions' | 'sentiment' | 'generic';
  /** Weights for one label as the model spells it; empty when the label means nothing the scheme knows. */
  map(label: string): EmotionWeights;
  /**
   * The app emotions this label set can express at all. Words in the text may name an emotion outside it
   * (GoEmotions has no `loneliness`; a sentiment model has only `content`/`upset`).
   */
  readonly reachable: ReadonlySet<AppEmotion>;
  /** True when the labels only tell pleasant from unpleasant: words in the text then name the emotion. */
  readonly coarse: boolean;
}

/** GoEmotions (Demszky et al. 2020) in the order of `SamLowe/roberta-base-go_emotions`' id2label. */
export const GO_EMOTIONS_LABELS = [
  'admiration',
  'amusement',
  'anger',
  'annoyance',
  'approval',
  'caring',
  'confusion',
  'curiosity',
  'desire',
  'disappointment',
  'disapproval',
  'disgust',
  'embarrassment',
  'excitement',
  'fear',
  'gratitude',
  'grief',
  'joy',
  'love',
  'nervousness',
  'optimism',
  'pride',
  'realization',
  'relief',
  'remorse',
  'sadness',
  'surprise',
  'neutral',
] as const;
export type GoEmotionsLabel = (typeof GO_EMOTIONS_LABELS)[number];

/** `Xenova/distilbert-base-multilingual-cased-sentiments-student`, in its id2label order. */
export const SENTIMENT_LABELS = ['positive', 'neutral', 'negative'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

/**
 * Where each GoEmotions label goes. Labels the scheme splits finer or coarser are weighted: admiration is
 * warmth towards someone with some joy; disappointment is sadness with some frustration.
 */
export const GO_EMOTIONS_MAP: Readonly<Record<GoEmotionsLabel, EmotionWeights>> = {
  admiration: { love: 0.6, joy: 0.4 },
  amusement: { joy: 1 },
  anger: { anger: 1 },
  annoyance: { frustration: 1 },
  approval: { content: 1 },
  caring: { love: 1 },
  confusion: { confusion: 1 },
  curiosity: { curiosity: 1 },
  desire: { hope: 1 },
  disappointment: { sadness: 0.6, frustration: 0.4 },
  disapproval: { frustration: 1 },
  disgust: { disgust: 1 },
  embarrassment: { shame: 1 },
  excitement: { joy: 1 },
  fear: { fear: 1 },
  gratitude: { gratitude: 1 },
  grief: { sadness: 1 },
  joy: { joy: 1 },
  love: { love: 1 },
  nervousness: { anxiety: 1 },
  optimism: { hope: 1 },
  pride: { pride: 1 },
  realization: { surprise: 0.5, neutral: 0.5 },
  relief: { calm: 1 },
  remorse: { guilt: 1 },
  sadness: { sadness: 1 },
  surprise: { surprise: 1 },
  neutral: { neutral: 1 },
};

/** A sentiment model says how it feels, not which feeling: `content` and `upset` carry exactly that. */
export const SENTIMENT_MAP: Readonly<Record<SentimentLabel, EmotionWeights>> = {
  positive: { content: 1 },
  neutral: { neutral: 1 },
  negative: { upset: 1 },
};

/**
 * Label names (lower case, `_`/`-` read as spaces) the generic mapper recognises, covering common emotion
 * and sentiment label sets (Ekman's six, the `emotion` dataset, star ratings, positive/negative).
 */
const GENERIC_NAMES: Readonly<Record<string, EmotionWeights>> = {
  ...GO_EMOTIONS_MAP,
  ...SENTIMENT_MAP,
  happy: { joy: 1 },
  happiness: { joy: 1 },
  enjoyment: { joy: 1 },
  fun: { joy: 1 },
  thankful: { gratitude: 1 },
  hope: { hope: 1 },
  calm: { calm: 1 },
  serenity: { calm: 1 },
  trust: { calm: 1 },
  anticipation: { hope: 1 },
  sad: { sadness: 1 },
  sorrow: { sadness: 1 },
  depression: { sadness: 1 },
  lonely: { loneliness: 1 },
  loneliness: { loneliness: 1 },
  tired: { tiredness: 1 },
  tiredness: { tiredness: 1 },
  fatigue: { tiredness: 1 },
  scared: { fear: 1 },
  anxiety: { anxiety: 1 },
  worry: { anxiety: 1 },
  stress: { anxiety: 1 },
  angry: { anger: 1 },
  rage: { anger: 1 },
  frustration: { frustration: 1 },
  shame: { shame: 1 },
  guilt: { guilt: 1 },
  regret: { guilt: 1 },
  pos: { content: 1 },
  neg: { upset: 1 },
  neu: { neutral: 1 },
  none: { neutral: 1 },
  other: { neutral: 1 },
  'no emotion': { neutral: 1 },
  '1 star': { upset: 1 },
  '2 stars': { upset: 0.5, neutral: 0.5 },
  '3 stars': { neutral: 1 },
  '4 stars': { content: 0.5, neutral: 0.5 },
  '5 stars': { content: 1 },
};

/** Chinese label names, found inside longer labels such as "開心語調" (simplified and traditional forms). */
const GENERIC_CHINESE: readonly (readonly [string, EmotionWeights])[] = [
  ['开心', { joy: 1 }],
  ['開心', { joy: 1 }],
  ['快乐', { joy: 1 }],
  ['快樂', { joy: 1 }],
  ['喜悦', { joy: 1 }],
  ['喜悅', { joy: 1 }],
  ['关切', { love: 1 }],
  ['關切', { love: 1 }],
  ['喜爱', { love: 1 }],
  ['喜愛', { love: 1 }],
  ['悲伤', { sadness: 1 }],
  ['悲傷', { sadness: 1 }],
  ['难过', { sadness: 1 }],
  ['難過', { sadness: 1 }],
  ['愤怒', { anger: 1 }],
  ['憤怒', { anger: 1 }],
  ['生气', { anger: 1 }],
  ['生氣', { anger: 1 }],
  ['恐惧', { fear: 1 }],
  ['恐懼', { fear: 1 }],
  ['害怕', { fear: 1 }],
  ['焦虑', { anxiety: 1 }],
  ['焦慮', { anxiety: 1 }],
  ['惊奇', { surprise: 1 }],
  ['驚奇', { surprise: 1 }],
  ['惊讶', { surprise: 1 }],
  ['驚訝', { surprise: 1 }],
  ['厌恶', { disgust: 1 }],
  ['厭惡', { disgust: 1 }],
  ['疑问', { confusion: 1 }],
  ['疑問', { confusion: 1 }],
  ['平淡', { neutral: 1 }],
  ['中性', { neutral: 1 }],
  ['积极', { content: 1 }],
  ['積極', { content: 1 }],
  ['正面', { content: 1 }],
  ['消极', { upset: 1 }],
  ['消極', { upset: 1 }],
  ['负面', { upset: 1 }],
  ['負面', { upset: 1 }],
];

const NOTHING: EmotionWeights = Object.freeze({});

function normaliseLabel(label: string): string {
  return label.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');
}

/** Map any label by its name; `NOTHING` when the name is not one the scheme knows. */
export function mapLabelByName(label: string): EmotionWeights {
  const name = normaliseLabel(label);
  if (Object.hasOwn(GENERIC_NAMES, name)) return GENERIC_NAMES[name] ?? NOTHING;
  if (isAppEmotionName(name)) return { [name]: 1 };
  for (const [word, weights] of GENERIC_CHINESE) if (name.includes(word)) return weights;
  return NOTHING;
}

function isAppEmotionName(name: string): name is AppEmotion {
  return (APP_EMOTIONS as readonly string[]).includes(name);
}

function reachableFrom(labels: readonly string[], map: (label: string) => EmotionWeights): Set<AppEmotion> {
  const reachable = new Set<AppEmotion>();
  for (const label of labels) {
    for (const [emotion, weight] of Object.entries(map(label)) as [AppEmotion, number][]) {
      if (weight > 0) reachable.add(emotion);
    }
  }
  return reachable;
}

const COARSE_EMOTIONS: ReadonlySet<AppEmotion> = new Set<AppEmotion>(['content', 'upset', 'neutral']);

function makeMapper(
  kind: LabelMapper['kind'],
  labels: readonly string[],
  map: (label: string) => EmotionWeights,
): LabelMapper {
  const reachable = reachableFrom(labels, map);
  const coarse = reachable.size > 0 && [...reachable].every((emotion) => COARSE_EMOTIONS.has(emotion));
  return { kind, map, reachable, coarse };
}

function sameLabels(labels: readonly string[], expected: readonly string[]): boolean {
  const have = new Set(labels.map(normaliseLabel));
  return have.size === expected.length && expected.every((label) => have.has(label));
}

/**
 * The mapper for a model, chosen from its own label set (its config's id2label): the GoEmotions and
 * sentiment mappings when the labels are exactly those, the generic one by name otherwise.
 */
export function selectMapper(labels: readonly string[]): LabelMapper {
  if (sameLabels(labels, GO_EMOTIONS_LABELS)) {
    return makeMapper('go-emotions', labels, (label) => {
      const name = normaliseLabel(label) as GoEmotionsLabel;
      return GO_EMOTIONS_MAP[name] ?? NOTHING;
    });
  }
  if (sameLabels(labels, SENTIMENT_LABELS)) {
    return makeMapper('sentiment', labels, (label) => {
      const name = normaliseLabel(label) as SentimentLabel;
      return SENTIMENT_MAP[name] ?? NOTHING;
    });
  }
  return makeMapper('generic', labels, mapLabelByName);
}
