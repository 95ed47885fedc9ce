/**
 * Mood tracking, as pure functions: daily check-ins and the mood points chats produce, gathered per
 * local calendar day for 7, 30 or 90 days, trends in plain words (English and Simplified Chinese), and a
 * one-line summary of recent emotion readings for the chat's per-turn context.
 *
 * Everything is on the check-in's 1-10 scale (1 worst, 10 best). A check-in is what the person said;
 * a chat point is the classifier's guess. Where a day has both, the check-in is the day's value.
 */
import type { Locale } from '../config/schema';
import { APP_EMOTIONS, clamp, emotionName, type AppEmotion, type EmotionResult } from './scheme';

/** A daily check-in; the same shape the store keeps (`MoodEntry` without its id). */
export interface CheckIn {
  /** Epoch milliseconds. */
  readonly time: number;
  /** 1 (worst) .. 10 (best), a whole number. */
  readonly score: number;
  /** Emotion tags the person chose: app emotions, or words of their own. */
  readonly emotions: readonly string[];
  readonly note?: string;
}

/** One chat message's mood, from its emotion result. */
export interface ChatMoodPoint {
  readonly time: number;
  /** 1 .. 10, one decimal. */
  readonly score: number;
  /** How much the point counts in a day's average: the result's confidence. */
  readonly weight: number;
  readonly emotions: readonly AppEmotion[];
}

/** One local calendar day of the chart. Days without data have `null` values. */
export interface DailyMood {
  /** `YYYY-MM-DD`, local time. */
  readonly day: string;
  /** Mean of the day's check-ins. */
  readonly checkIn: number | null;
  /** Confidence-weighted mean of the day's chat points. */
  readonly chat: number | null;
  /** The day's value: the check-in when there is one, the chats' otherwise. */
  readonly combined: number | null;
  readonly checkInCount: number;
  readonly chatCount: number;
  /** The day's most frequent emotions (check-in tags and chat readings), at most three. */
  readonly emotions: readonly AppEmotion[];
}

export const MOOD_RANGES = [7, 30, 90] as const;
export type MoodRange = (typeof MOOD_RANGES)[number];

/** Chat readings below this confidence are left out of the chart: they say too little. */
export const MIN_CHAT_CONFIDENCE = 0.2;

/** Thrown for a check-in the app must not store. */
export class InvalidCheckInError extends Error {
  override readonly name = 'InvalidCheckInError';
}

/** @throws InvalidCheckInError when the score is not a whole number from 1 to 10 or the time is not a date. */
export function validateCheckIn(checkIn: CheckIn): CheckIn {
  if (!Number.isInteger(checkIn.score) || checkIn.score < 1 || checkIn.score > 10) {
    throw new InvalidCheckInError(`A check-in score is a whole number from 1 to 10, not ${checkIn.score}.`);
  }
  if (!Number.isFinite(checkIn.time) || checkIn.time < 0) {
    throw new InvalidCheckInError('A check-in needs the time it was made.');
  }
  return checkIn;
}

/** Valence -1..1 on the 1..10 scale: -1 -> 1, 0 -> 5.5, 1 -> 10. */
export function valenceToScore(valence: number): number {
  return Math.round((1 + ((clamp(valence, -1, 1) + 1) / 2) * 9) * 10) / 10;
}

/** The mood point of one classified chat message, or null when the reading is too unsure to chart. */
export function chatMoodPoint(result: EmotionResult, time: number): ChatMoodPoint | null {
  if (result.confidence < MIN_CHAT_CONFIDENCE) return null;
  return {
    time,
    score: valenceToScore(result.valence),
    weight: result.confidence,
    emotions: result.top.map((entry) => entry.emotion),
  };
}

