/**
 * Every label of each default model lands where a reader would expect, and the mapped result (top
 * emotion, valence, arousal, confidence) says what the person would recognise in their own words.
 */
import { describe, expect, it } from 'vitest';
import {
  GO_EMOTIONS_LABELS,
  SENTIMENT_LABELS,
  mapLabelByName,
  selectMapper,
  type GoEmotionsLabel,
} from '../../../src/lib/emotion/labels';
import { findEmotionCues } from '../../../src/lib/emotion/lexicon';
import { toEmotionResult, type LabelScore } from '../../../src/lib/emotion/map-result';
import {
  APP_EMOTIONS,
  EMOTION_AFFECT,
  EMOTION_NAMES,
  type AppEmotion,
} from '../../../src/lib/emotion/scheme';

// Written out again, independently of the mapping table: what each GoEmotions label should read as.
const GO_EXPECTED: Record<GoEmotionsLabel, { top: AppEmotion; sign: -1 | 0 | 1 }> = {
  admiration: { top: 'love', sign: 1 },
  amusement: { top: 'joy', sign: 1 },
  anger: { top: 'anger', sign: -1 },
  annoyance: { top: 'frustration', sign: -1 },
  approval: { top: 'content', sign: 1 },
  caring: { top: 'love', sign: 1 },
  confusion: { top: 'confusion', sign: 0 },
  curiosity: { top: 'curiosity', sign: 1 },
  desire: { top: 'hope', sign: 1 },
  disappointment: { top: 'sadness', sign: -1 },
  disapproval: { top: 'frustration', sign: -1 },
  disgust: { top: 'disgust', sign: -1 },
  embarrassment: { top: 'shame', sign: -1 },
  excitement: { top: 'joy', sign: 1 },
  fear: { top: 'fear', sign: -1 },
  gratitude: { top: 'gratitude', sign: 1 },
  grief: { top: 'sadness', sign: -1 },
  joy: { top: 'joy', sign: 1 },
  love: { top: 'love', sign: 1 },
  nervousness: { top: 'anxiety', sign: -1 },
  optimism: { top: 'hope', sign: 1 },
  pride: { top: 'pride', sign: 1 },
  realization: { top: 'surprise', sign: 0 },
  relief: { top: 'calm', sign: 1 },
  remorse: { top: 'guilt', sign: -1 },
  sadness: { top: 'sadness', sign: -1 },
  surprise: { top: 'surprise', sign: 0 },
  neutral: { top: 'neutral', sign: 0 },
};

/** A multi-label (sigmoid) output in which `label` fires and the rest stay near zero. */
function goOutput(label: string, fired = 0.95): LabelScore[] {
  return GO_EMOTIONS_LABELS.map((name) => ({ label: name, score: name === label ? fired : 0.004 }));
}

function sentimentOutput(positive: number, neutral: number, negative: number): LabelScore[] {
  return [
    { label: 'positive', score: positive },
    { label: 'neutral', score: neutral },
    { label: 'negative', score: negative },
  ];
}

function signOf(value: number): -1 | 0 | 1 {
  return value > 0.2 ? 1 : value < -0.2 ? -1 : 0;
}

