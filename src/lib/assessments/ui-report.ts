/**
 * Pure helpers for the history chart and the printable report: band shading, the mood summary, dates.
 */
import type { Locale } from '../config/schema';
import type { InstrumentId } from './instruments';
import { BANDS, MEANINGFUL_CHANGE, PROFESSIONAL_BANDS, type BandId } from './scoring';

/** How a band is shaded in the chart: calm, in between, or "consider talking to someone". */
export type BandTone = 'calm' | 'middle' | 'concern';

export interface BandArea {
  readonly id: BandId;
  /** Lower and upper edge in score units; the upper edge closes the gap to the next band. */
  readonly from: number;
  readonly to: number;
  readonly tone: BandTone;
}

/** The bands of an instrument as areas to draw behind its trend, covering the whole score range. */
export function bandAreas(instrument: InstrumentId): BandArea[] {
  const bands = BANDS[instrument];
  return bands.map((band, i) => {
    const next = bands[i + 1];
    const tone: BandTone =
      PROFESSIONAL_BANDS.has(band.id) || band.id === 'positive'
        ? 'concern'
        : band.id === 'minimal' || band.id === 'adequate_wellbeing' || band.id === 'negative'
          ? 'calm'
          : 'middle';
    return { id: band.id, from: band.min, to: next ? next.min : band.max, tone };
  });
}

/** The full score range of an instrument, for the chart's y axis. */
export function scoreRange(instrument: InstrumentId): { min: number; max: number } {
  const bands = BANDS[instrument];
  return { min: bands[0]?.min ?? 0, max: bands.at(-1)?.max ?? 0 };
}

/** True when a higher score means feeling better (WHO-5). */
export function higherIsBetter(instrument: InstrumentId): boolean {
  return MEANINGFUL_CHANGE[instrument]?.higherIsBetter ?? false;
}

/** The mood entries the report summarises (the store's `MoodEntry`, 1-10). */
export interface MoodPoint {
  readonly time: number;
  readonly score: number;
  readonly emotions: readonly string[];
}

export interface MoodSummary {
  readonly count: number;
  readonly from: number;
  readonly to: number;
  readonly average: number;
  readonly lowest: number;
  readonly highest: number;
  /** Most often named emotions, most frequent first (at most 5). */
  readonly topEmotions: readonly string[];
}

/** A short summary of mood check-ins, or null when there are none. */
export function summarizeMoods(moods: readonly MoodPoint[]): MoodSummary | null {
  if (moods.length === 0) return null;
  const scores = moods.map((m) => m.score);
  const times = moods.map((m) => m.time);
  const counts = new Map<string, number>();
  for (const m of moods) for (const e of m.emotions) counts.set(e, (counts.get(e) ?? 0) + 1);
  const topEmotions = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 5)
    .map(([e]) => e);
  return {
    count: moods.length,
    from: Math.min(...times),
    to: Math.max(...times),
    average: Math.round((scores.reduce((s, v) => s + v, 0) / scores.length) * 10) / 10,
    lowest: Math.min(...scores),
    highest: Math.max(...scores),
    topEmotions,
  };
}

/** A date (and optionally time) in the person's language. */
export function formatDate(time: number, locale: Locale, withTime = false): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(new Date(time));
}
