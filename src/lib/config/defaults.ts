/**
 * Built-in defaults. Crisis resources ship inside the bundle so "Get help now" works offline and
 * before any config has loaded. Sources: ../shared/SAFETY.md (checked 2026); deployments override per region.
 */
import type { Counselor, DeploymentConfigFile, Locale, LocalizedText, RegionResources } from './schema';

export const DEFAULT_CRISIS_RESOURCES: Record<string, RegionResources> = {
  CN: {
    name: { en: 'China (mainland)', 'zh-CN': '中国大陆' },
    emergency: ['110', '120'],
    lines: [
      {
        name: { en: 'National psychological assistance hotline', 'zh-CN': '全国心理援助热线' },
        phone: '12356',
        hours: { en: 'At least 18 hours a day', 'zh-CN': '每天至少 18 小时' },
      },
      {
        name: {
          en: 'Beijing Psychological Crisis Research and Intervention Center',
          'zh-CN': '北京心理危机研究与干预中心',
        },
        phone: '010-82951332',
        hours: { en: '24 hours', 'zh-CN': '24 小时' },
      },
      {
        name: { en: 'Hope 24 hotline', 'zh-CN': '希望24热线' },
        phone: '400-161-9995',
        hours: { en: '24 hours', 'zh-CN': '24 小时' },
      },
    ],
  },
  US: {
    name: { en: 'United States', 'zh-CN': '美国' },
    emergency: ['911'],
    lines: [
      {
        name: { en: '988 Suicide & Crisis Lifeline', 'zh-CN': '988 自杀与危机生命线' },
        phone: '988',
        sms: '988',
        hours: { en: '24/7, call or text', 'zh-CN': '全天 24 小时，可致电或发短信' },
      },
      {
        name: { en: 'Crisis Text Line', 'zh-CN': '危机短信热线（Crisis Text Line）' },
        sms: '741741',
        smsBody: 'HOME',
        description: { en: 'Text HOME to 741741', 'zh-CN': '发送 HOME 至 741741' },
      },
    ],
  },
  GB: {
    name: { en: 'United Kingdom', 'zh-CN': '英国' },
    emergency: ['999', '112'],
    lines: [
      {
        name: 'Samaritans',
        phone: '116 123',
        hours: { en: 'Free, 24/7', 'zh-CN': '免费，全天 24 小时' },
      },
    ],
  },
  IE: {
    name: { en: 'Ireland', 'zh-CN': '爱尔兰' },
    emergency: ['112', '999'],
    lines: [
      {
        name: 'Samaritans',
        phone: '116 123',
        hours: { en: 'Free, 24/7', 'zh-CN': '免费，全天 24 小时' },
      },
    ],
  },
  INTL: {
    name: { en: 'Other countries', 'zh-CN': '其他国家和地区' },
    emergency: ['112'],
    lines: [
      {
        name: { en: 'Find A Helpline', 'zh-CN': 'Find A Helpline（全球求助热线目录）' },
        url: 'https://findahelpline.com/',
        description: {
          en: 'A verified directory of crisis lines in over 130 countries',
          'zh-CN': '经核实的求助热线目录，覆盖 130 多个国家和地区',
        },
      },
    ],
  },
};

/** Regions whose built-in numbers we ship, in the order the region picker lists them. */
export const BUILT_IN_REGIONS = ['CN', 'US', 'GB', 'IE', 'INTL'] as const;

/** The config with every field resolved: what the app reads. */
export interface DeploymentConfig {
  organization: { name: LocalizedText; shortName?: string; logo?: string; website?: string };
  locales: { default: Locale; enabled: Locale[] };
  /** Region forced by the deployment; undefined means "detect from the browser". */
  region?: string;
  crisisResources: Record<string, RegionResources>;
  counselors: Counselor[];
  minimumAge: number;
  models: { hosts: string[]; defaultChatModel?: string; chatModels?: string[]; emotionModels?: string[] };
  theme: { color: string };
  disclaimer?: LocalizedText;
  screening: { enabled: boolean; instruments: ('phq9' | 'gad7' | 'who5' | 'phq2' | 'gad2')[] };
}

export const DEFAULT_MINIMUM_AGE = 16;
export const DEFAULT_THEME_COLOR = '#2f6f6a';

export function resolveConfig(file: DeploymentConfigFile = {}): DeploymentConfig {
  return {
    organization: file.organization ?? { name: { en: 'Solace', 'zh-CN': '心安' } },
    locales: file.locales ?? { default: 'en', enabled: ['en', 'zh-CN'] },
    region: file.region,
    // The deployment's regions first; built-in defaults fill in every region it does not name.
    crisisResources: { ...DEFAULT_CRISIS_RESOURCES, ...file.crisisResources },
    counselors: file.counselors ?? [],
    minimumAge: file.minimumAge ?? DEFAULT_MINIMUM_AGE,
    models: { hosts: [], ...file.models },
    theme: file.theme ?? { color: DEFAULT_THEME_COLOR },
    disclaimer: file.disclaimer,
    screening: { enabled: false, instruments: ['phq2', 'gad2'], ...file.screening },
  };
}