/** `YYYY-MM-DD` of `time` in the device's time zone. */
export function dayKey(time: number): string {
  const date = new Date(time);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** Local midnight `days` days before the day of `time` (0: that day's midnight). */
function startOfDay(time: number, daysBefore = 0): number {
  const date = new Date(time);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - daysBefore).getTime();
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function topEmotions(counts: Map<AppEmotion, number>): AppEmotion[] {
  return [...counts.entries()]
    .filter(([emotion]) => emotion !== 'neutral')
    .sort((a, b) => b[1] - a[1] || APP_EMOTIONS.indexOf(a[0]) - APP_EMOTIONS.indexOf(b[0]))
    .slice(0, 3)
    .map(([emotion]) => emotion);
}

/**
 * The last `range` days up to and including the day of `now`, oldest first, one entry per day (empty
 * days included, so a chart's x axis is even). Entries outside the range are ignored.
 */
export function aggregateDaily(
  checkIns: readonly CheckIn[],
  chatPoints: readonly ChatMoodPoint[],
  options: { range: number; now: number },
): DailyMood[] {
  const keys: string[] = [];
  for (let i = options.range - 1; i >= 0; i--) keys.push(dayKey(startOfDay(options.now, i)));
  const wanted = new Set(keys);
  const buckets = new Map(
    keys.map((key) => [
      key,
      {
        checkIns: [] as number[],
        chatSum: 0,
        chatWeight: 0,
        chatCount: 0,
        emotions: new Map<AppEmotion, number>(),
      },
    ]),
  );
  const tally = (counts: Map<AppEmotion, number>, emotion: AppEmotion, by: number) =>
    counts.set(emotion, (counts.get(emotion) ?? 0) + by);

  for (const checkIn of checkIns) {
    const key = dayKey(checkIn.time);
    const bucket = wanted.has(key) ? buckets.get(key) : undefined;
    if (!bucket) continue;
    bucket.checkIns.push(checkIn.score);
    for (const tag of checkIn.emotions) {
      if ((APP_EMOTIONS as readonly string[]).includes(tag)) tally(bucket.emotions, tag as AppEmotion, 1);
    }
  }
  for (const point of chatPoints) {
    const key = dayKey(point.time);
    const bucket = wanted.has(key) ? buckets.get(key) : undefined;
    if (!bucket || point.weight <= 0) continue;
    bucket.chatSum += point.score * point.weight;
    bucket.chatWeight += point.weight;
    bucket.chatCount++;
    // A chat reading counts at most half a tag: the person chose their tags, the model only guessed these.
    for (const emotion of point.emotions) tally(bucket.emotions, emotion, 0.5 * point.weight);
  }

  return keys.map((day) => {
    const bucket = buckets.get(day);
    const checkIn =
      bucket && bucket.checkIns.length > 0
        ? round1(bucket.checkIns.reduce((a, b) => a + b, 0) / bucket.checkIns.length)
        : null;
    const chat = bucket && bucket.chatWeight > 0 ? round1(bucket.chatSum / bucket.chatWeight) : null;
    return {
      day,
      checkIn,
      chat,
      combined: checkIn ?? chat,
      checkInCount: bucket?.checkIns.length ?? 0,
      chatCount: bucket?.chatCount ?? 0,
      emotions: bucket ? topEmotions(bucket.emotions) : [],
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// Trends in words

/**
 * Trend thresholds, on the 1-10 scale. A difference of the means under `SAME_BELOW` is "about the same"
 * (day-to-day noise of a self-rating is about a point); from `CLEAR_FROM` on it is "clearly" higher or
 * lower. A comparison needs `MIN_RECENT_DAYS` days with data in the recent period and `MIN_BASELINE_DAYS`
 * in the period before; fewer say "not enough entries yet".
 */
export const TREND_SAME_BELOW = 0.75;
export const TREND_CLEAR_FROM = 2;
export const TREND_MIN_RECENT_DAYS = 2;
export const TREND_MIN_BASELINE_DAYS = 3;

export type TrendDirection = 'lower' | 'same' | 'higher' | 'unknown';

export interface MoodTrend {
  readonly direction: TrendDirection;
  /** `clear` when the difference is at least `TREND_CLEAR_FROM`. */
  readonly strength: 'slight' | 'clear' | null;
  readonly recentMean: number | null;
  readonly baselineMean: number | null;
  /** recentMean - baselineMean, one decimal. */
  readonly difference: number | null;
  /** One sentence for the mood screen. */
  readonly text: string;
}

function periodName(days: number, locale: Locale, recent: boolean): string {
  if (locale === 'zh-CN') {
    if (recent) return days === 7 ? '这一周' : `最近 ${days} 天`;
    if (days === 14) return '前两周';
    if (days === 7) return '上一周';
    if (days === 30) return '之前一个月';
    return `之前的 ${days} 天`;
  }
  if (recent) return days === 7 ? 'This week' : `These last ${days} days`;
  if (days === 14) return 'your last two weeks';
  if (days === 7) return 'the week before';
  if (days === 30) return 'the month before';
  return `the ${days} days before`;
}

function trendText(
  direction: TrendDirection,
  strength: MoodTrend['strength'],
  recentDays: number,
  baselineDays: number,
  locale: Locale,
): string {
  const recent = periodName(recentDays, locale, true);
  const before = periodName(baselineDays, locale, false);
  if (locale === 'zh-CN') {
    switch (direction) {
      case 'unknown':
        return '记录还不够多，暂时看不出变化趋势。再坚持记录几天就能看到了。';
      case 'same':
        return `${recent}的心情和${before}差不多。`;
      case 'lower':
        return strength === 'clear'
          ? `${recent}的心情明显低于${before}。`
          : `${recent}的心情比${before}低一些。`;
      case 'higher':
        return strength === 'clear'
          ? `${recent}的心情明显好于${before}。`
          : `${recent}的心情比${before}好一些。`;
    }
  }
  switch (direction) {
    case 'unknown':
      return 'Not enough entries yet to see a trend. A few more days of check-ins will show one.';
    case 'same':
      return `${recent} your mood has been about the same as ${before}.`;
    case 'lower':
      return `${recent} your mood has been ${strength === 'clear' ? 'clearly' : 'a little'} lower than ${before}.`;
    case 'higher':
      return `${recent} your mood has been ${strength === 'clear' ? 'clearly' : 'a little'} higher than ${before}.`;
  }
}

/**
 * Compare the last `recentDays` days (today included) with the `baselineDays` days before them, using
 * each day's combined value. Default: this week against the two weeks before it.
 */
export function describeTrend(
  checkIns: readonly CheckIn[],
  chatPoints: readonly ChatMoodPoint[],
  options: { now: number; locale: Locale; recentDays?: number; baselineDays?: number },
): MoodTrend {
  const recentDays = options.recentDays ?? 7;
  const baselineDays = options.baselineDays ?? 14;
  const daily = aggregateDaily(checkIns, chatPoints, { range: recentDays + baselineDays, now: options.now });
  const values = (days: readonly DailyMood[]) =>
    days.map((day) => day.combined).filter((value): value is number => value !== null);
  const baseline = values(daily.slice(0, baselineDays));
  const recent = values(daily.slice(baselineDays));
  const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
  if (recent.length < TREND_MIN_RECENT_DAYS || baseline.length < TREND_MIN_BASELINE_DAYS) {
    return {
      direction: 'unknown',
      strength: null,
      recentMean: recent.length ? round1(mean(recent)) : null,
      baselineMean: baseline.length ? round1(mean(baseline)) : null,
      difference: null,
      text: trendText('unknown', null, recentDays, baselineDays, options.locale),
    };
  }
  const recentMean = mean(recent);
  const baselineMean = mean(baseline);
  const difference = recentMean - baselineMean;
  const direction: TrendDirection =
    Math.abs(difference) < TREND_SAME_BELOW ? 'same' : difference < 0 ? 'lower' : 'higher';
  const strength =
    direction === 'same' ? null : Math.abs(difference) >= TREND_CLEAR_FROM ? 'clear' : 'slight';
  return {
    direction,
    strength,
    recentMean: round1(recentMean),
    baselineMean: round1(baselineMean),
    difference: round1(difference),
    text: trendText(direction, strength, recentDays, baselineDays, options.locale),
  };
}

// ---------------------------------------------------------------------------------------------------
// The chat's per-turn context

/** How many of the latest readings the prompt summary looks at. */
export const PROMPT_SUMMARY_WINDOW = 5;

function moodWord(valence: number, locale: Locale): string {
  const en =
    valence <= -0.5
      ? 'low'
      : valence < -0.15
        ? 'somewhat low'
        : valence <= 0.15
          ? 'even'
          : valence < 0.5
            ? 'fairly good'
            : 'good';
  if (locale === 'en') return en;
  return (
    { low: '偏低', 'somewhat low': '略低', even: '平稳', 'fairly good': '还不错', good: '不错' }[en] ?? '平稳'
  );
}

function energyWord(arousal: number, locale: Locale): string | null {
  if (arousal > 0.65) return locale === 'en' ? 'tense or activated' : '紧绷或激动';
  if (arousal < 0.3) return locale === 'en' ? 'low energy' : '精力偏低';
  return null;
}

/**
 * One short line about the person's recent emotional tone, for the chat's per-turn context, or `''`
 * when there is nothing confident to say. Readings are oldest first; the last few count, weighted by
 * confidence. It says it is an automatic estimate so the counselor treats it as a hint, not a fact.
 */
export function summariseForPrompt(results: readonly EmotionResult[], locale: Locale): string {
  const recent = results.slice(-PROMPT_SUMMARY_WINDOW).filter((r) => r.confidence >= MIN_CHAT_CONFIDENCE);
  if (recent.length === 0) return '';
  const weight = recent.reduce((sum, r) => sum + r.confidence, 0);
  const valence = recent.reduce((sum, r) => sum + r.valence * r.confidence, 0) / weight;
  const arousal = recent.reduce((sum, r) => sum + r.arousal * r.confidence, 0) / weight;
  const shares = new Map<AppEmotion, number>();
  for (const result of recent) {
    for (const { emotion, score } of result.top) {
      shares.set(emotion, (shares.get(emotion) ?? 0) + score * result.confidence);
    }
  }
  const named = [...shares.entries()]
    .filter(([emotion, share]) => emotion !== 'neutral' && share / weight >= 0.15)
    .sort((a, b) => b[1] - a[1] || APP_EMOTIONS.indexOf(a[0]) - APP_EMOTIONS.indexOf(b[0]))
    .slice(0, 2)
    .map(([emotion]) => emotionName(emotion, locale));
  const energy = energyWord(arousal, locale);
  const count = recent.length;
  if (locale === 'zh-CN') {
    const feelings = named.length ? named.join('、') : '没有明显的情绪';
    const parts = [`心情${moodWord(valence, locale)}`, ...(energy ? [energy] : [])].join('，');
    return `对方最近 ${count} 条消息的情绪（自动估计，可能不准）：${feelings}；${parts}。`;
  }
  const feelings = named.length ? named.join(' and ') : 'no clear emotion';
  const parts = [`mood ${moodWord(valence, locale)}`, ...(energy ? [energy] : [])].join(', ');
  const messages = count === 1 ? 'last message' : `last ${count} messages`;
  return `Emotional tone of the person's ${messages} (automatic estimate, may be wrong): ${feelings}; ${parts}.`;
}
