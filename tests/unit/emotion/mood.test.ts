/**
 * Mood tracking as the person sees it: a chart of days, what a day shows when they checked in and chatted,
 * trends in plain words in both languages, and the one-line hint the counselor gets.
 */
import { describe, expect, it } from 'vitest';
import {
  InvalidCheckInError,
  MOOD_RANGES,
  aggregateDaily,
  chatMoodPoint,
  dayKey,
  describeTrend,
  summariseForPrompt,
  validateCheckIn,
  valenceToScore,
  type ChatMoodPoint,
  type CheckIn,
} from '../../../src/lib/emotion/mood';
import type { AppEmotion, EmotionResult } from '../../../src/lib/emotion/scheme';

/** Local time on day `daysAgo` before 2026-03-20 at `hour`:00. */
function at(daysAgo: number, hour = 12): number {
  return new Date(2026, 2, 20 - daysAgo, hour).getTime();
}
const NOW = at(0, 21);

function checkIn(daysAgo: number, score: number, emotions: string[] = [], hour = 9): CheckIn {
  return { time: at(daysAgo, hour), score, emotions };
}

function reading(valence: number, emotion: AppEmotion, confidence = 0.9, arousal = 0.4): EmotionResult {
  return { top: [{ emotion, score: 1 }], valence, arousal, confidence, model: 'test' };
}

function chat(daysAgo: number, valence: number, emotion: AppEmotion, confidence = 0.9): ChatMoodPoint {
  const point = chatMoodPoint(reading(valence, emotion, confidence), at(daysAgo, 15));
  if (!point) throw new Error('unexpected null point');
  return point;
}

describe('check-ins and chat mood points', () => {
  it('accepts whole scores from 1 to 10 and refuses anything else', () => {
    expect(validateCheckIn(checkIn(0, 1)).score).toBe(1);
    expect(validateCheckIn(checkIn(0, 10)).score).toBe(10);
    for (const score of [0, 11, 5.5, NaN]) {
      expect(() => validateCheckIn(checkIn(0, score))).toThrow(InvalidCheckInError);
    }
  });

  it('puts a chat reading on the check-in scale: very unpleasant 1, neutral 5.5, very pleasant 10', () => {
    expect(valenceToScore(-1)).toBe(1);
    expect(valenceToScore(0)).toBe(5.5);
    expect(valenceToScore(1)).toBe(10);
    expect(valenceToScore(-0.7)).toBe(2.4);
    expect(chat(0, 0.8, 'joy').score).toBeGreaterThan(chat(0, -0.6, 'sadness').score);
  });

  it('leaves readings too unsure to mean anything off the chart', () => {
    expect(chatMoodPoint(reading(-0.9, 'sadness', 0.1), NOW)).toBeNull();
    expect(chatMoodPoint(reading(-0.9, 'sadness', 0.6), NOW)?.weight).toBe(0.6);
  });
});

describe('the chart, per day', () => {
  it.each(MOOD_RANGES)('gives %i days, oldest first, ending today, empty days included', (range) => {
    const days = aggregateDaily([checkIn(0, 6)], [], { range, now: NOW });
    expect(days).toHaveLength(range);
    expect(days.at(-1)?.day).toBe('2026-03-20');
    expect(days[0]?.day).toBe(dayKey(at(range - 1)));
    expect(days.filter((d) => d.combined !== null)).toHaveLength(1);
  });

  it('shows what the person said on days they checked in, and the chats on other days', () => {
    const days = aggregateDaily(
      [checkIn(1, 7, ['calm']), checkIn(1, 5, ['tiredness'], 20)],
      [chat(1, -0.8, 'sadness'), chat(0, -0.6, 'anxiety'), chat(0, 0.2, 'hope', 0.3)],
      { range: 7, now: NOW },
    );
    const yesterday = days.at(-2);
    const today = days.at(-1);
    expect(yesterday).toMatchObject({ checkIn: 6, checkInCount: 2, chatCount: 1, combined: 6 });
    expect(yesterday?.chat).toBeCloseTo(valenceToScore(-0.8), 5);
    // Today has only chats: their confidence-weighted mean, pulled towards the confident anxious one.
    expect(today?.checkIn).toBeNull();
    expect(today?.combined).toBe(today?.chat);
    expect(today?.chat).toBeGreaterThan(valenceToScore(-0.6));
    expect(today?.chat).toBeLessThan((valenceToScore(-0.6) + valenceToScore(0.2)) / 2);
    expect(today?.emotions[0]).toBe('anxiety');
    expect(yesterday?.emotions.slice(0, 2)).toEqual(['calm', 'tiredness']);
  });

  it('ignores entries outside the range and tags that are not app emotions', () => {
    const days = aggregateDaily(
      [checkIn(7, 2), checkIn(0, 8, ['my own word', 'joy'])],
      [chat(30, 0.9, 'joy')],
      {
        range: 7,
        now: NOW,
      },
    );
    expect(days.filter((d) => d.combined !== null).map((d) => d.combined)).toEqual([8]);
    expect(days.at(-1)?.emotions).toEqual(['joy']);
  });

  it('counts an entry at 23:59 and one at 00:01 on their own local days', () => {
    const late = { time: new Date(2026, 2, 18, 23, 59).getTime(), score: 3, emotions: [] };
    const early = { time: new Date(2026, 2, 19, 0, 1).getTime(), score: 9, emotions: [] };
    const days = aggregateDaily([late, early], [], { range: 7, now: NOW });
    expect(days.find((d) => d.day === '2026-03-18')?.combined).toBe(3);
    expect(days.find((d) => d.day === '2026-03-19')?.combined).toBe(9);
  });
});