describe('the GoEmotions mapping (SamLowe/roberta-base-go_emotions-onnx)', () => {
  const mapper = selectMapper(GO_EMOTIONS_LABELS);

  it('is chosen for the 28 GoEmotions labels, whatever their order or case', () => {
    expect(mapper.kind).toBe('go-emotions');
    expect(selectMapper([...GO_EMOTIONS_LABELS].reverse().map((l) => l.toUpperCase())).kind).toBe(
      'go-emotions',
    );
    expect(mapper.coarse).toBe(false);
  });

  it.each(GO_EMOTIONS_LABELS.map((label) => [label, GO_EXPECTED[label]] as const))(
    '%s reads as %o',
    (label, expected) => {
      const weights = Object.values(mapper.map(label));
      expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
      const result = toEmotionResult(goOutput(label), mapper, { model: 'go' });
      expect(result.top[0]?.emotion).toBe(expected.top);
      expect(signOf(result.valence)).toBe(expected.sign);
      expect(result.confidence).toBeCloseTo(0.95, 2);
    },
  );

  it('lists the emotions two firing labels share, strongest first', () => {
    const output = GO_EMOTIONS_LABELS.map((label) => ({
      label,
      score: label === 'nervousness' ? 0.8 : label === 'sadness' ? 0.5 : 0.004,
    }));
    const result = toEmotionResult(output, mapper, { model: 'go' });
    expect(result.top.map((t) => t.emotion)).toEqual(['anxiety', 'sadness']);
    expect(result.top[0]?.score).toBeGreaterThan(result.top[1]?.score ?? 1);
    expect(result.arousal).toBeGreaterThan(0.5);
  });

  it('adds loneliness and tiredness, which GoEmotions cannot name, from the words of the text', () => {
    const output = goOutput('sadness', 0.9);
    const plain = toEmotionResult(output, mapper, { model: 'go', text: 'Everything went wrong' });
    expect(plain.top.map((t) => t.emotion)).toEqual(['sadness']);
    const lonely = toEmotionResult(output, mapper, { model: 'go', text: 'I feel so lonely and tired' });
    expect(lonely.top.map((t) => t.emotion)).toEqual(['sadness', 'loneliness', 'tiredness']);
    // The model's own reading of a sad text is not overridden by a pleasant word in it.
    const mixed = toEmotionResult(output, mapper, { model: 'go', text: 'I am happy for them but sad' });
    expect(mixed.top[0]?.emotion).toBe('sadness');
  });
});

describe('the multilingual sentiment mapping (Xenova/distilbert-base-multilingual-cased-sentiments-student)', () => {
  const mapper = selectMapper(SENTIMENT_LABELS);

  it('is chosen for positive / neutral / negative and counts as coarse', () => {
    expect(mapper.kind).toBe('sentiment');
    expect(mapper.coarse).toBe(true);
    expect(selectMapper(['NEGATIVE', 'Neutral', 'positive']).kind).toBe('sentiment');
  });

  it.each([
    ['positive', 'content', 1],
    ['neutral', 'neutral', 0],
    ['negative', 'upset', -1],
  ] as const)('%s alone reads as %s', (label, top, sign) => {
    const output = SENTIMENT_LABELS.map((name) => ({ label: name, score: name === label ? 0.96 : 0.02 }));
    const result = toEmotionResult(output, mapper, { model: 'sentiment' });
    expect(result.top[0]?.emotion).toBe(top);
    expect(signOf(result.valence)).toBe(sign);
    expect(result.confidence).toBeCloseTo(0.96, 2);
  });

  it('lets the feeling a Chinese text names say which unpleasant or pleasant feeling it is', () => {
    const negative = sentimentOutput(0.02, 0.03, 0.95);
    const cases: [string, AppEmotion][] = [
      ['我最近很焦虑，睡不着', 'anxiety'],
      ['一个人在外地，好孤独', 'loneliness'],
      ['上班太累了', 'tiredness'],
      ['都怪我，我很内疚', 'guilt'],
      ['我觉得自己很没用', 'shame'],
      ['我真的很害怕', 'fear'],
      ['我今天不开心', 'sadness'],
    ];
    for (const [text, emotion] of cases) {
      const result = toEmotionResult(negative, mapper, { model: 'sentiment', text });
      expect(result.top[0]?.emotion, text).toBe(emotion);
      expect(result.valence, text).toBeLessThan(-0.3);
    }
    const positive = toEmotionResult(sentimentOutput(0.95, 0.03, 0.02), mapper, {
      model: 'sentiment',
      text: '谢谢你，我很感激',
    });
    expect(positive.top[0]?.emotion).toBe('gratitude');
  });

  it('does not take a negated feeling word at its word, and never moves the model across polarity', () => {
    const positive = sentimentOutput(0.9, 0.08, 0.02);
    const notScared = toEmotionResult(positive, mapper, { model: 's', text: '我一点都不害怕了' });
    expect(notScared.top[0]?.emotion).toBe('content');
    const notHappy = toEmotionResult(sentimentOutput(0.05, 0.05, 0.9), mapper, {
      model: 's',
      text: "I'm not happy at all",
    });
    expect(notHappy.top[0]?.emotion).toBe('sadness');
    expect(findEmotionCues("I don't feel happy")).toEqual([]);
    expect(findEmotionCues('我没有不开心')).toEqual([]);
  });
});

