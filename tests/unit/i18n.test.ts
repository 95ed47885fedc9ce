import { describe, expect, it } from 'vitest';
import { CATALOGS, format, localize, matchLocale, translate } from '../../src/lib/i18n';
import { LOCALES } from '../../src/lib/config/schema';

describe('message catalogs', () => {
  const englishKeys = Object.keys(CATALOGS.en).sort();

  it.each(LOCALES)('%s has exactly the same keys as English', (locale) => {
    expect(Object.keys(CATALOGS[locale]).sort()).toEqual(englishKeys);
  });

  it.each(LOCALES)('%s has no empty value', (locale) => {
    const empty = Object.entries(CATALOGS[locale]).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(LOCALES)('%s uses the same placeholders as English in every message', (locale) => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const mismatched = Object.entries(CATALOGS.en).filter(
      ([key, text]) =>
        placeholders(text).join() !== placeholders(CATALOGS[locale][key as keyof typeof CATALOGS.en]).join(),
    );
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it.each(LOCALES)('%s never calls the app therapy or a diagnosis tool', (locale) => {
    // The words may appear only to say what Solace is NOT.
    const claims = Object.entries(CATALOGS[locale]).filter(([, text]) =>
      /\b(our|your) therapy\b|\bwe diagnose\b|\btherapist\b|治疗师/.test(text),
    );
    expect(claims).toEqual([]);
  });
});

describe('translate and format', () => {
  it('interpolates named values and leaves unknown ones visible', () => {
    expect(format('Call {number} or {other}', { number: 988 })).toBe('Call 988 or {other}');
    expect(translate('zh-CN', 'help.call', { number: '12356' })).toBe('拨打 12356');
  });

  it('picks the right text of a localized config value, with a fallback', () => {
    expect(localize({ en: 'Clinic', 'zh-CN': '诊所' }, 'zh-CN')).toBe('诊所');
    expect(localize({ en: 'Clinic' }, 'zh-CN')).toBe('Clinic');
    expect(localize('Same in both', 'en')).toBe('Same in both');
  });

  it('maps browser language tags to the enabled locales', () => {
    expect(matchLocale('zh-TW', ['en', 'zh-CN'])).toBe('zh-CN');
    expect(matchLocale('en-GB', ['en', 'zh-CN'])).toBe('en');
    expect(matchLocale('fr-FR', ['en', 'zh-CN'])).toBeUndefined();
    expect(matchLocale('zh-CN', ['en'])).toBeUndefined();
  });
});
