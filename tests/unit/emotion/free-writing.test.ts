/**
 * The free-writing report: through the real handler and tiny models for whole texts in both languages,
 * and through a scripted classifier for each suggestion rule.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EmotionClassifierHandler } from '../../../src/lib/emotion/classifier-handler';
import { ModelUnavailableError } from '../../../src/lib/emotion/errors';
import {
  CLASSIFY_BATCH,
  EmptyWritingError,
  analyseFreeWriting,
  buildFreeWritingReport,
  describeFreeWriting,
  type ClassifyTexts,
  type SentenceReading,
} from '../../../src/lib/emotion/free-writing';
import type { AppEmotion, EmotionResult } from '../../../src/lib/emotion/scheme';
import type { EmotionResponse } from '../../../src/workers/emotion-protocol';
import {
  GENERATED_DIR,
  TINY_GO_EMOTIONS_ID,
  TINY_SENTIMENT_ID,
  generateTinyEmotionModels,
} from '../../fixtures/tiny-classifier';

/** The real handler behind a classify function, as the emotion client provides one in the app. */
async function realClassifier(): Promise<ClassifyTexts> {
  let reply: ((message: EmotionResponse) => void) | undefined;
  const handler = new EmotionClassifierHandler({ post: (message) => reply?.(message) });
  await handler.handle({
    kind: 'load',
    options: {
      models: [
        { id: TINY_GO_EMOTIONS_ID, languages: ['en'] },
        { id: TINY_SENTIMENT_ID, languages: ['zh'] },
      ],
      allowRemoteModels: false,
      localModelPath: `${GENERATED_DIR}/`,
    },
  });
  let nextId = 1;
  return async (texts) => {
    const id = nextId++;
    let results: readonly EmotionResult[] = [];
    reply = (message) => {
      if (message.kind === 'result' && message.id === id) results = message.results;
    };
    await handler.handle({ kind: 'classify', id, texts });
    return results;
  };
}

function reading(text: string, emotion: AppEmotion, valence: number, arousal = 0.4): SentenceReading {
  return { text, result: { top: [{ emotion, score: 1 }], valence, arousal, confidence: 0.9, model: 'test' } };
}

let classify: ClassifyTexts;

beforeAll(async () => {
  generateTinyEmotionModels(GENERATED_DIR);
  classify = await realClassifier();
});