describe('the generic mapping for models a deployment plugs in', () => {
  it('recognises common label sets by name, in English and Chinese', () => {
    const ekman = selectMapper(['anger', 'disgust', 'fear', 'joy', 'neutral', 'sadness', 'surprise']);
    expect(ekman.kind).toBe('generic');
    expect(ekman.map('joy')).toEqual({ joy: 1 });
    expect(mapLabelByName('5 stars')).toEqual({ content: 1 });
    expect(mapLabelByName('1 star')).toEqual({ upset: 1 });
    expect(mapLabelByName('POSITIVE')).toEqual({ content: 1 });
    expect(mapLabelByName('開心語調')).toEqual({ joy: 1 });
    expect(mapLabelByName('悲傷語調')).toEqual({ sadness: 1 });
    expect(mapLabelByName('焦虑')).toEqual({ anxiety: 1 });
    expect(mapLabelByName('Loneliness')).toEqual({ loneliness: 1 });
  });

  it('gives unknown labels no weight, and an output of only unknown labels reads neutral with no confidence', () => {
    const mapper = selectMapper(['LABEL_0', 'LABEL_1']);
    expect(mapper.map('LABEL_0')).toEqual({});
    const result = toEmotionResult(
      [
        { label: 'LABEL_0', score: 0.9 },
        { label: 'LABEL_1', score: 0.1 },
      ],
      mapper,
      { model: 'x', text: 'I am so lonely' },
    );
    expect(result).toEqual({
      top: [{ emotion: 'neutral', score: 1 }],
      valence: 0,
      arousal: EMOTION_AFFECT.neutral.arousal,
      confidence: 0,
      model: 'x',
    });
  });

  it('treats a star-rating model as coarse, so words in the text name the feeling', () => {
    const mapper = selectMapper(['1 star', '2 stars', '3 stars', '4 stars', '5 stars']);
    expect(mapper.coarse).toBe(true);
  });
});

describe('the scheme', () => {
  it('keeps every result in range, whatever the model outputs', () => {
    const mapper = selectMapper(GO_EMOTIONS_LABELS);
    const wild = GO_EMOTIONS_LABELS.map((label, i) => ({
      label,
      score: i % 3 === 0 ? 7 : i % 3 === 1 ? -2 : NaN,
    }));
    const result = toEmotionResult(wild, mapper, { model: 'go' });
    expect(result.valence).toBeGreaterThanOrEqual(-1);
    expect(result.valence).toBeLessThanOrEqual(1);
    expect(result.arousal).toBeGreaterThanOrEqual(0);
    expect(result.arousal).toBeLessThanOrEqual(1);
    expect(result.confidence).toBeLessThanOrEqual(1);
    expect(result.top.length).toBeGreaterThanOrEqual(1);
  });

  it('names every emotion in both languages and places it on the circumplex', () => {
    for (const emotion of APP_EMOTIONS) {
      expect(EMOTION_NAMES[emotion].en).not.toBe('');
      expect(EMOTION_NAMES[emotion]['zh-CN']).toMatch(/\p{Script=Han}/u);
      const { valence, arousal } = EMOTION_AFFECT[emotion];
      expect(Math.abs(valence)).toBeLessThanOrEqual(1);
      expect(arousal).toBeGreaterThanOrEqual(0);
      expect(arousal).toBeLessThanOrEqual(1);
    }
  });
});
