/**
 * The free-writing assessment: "how have you been feeling this week?" is split into sentences, each is
 * classified (through an injected function: the emotion client in the app, a fake or the real handler in
 * tests), and the readings become a short report: the dominant emotions, how they shifted from the
 * beginning to the end, and two or three suggestions from the self-help tools, each with its reason.
 */
import type { Locale } from '../config/schema';
import { findEmotionCues } from './lexicon';
import { APP_EMOTIONS, emotionName, type AppEmotion, type EmotionResult, type LocalizedText } from './scheme';
import { splitSentences } from './text';

/** Classifies texts, one result per text in order (`EmotionClient.classify`). */
export type ClassifyTexts = (texts: readonly string[]) => Promise<readonly EmotionResult[]>;

export const SELF_HELP_TOOLS = [
  'breathing',
  'grounding',
  'behavioural-activation',
  'thought-record',
  'journal',
] as const;
export type SelfHelpTool = (typeof SELF_HELP_TOOLS)[number];

export const TOOL_NAMES: Readonly<Record<SelfHelpTool, LocalizedText>> = {
  breathing: { en: 'Slow breathing', 'zh-CN': '缓慢呼吸' },
  grounding: { en: 'Grounding: 5-4-3-2-1', 'zh-CN': '着陆练习：5-4-3-2-1' },
  'behavioural-activation': { en: 'One small activity', 'zh-CN': '做一件小事（行为激活）' },
  'thought-record': { en: 'Thought record', 'zh-CN': '想法记录' },
  journal: { en: 'Journal', 'zh-CN': '日记' },
};

export interface SentenceReading {
  readonly text: string;
  readonly result: EmotionResult;
}

export interface EmotionShare {
  readonly emotion: AppEmotion;
  /** 0..1 of the writing's emotional weight. */
  readonly share: number;
}

export interface Suggestion {
  readonly tool: SelfHelpTool;
  /** Why this tool, in terms of what the writing showed. */
  readonly reason: LocalizedText;
}

export interface EmotionShift {
  /** The strongest emotions of the first third of the sentences, and of the last third. */
  readonly beginning: readonly EmotionShare[];
  readonly end: readonly EmotionShare[];
  /** Mean valence of the end minus that of the beginning. */
  readonly valenceChange: number;
  readonly direction: 'lighter' | 'heavier' | 'steady';
}

export interface FreeWritingReport {
  readonly sentences: readonly SentenceReading[];
  /** The strongest emotions over the whole text, at most three (neutral only when nothing else shows). */
  readonly dominant: readonly EmotionShare[];
  readonly valence: number;
  readonly arousal: number;
  readonly shift: EmotionShift;
  /** Two or three, most relevant first. */
  readonly suggestions: readonly Suggestion[];
}

/** Thrown when there is nothing to analyse. */
export class EmptyWritingError extends Error {
  override readonly name = 'EmptyWritingError';
}

/** Sentences go to the classifier in batches of this many, so a long text never blocks the worker long. */
export const CLASSIFY_BATCH = 16;
/** A valence change of more than this between beginning and end counts as a shift. */
export const SHIFT_THRESHOLD = 0.25;
/** An emotion group with at least this share of the writing triggers its tool. */
export const SUGGESTION_SHARE = 0.15;
/** Mean arousal from which grounding is suggested. */
export const HIGH_AROUSAL = 0.65;

const round = (value: number, places = 3) => Math.round(value * 10 ** places) / 10 ** places;

function shares(readings: readonly SentenceReading[], includeNeutral: boolean): EmotionShare[] {
  const totals = new Map<AppEmotion, number>();
  let total = 0;
  for (const { result } of readings) {
    const weight = Math.max(result.confidence, 0.05);
    for (const { emotion, score } of result.top) {
      if (!includeNeutral && emotion === 'neutral') continue;
      totals.set(emotion, (totals.get(emotion) ?? 0) + score * weight);
      total += score * weight;
    }
  }
  if (total <= 0) return includeNeutral ? [] : shares(readings, true);
  return [...totals.entries()]
    .map(([emotion, sum]) => ({ emotion, share: round(sum / total) }))
    .sort((a, b) => b.share - a.share || APP_EMOTIONS.indexOf(a.emotion) - APP_EMOTIONS.indexOf(b.emotion));
}

function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

function shareOf(all: readonly EmotionShare[], group: readonly AppEmotion[]): number {
  return all.filter((entry) => group.includes(entry.emotion)).reduce((sum, entry) => sum + entry.share, 0);
}

