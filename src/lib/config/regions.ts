/**
 * Which region's crisis lines to show first. Location matters more than language (a Chinese speaker in
 * London needs UK numbers), so the time zone wins over the language tag. Pure: the browser values are passed in.
 */
import type { RegionResources } from './schema';

const TIME_ZONE_REGIONS: Record<string, string> = {
  'Asia/Shanghai': 'CN',
  'Asia/Chongqing': 'CN',
  'Asia/Chungking': 'CN',
  'Asia/Harbin': 'CN',
  'Asia/Urumqi': 'CN',
  'Asia/Kashgar': 'CN',
  PRC: 'CN',
  'Asia/Hong_Kong': 'HK',
  'Asia/Macau': 'MO',
  'Asia/Taipei': 'TW',
  'Asia/Singapore': 'SG',
  'Europe/London': 'GB',
  'Europe/Belfast': 'GB',
  'Europe/Dublin': 'IE',
  'America/New_York': 'US',
  'America/Detroit': 'US',
  'America/Chicago': 'US',
  'America/Denver': 'US',
  'America/Phoenix': 'US',
  'America/Los_Angeles': 'US',
  'America/Anchorage': 'US',
  'America/Boise': 'US',
  'America/Indiana/Indianapolis': 'US',
  'America/Kentucky/Louisville': 'US',
  'Pacific/Honolulu': 'US',
};

export const FALLBACK_REGION = 'INTL';

export interface RegionSignals {
  /** `navigator.languages` */
  languages: readonly string[];
  /** `Intl.DateTimeFormat().resolvedOptions().timeZone` */
  timeZone?: string;
}

export function detectRegion(signals: RegionSignals, available: readonly string[]): string {
  const candidates: string[] = [];
  const fromZone = signals.timeZone ? TIME_ZONE_REGIONS[signals.timeZone] : undefined;
  if (fromZone) candidates.push(fromZone);
  for (const tag of signals.languages) {
    const region = /^[a-z]{2,3}(?:-[A-Za-z]{4})?-([A-Za-z]{2})\b/.exec(tag)?.[1];
    if (region) candidates.push(region.toUpperCase());
    else if (/^zh\b/i.test(tag)) candidates.push('CN');
  }
  return candidates.find((c) => available.includes(c)) ?? FALLBACK_REGION;
}

/** The resources for `region`, falling back to the international directory. */
export function resourcesFor(all: Record<string, RegionResources>, region: string): RegionResources {
  const found = all[region] ?? all[FALLBACK_REGION];
  if (!found) throw new Error(`no crisis resources for ${region} and no ${FALLBACK_REGION} fallback`);
  return found;
}

/** `tel:`/`sms:` hrefs keep only what dialers understand. */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^0-9+]/g, '')}`;
}

export function smsHref(number: string, body?: string): string {
  const digits = number.replace(/[^0-9+]/g, '');
  // `?&body=` is the form both iOS and Android accept.
  return body ? `sms:${digits}?&body=${encodeURIComponent(body)}` : `sms:${digits}`;
}
