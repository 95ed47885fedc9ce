import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/lib/config/schema';
import {
  INSTRUMENTS,
  INSTRUMENT_IDS,
  isInstrumentId,
  optionLabel,
} from '../../../src/lib/assessments/instruments';

describe('instrument catalogs', () => {
  it('has the five instruments with the published item counts', () => {
    expect(Object.fromEntries(INSTRUMENT_IDS.map((id) => [id, INSTRUMENTS[id].items.length]))).toEqual({
      phq9: 9,
      gad7: 7,
      who5: 5,
      phq2: 2,
      gad2: 2,
    });
  });

  it.each(INSTRUMENT_IDS)('%s: every language has the same number of items and options, none empty', (id) => {
    const def = INSTRUMENTS[id];
    for (const locale of LOCALES) {
      const items = def.items.map((item) => item.text[locale].trim()).filter(Boolean);
      const options = def.options.map((option) => option.label[locale].trim()).filter(Boolean);
      expect(items).toHaveLength(def.items.length);
      expect(options).toHaveLength(def.options.length);
      expect(def.title[locale].trim()).not.toBe('');
      expect(def.stem[locale].trim()).not.toBe('');
    }
  });

  it.each(INSTRUMENT_IDS)('%s: option values are every whole number from min to max, once each', (id) => {
    const def = INSTRUMENTS[id];
    const values = def.options.map((o) => o.value).sort((a, b) => a - b);
    const expected = Array.from(
      { length: def.maxItemValue - def.minItemValue + 1 },
      (_, i) => def.minItemValue + i,
    );
    expect(values).toEqual(expected);
  });

  it('item linkIds are unique within each instrument', () => {
    for (const id of INSTRUMENT_IDS) {
      const ids = INSTRUMENTS[id].items.map((item) => item.linkId);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('PHQ-2 is PHQ-9 items 1-2 and GAD-2 is GAD-7 items 1-2, word for word, in both languages', () => {
    expect(INSTRUMENTS.phq2.items).toEqual(INSTRUMENTS.phq9.items.slice(0, 2));
    expect(INSTRUMENTS.gad2.items).toEqual(INSTRUMENTS.gad7.items.slice(0, 2));
    expect(INSTRUMENTS.phq2.options).toEqual(INSTRUMENTS.phq9.options);
    expect(INSTRUMENTS.gad2.options).toEqual(INSTRUMENTS.gad7.options);
    expect(INSTRUMENTS.phq2.fullVersion).toBe('phq9');
    expect(INSTRUMENTS.gad2.fullVersion).toBe('gad7');
  });

  it('PHQ-9 item 9 asks about thoughts of being better off dead or of self-harm, in both languages', () => {
    const item9 = INSTRUMENTS.phq9.items[8]!;
    expect(item9.linkId).toBe('44260-8');
    expect(item9.text.en).toBe(
      'Thoughts that you would be better off dead or of hurting yourself in some way',
    );
    expect(item9.text['zh-CN']).toBe('有不如死掉或用某种方式伤害自己的念头');
  });

  it('keeps the published stems', () => {
    expect(INSTRUMENTS.phq9.stem.en).toBe(
      'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
    );
    expect(INSTRUMENTS.who5.stem.en).toContain('over the last two weeks');
    expect(INSTRUMENTS.who5.stem['zh-CN']).toContain('在过去两星期里');
  });

  it('WHO-5 options run from "All of the time" (5) down to "At no time" (0), as printed', () => {
    expect(INSTRUMENTS.who5.options.map((o) => [o.value, o.label.en])).toEqual([
      [5, 'All of the time'],
      [4, 'Most of the time'],
      [3, 'More than half of the time'],
      [2, 'Less than half of the time'],
      [1, 'Some of the time'],
      [0, 'At no time'],
    ]);
  });

  it('PHQ-9 has the unscored difficulty question with four options in both languages', () => {
    const extra = INSTRUMENTS.phq9.unscoredItem!;
    expect(extra.linkId).toBe('69722-7');
    for (const locale of LOCALES)
      expect(extra.options.map((o) => o.label[locale]).filter(Boolean)).toHaveLength(4);
  });

  it('looks up option labels and recognises instrument ids', () => {
    expect(optionLabel('phq9', 2, 'zh-CN')).toBe('一半以上的天数');
    expect(optionLabel('who5', 9, 'en')).toBeUndefined();
    expect(isInstrumentId('gad7')).toBe(true);
    expect(isInstrumentId('GAD7')).toBe(false);
    expect(isInstrumentId(7)).toBe(false);
  });

  it('is frozen at the top level so published wording is not swapped out at run time', () => {
    expect(Object.isFrozen(INSTRUMENTS)).toBe(true);
  });
});