describe('trends in words', () => {
  /** Two weeks at `before`, then this week at `now`, on alternate days. */
  function history(before: number, now: number): CheckIn[] {
    const entries: CheckIn[] = [];
    for (let d = 20; d >= 7; d -= 2) entries.push(checkIn(d, before));
    for (let d = 6; d >= 0; d -= 2) entries.push(checkIn(d, now));
    return entries;
  }

  it('says this week is lower than the last two weeks', () => {
    const trend = describeTrend(history(7, 6), [], { now: NOW, locale: 'en' });
    expect(trend).toMatchObject({
      direction: 'lower',
      strength: 'slight',
      recentMean: 6,
      baselineMean: 7,
      difference: -1,
    });
    expect(trend.text).toBe('This week your mood has been a little lower than your last two weeks.');
    expect(describeTrend(history(7, 6), [], { now: NOW, locale: 'zh-CN' }).text).toBe(
      '这一周的心情比前两周低一些。',
    );
  });

  it('says "clearly" from two points of difference, in both directions', () => {
    expect(describeTrend(history(8, 4), [], { now: NOW, locale: 'en' }).text).toBe(
      'This week your mood has been clearly lower than your last two weeks.',
    );
    expect(describeTrend(history(3, 7), [], { now: NOW, locale: 'en' }).text).toBe(
      'This week your mood has been clearly higher than your last two weeks.',
    );
    expect(describeTrend(history(3, 7), [], { now: NOW, locale: 'zh-CN' }).text).toBe(
      '这一周的心情明显好于前两周。',
    );
    expect(describeTrend(history(8, 4), [], { now: NOW, locale: 'zh-CN' }).text).toBe(
      '这一周的心情明显低于前两周。',
    );
  });

  it('calls a difference under three quarters of a point "about the same"', () => {
    const trend = describeTrend(history(6, 6.5), [], { now: NOW, locale: 'en' });
    expect(trend.direction).toBe('same');
    expect(trend.text).toBe('This week your mood has been about the same as your last two weeks.');
    expect(describeTrend(history(6, 6), [], { now: NOW, locale: 'zh-CN' }).text).toBe(
      '这一周的心情和前两周差不多。',
    );
  });

  it('waits for enough entries before naming a trend', () => {
    const few = [checkIn(10, 8), checkIn(9, 8), checkIn(1, 3), checkIn(0, 3)];
    const trend = describeTrend(few, [], { now: NOW, locale: 'en' });
    expect(trend.direction).toBe('unknown');
    expect(trend.text).toMatch(/^Not enough entries yet/);
    expect(describeTrend([], [], { now: NOW, locale: 'zh-CN' }).text).toMatch(/^记录还不够多/);
  });

  it('uses chat moods for days without a check-in', () => {
    const chats: ChatMoodPoint[] = [];
    for (let d = 20; d >= 7; d--) chats.push(chat(d, 0.5, 'content'));
    for (let d = 6; d >= 0; d--) chats.push(chat(d, -0.5, 'sadness'));
    expect(describeTrend([], chats, { now: NOW, locale: 'en' }).direction).toBe('lower');
  });

  it('can compare other periods, named in words', () => {
    const entries = [checkIn(40, 5), checkIn(35, 5), checkIn(31, 5), checkIn(20, 8), checkIn(3, 8)];
    const trend = describeTrend(entries, [], { now: NOW, locale: 'en', recentDays: 30, baselineDays: 30 });
    expect(trend.text).toBe('These last 30 days your mood has been clearly higher than the month before.');
  });
});

describe('the summary for the chat', () => {
  it('names the main feelings, the mood and the energy, and says it is an estimate', () => {
    const line = summariseForPrompt(
      [
        reading(-0.6, 'anxiety', 0.9, 0.8),
        reading(-0.7, 'fear', 0.8, 0.8),
        reading(-0.6, 'anxiety', 0.9, 0.75),
      ],
      'en',
    );
    expect(line).toBe(
      "Emotional tone of the person's last 3 messages (automatic estimate, may be wrong): anxiety and fear; mood low, tense or activated.",
    );
    const zh = summariseForPrompt([reading(-0.7, 'sadness', 0.9, 0.2)], 'zh-CN');
    expect(zh).toBe('对方最近 1 条消息的情绪（自动估计，可能不准）：难过；心情偏低，精力偏低。');
  });

  it('looks only at the latest few readings, and says nothing when nothing is confident', () => {
    const old = Array.from({ length: 10 }, () => reading(-0.8, 'sadness'));
    const recent = Array.from({ length: 5 }, () => reading(0.8, 'joy', 0.9, 0.5));
    expect(summariseForPrompt([...old, ...recent], 'en')).toBe(
      "Emotional tone of the person's last 5 messages (automatic estimate, may be wrong): joy; mood good.",
    );
    expect(summariseForPrompt([], 'en')).toBe('');
    expect(summariseForPrompt([reading(-0.9, 'sadness', 0.05)], 'zh-CN')).toBe('');
    expect(summariseForPrompt([reading(0, 'neutral', 0.9)], 'en')).toBe(
      "Emotional tone of the person's last message (automatic estimate, may be wrong): no clear emotion; mood even.",
    );
  });
});