describe('free writing through the real classifier', () => {
  it('reports fear and anxiety, a lighter ending, and suggests breathing first', async () => {
    const report = await analyseFreeWriting(
      'I was scared at work. I felt nervous all day. In the evening I talked to a friend. I felt relieved and happy.',
      classify,
    );
    expect(report.sentences.map((s) => s.text)).toHaveLength(4);
    expect(
      report.dominant
        .map((d) => d.emotion)
        .slice(0, 2)
        .sort(),
    ).toEqual(['anxiety', 'fear']);
    expect(report.shift.direction).toBe('lighter');
    expect(report.shift.beginning[0]?.emotion).toMatch(/fear|anxiety/);
    expect(report.shift.end.map((e) => e.emotion)).toContain('joy');
    expect(report.suggestions[0]?.tool).toBe('breathing');
    expect(report.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(report.suggestions.length).toBeLessThanOrEqual(3);

    const en = describeFreeWriting(report, 'en');
    expect(en.dominant).toMatch(/^The feelings that came through most were (fear|anxiety), /);
    expect(en.shift).toMatch(/grew lighter towards the end\.$/);
    expect(en.suggestions[0]).toMatchObject({ tool: 'breathing', title: 'Slow breathing' });
    expect(en.suggestions[0]?.reason).toMatch(/Worry and fear/);
  });

  it('reads Chinese writing: low mood and self-criticism lead to activation and a thought record', async () => {
    const report = await analyseFreeWriting(
      '这周上班很累。一个人在家很孤独，也很难过。我觉得自己很没用。',
      classify,
    );
    expect(report.sentences).toHaveLength(3);
    expect(report.dominant.map((d) => d.emotion)).toEqual(
      expect.arrayContaining(['tiredness', 'loneliness']),
    );
    expect(report.valence).toBeLessThan(-0.2);
    expect(report.suggestions.map((s) => s.tool)).toEqual(
      expect.arrayContaining(['behavioural-activation', 'thought-record']),
    );
    const zh = describeFreeWriting(report, 'zh-CN');
    expect(zh.dominant).toMatch(/^你的文字里最明显的情绪是：.*疲惫/);
    expect(zh.suggestions.find((s) => s.tool === 'thought-record')).toMatchObject({
      title: '想法记录',
      reason: expect.stringMatching(/羞愧、内疚或对自己很严厉的话/) as unknown,
    });
  });
});

describe('free-writing rules', () => {
  it('suggests grounding for anger and stirred-up feeling', () => {
    const report = buildFreeWritingReport([
      reading('They ignored me again.', 'anger', -0.7, 0.9),
      reading('I am so fed up.', 'frustration', -0.5, 0.7),
    ]);
    expect(report.suggestions[0]?.tool).toBe('grounding');
    expect(describeFreeWriting(report, 'en').suggestions[0]?.title).toBe('Grounding: 5-4-3-2-1');
  });

  it('suggests the journal (and a breathing pause) when the writing is mostly good', () => {
    const report = buildFreeWritingReport([
      reading('I had a good week.', 'joy', 0.8),
      reading('Grateful for my friends.', 'gratitude', 0.7),
    ]);
    expect(report.suggestions.map((s) => s.tool)).toEqual(['journal', 'breathing']);
    expect(report.suggestions[0]?.reason.en).toMatch(/what went well/);
    expect(report.shift.direction).toBe('steady');
    expect(describeFreeWriting(report, 'en').shift).toBe(
      'From beginning to end, the feeling stayed much the same (mostly gratitude).',
    );
  });

  it('describes a writing that grows heavier, and one with the same feeling throughout', () => {
    const heavier = buildFreeWritingReport([
      reading('Morning was fine.', 'calm', 0.5),
      reading('Then I got the news.', 'surprise', 0.1),
      reading('Now I just feel sad.', 'sadness', -0.7),
    ]);
    expect(heavier.shift.direction).toBe('heavier');
    expect(describeFreeWriting(heavier, 'en').shift).toBe(
      'You started with more calm and ended with more sadness: the writing grew heavier towards the end.',
    );
    expect(describeFreeWriting(heavier, 'zh-CN').shift).toBe(
      '开头更多是平静，到结尾更多是难过，整体变得沉重了一些。',
    );

    const same = buildFreeWritingReport([reading('a', 'sadness', -0.9), reading('b', 'sadness', -0.3)]);
    expect(describeFreeWriting(same, 'en').shift).toBe(
      'The feeling was mostly sadness throughout, and it grew lighter towards the end.',
    );
  });

  it('names one dominant feeling in the singular and a short writing as short', () => {
    const report = buildFreeWritingReport([reading('I feel sad.', 'sadness', -0.7)]);
    const en = describeFreeWriting(report, 'en');
    expect(en.dominant).toBe('The feeling that came through most was sadness.');
    expect(en.shift).toBe('The writing is short, so there is no shift to see.');
    expect(describeFreeWriting(report, 'zh-CN').shift).toBe('内容比较短，看不出前后的变化。');
  });

  it('sends long writing in batches and keeps every sentence in order', async () => {
    const sizes: number[] = [];
    const fake: ClassifyTexts = (texts) => {
      sizes.push(texts.length);
      return Promise.resolve(
        texts.map(() => ({
          top: [{ emotion: 'neutral' as const, score: 1 }],
          valence: 0,
          arousal: 0.3,
          confidence: 0.9,
          model: 'f',
        })),
      );
    };
    const text = Array.from({ length: 40 }, (_, i) => `Sentence ${i + 1}.`).join(' ');
    const report = await analyseFreeWriting(text, fake);
    expect(sizes).toEqual([CLASSIFY_BATCH, CLASSIFY_BATCH, 40 - 2 * CLASSIFY_BATCH]);
    expect(report.sentences.at(-1)?.text).toBe('Sentence 40.');
    expect(report.dominant).toEqual([{ emotion: 'neutral', share: 1 }]);
  });

  it('refuses empty writing, and passes an unavailable model on to the caller', async () => {
    await expect(analyseFreeWriting('   \n ', classify)).rejects.toBeInstanceOf(EmptyWritingError);
    const unavailable: ClassifyTexts = () =>
      Promise.reject(new ModelUnavailableError('offline', 'not cached yet'));
    await expect(analyseFreeWriting('I feel sad.', unavailable)).rejects.toBeInstanceOf(
      ModelUnavailableError,
    );
  });
});