function suggest(
  readings: readonly SentenceReading[],
  all: readonly EmotionShare[],
  valence: number,
  arousal: number,
): Suggestion[] {
  const fearful = shareOf(all, ['anxiety', 'fear']);
  const low = shareOf(all, ['sadness', 'loneliness', 'tiredness', 'upset']);
  const selfCritical =
    shareOf(all, ['shame', 'guilt']) +
    (readings.some(({ text }) => findEmotionCues(text).some((e) => e === 'shame' || e === 'guilt'))
      ? SUGGESTION_SHARE
      : 0);
  const activated = shareOf(all, ['anger', 'frustration']);

  const candidates: { strength: number; suggestion: Suggestion }[] = [];
  if (fearful >= SUGGESTION_SHARE) {
    candidates.push({
      strength: fearful,
      suggestion: {
        tool: 'breathing',
        reason: {
          en: 'Worry and fear came up in what you wrote. Slow breathing, with a longer out-breath, helps the body settle.',
          'zh-CN': '你写下的内容里有担心和害怕。缓慢呼吸、把呼气拉长，能帮助身体慢慢平静下来。',
        },
      },
    });
  }
  if (low >= SUGGESTION_SHARE || valence <= -0.3) {
    candidates.push({
      strength: Math.max(low, -valence),
      suggestion: {
        tool: 'behavioural-activation',
        reason: {
          en: 'Sadness, loneliness or tiredness came up. When mood is low, one small, doable activity you used to enjoy can lift it a little, step by step.',
          'zh-CN':
            '你的文字里有难过、孤独或疲惫。心情低落时，做一件小而容易完成、曾经让你愉快的事，可以一点一点地让心情好起来。',
        },
      },
    });
  }
  if (selfCritical >= SUGGESTION_SHARE) {
    candidates.push({
      strength: selfCritical,
      suggestion: {
        tool: 'thought-record',
        reason: {
          en: 'Shame, guilt or harsh words about yourself came up. A thought record helps you look at those thoughts fairly, as a good friend would.',
          'zh-CN':
            '你的文字里有羞愧、内疚或对自己很严厉的话。想法记录可以帮你像好朋友那样，公平地看待这些想法。',
        },
      },
    });
  }
  if (arousal >= HIGH_AROUSAL || activated >= SUGGESTION_SHARE) {
    candidates.push({
      strength: Math.max(activated, arousal - 0.5),
      suggestion: {
        tool: 'grounding',
        reason: {
          en: 'A lot of strong, stirred-up feeling came through. Grounding brings your attention back to the here and now.',
          'zh-CN': '你的文字里有不少强烈、起伏的情绪。着陆练习能把注意力带回此时此地。',
        },
      },
    });
  }
  const picked = candidates
    .sort((a, b) => b.strength - a.strength)
    .slice(0, 3)
    .map((c) => c.suggestion);
  if (picked.length < 2) {
    picked.push({
      tool: 'journal',
      reason:
        valence >= 0.2
          ? {
              en: 'There was a lot of good in what you wrote. Noting what went well in a journal helps you come back to it on harder days.',
              'zh-CN': '你写下的内容里有不少美好的部分。把顺利的事记在日记里，难熬的日子里可以回头看看。',
            }
          : {
              en: 'Writing things down helps you notice patterns over time. The journal keeps it private, on this device.',
              'zh-CN': '把感受写下来，时间久了能帮你发现其中的规律。日记只保存在这台设备上。',
            },
    });
  }
  if (picked.length < 2) {
    picked.push({
      tool: 'breathing',
      reason: {
        en: 'A few slow breaths are a good way to pause at any time, whatever the day has been like.',
        'zh-CN': '无论今天过得怎样，几次缓慢的呼吸都是随时停下来歇一歇的好方法。',
      },
    });
  }
  return picked;
}

