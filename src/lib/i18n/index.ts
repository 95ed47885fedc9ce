/**
 * A small typed message layer. Two catalogs with identical keys (checked by the compiler and a unit test),
 * `{name}` interpolation, nothing else: simpler than an ICU runtime for what the app needs, and it adds
 * no weight to the first screen.
 */
import type { Locale, LocalizedText } from '../config/schema';
import { en as shellEn } from './en';
import { zhCN as shellZhCN } from './zh-CN';
import { storeMessages } from './messages/store';
import { safetyMessages } from './messages/safety';
import { checkinMessages } from './messages/checkin';
import { moodMessages } from './messages/mood';
import { chatMessages } from './messages/chat';

// Each feature keeps its messages in messages/<feature>.ts (defineMessages) and is merged here.
const en = {
  ...shellEn,
  ...storeMessages.en,
  ...safetyMessages.en,
  ...checkinMessages.en,
  ...moodMessages.en,
  ...chatMessages.en,
};
const zhCN: Record<keyof typeof en, string> = {
  ...shellZhCN,
  ...storeMessages['zh-CN'],
  ...safetyMessages['zh-CN'],
  ...checkinMessages['zh-CN'],
  ...moodMessages['zh-CN'],
  ...chatMessages['zh-CN'],
};

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;

export const CATALOGS: Record<Locale, Catalog> = { en, 'zh-CN': zhCN };

export type Params = Record<string, string | number>;

export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return format(CATALOGS[locale][key], params);
}

/** Picks the text for `locale` from a config value, falling back to the other language. */
export function localize(text: LocalizedText | undefined, locale: Locale): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text.en ?? text['zh-CN'] ?? '';
}

/** Maps a BCP 47 tag (`navigator.language`) to a supported locale, or undefined. */
export function matchLocale(tag: string | undefined, enabled: readonly Locale[]): Locale | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  const candidate: Locale | undefined = lower.startsWith('zh')
    ? 'zh-CN'
    : lower.startsWith('en')
      ? 'en'
      : undefined;
  return candidate && enabled.includes(candidate) ? candidate : undefined;
}