/** The report for sentences already classified (pure; `analyseFreeWriting` feeds it). */
export function buildFreeWritingReport(readings: readonly SentenceReading[]): FreeWritingReport {
  if (readings.length === 0) throw new EmptyWritingError('There is no writing to analyse.');
  const all = shares(readings, false);
  const dominant = all.filter((entry, i) => i === 0 || entry.share >= 0.1).slice(0, 3);
  const valence = round(mean(readings.map((r) => r.result.valence)));
  const arousal = round(mean(readings.map((r) => r.result.arousal)));

  const third = Math.max(1, Math.floor(readings.length / 3));
  const first = readings.slice(0, third);
  const last = readings.length > 1 ? readings.slice(-third) : first;
  const valenceChange = round(
    mean(last.map((r) => r.result.valence)) - mean(first.map((r) => r.result.valence)),
  );
  const direction =
    valenceChange > SHIFT_THRESHOLD ? 'lighter' : valenceChange < -SHIFT_THRESHOLD ? 'heavier' : 'steady';

  return {
    sentences: readings,
    dominant,
    valence,
    arousal,
    shift: {
      beginning: shares(first, false).slice(0, 2),
      end: shares(last, false).slice(0, 2),
      valenceChange,
      direction,
    },
    suggestions: suggest(readings, all, valence, arousal),
  };
}

/**
 * Split, classify and report. Errors of `classify` (e.g. `ModelUnavailableError`) reach the caller.
 * @throws EmptyWritingError when the text has no sentence.
 */
export async function analyseFreeWriting(text: string, classify: ClassifyTexts): Promise<FreeWritingReport> {
  const sentences = splitSentences(text);
  if (sentences.length === 0) throw new EmptyWritingError('There is no writing to analyse.');
  const results: EmotionResult[] = [];
  for (let i = 0; i < sentences.length; i += CLASSIFY_BATCH) {
    const batch = sentences.slice(i, i + CLASSIFY_BATCH);
    const batchResults = await classify(batch);
    if (batchResults.length !== batch.length) {
      throw new Error(`The classifier answered ${batchResults.length} of ${batch.length} sentences.`);
    }
    results.push(...batchResults);
  }
  return buildFreeWritingReport(
    sentences.map((sentence, i) => ({ text: sentence, result: results[i] as EmotionResult })),
  );
}

function list(emotions: readonly EmotionShare[], locale: Locale): string {
  const names = emotions.map((entry) => emotionName(entry.emotion, locale));
  if (locale === 'zh-CN') return names.join('、');
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** The report's sentences for the screen and the printable report. */
export interface FreeWritingText {
  readonly dominant: string;
  readonly shift: string;
  readonly suggestions: readonly {
    readonly tool: SelfHelpTool;
    readonly title: string;
    readonly reason: string;
  }[];
}

/** The report in words, in `locale`. */
export function describeFreeWriting(report: FreeWritingReport, locale: Locale): FreeWritingText {
  const zh = locale === 'zh-CN';
  const dominant = zh
    ? `你的文字里最明显的情绪是：${list(report.dominant, locale)}。`
    : report.dominant.length === 1
      ? `The feeling that came through most was ${list(report.dominant, locale)}.`
      : `The feelings that came through most were ${list(report.dominant, locale)}.`;
  const from = list(report.shift.beginning.slice(0, 1), locale);
  const to = list(report.shift.end.slice(0, 1), locale);
  let shift: string;
  if (report.sentences.length < 2) {
    shift = zh ? '内容比较短，看不出前后的变化。' : 'The writing is short, so there is no shift to see.';
  } else if (report.shift.direction === 'steady' || from === to) {
    const lighter = report.shift.direction === 'lighter';
    const heavier = report.shift.direction === 'heavier';
    if (lighter || heavier) {
      shift = zh
        ? `从开头到结尾主要是${to}，到结尾变得${lighter ? '轻松' : '沉重'}了一些。`
        : `The feeling was mostly ${to} throughout, and it grew ${lighter ? 'lighter' : 'heavier'} towards the end.`;
    } else {
      shift = zh
        ? `从开头到结尾，情绪大体保持一致（主要是${to}）。`
        : `From beginning to end, the feeling stayed much the same (mostly ${to}).`;
    }
  } else if (report.shift.direction === 'lighter') {
    shift = zh
      ? `开头更多是${from}，到结尾更多是${to}，整体变得轻松了一些。`
      : `You started with more ${from} and ended with more ${to}: the writing grew lighter towards the end.`;
  } else {
    shift = zh
      ? `开头更多是${from}，到结尾更多是${to}，整体变得沉重了一些。`
      : `You started with more ${from} and ended with more ${to}: the writing grew heavier towards the end.`;
  }
  return {
    dominant,
    shift,
    suggestions: report.suggestions.map((s) => ({
      tool: s.tool,
      title: TOOL_NAMES[s.tool][locale],
      reason: s.reason[locale],
    })),
  };
}
