/**
 * The personal safety plan (Stanley-Brown steps): what the person writes down in advance to get
 * through a crisis. Pure data and text; storage and editing live elsewhere.
 */
import type { Locale } from '../config/schema';

/** A person or service the plan points to. */
export interface SafetyPlanContact {
  name: string;
  phone?: string;
  note?: string;
}

export interface SafetyPlan {
  version: 1;
  /** Milliseconds since the epoch of the last edit, or null if never edited. */
  updatedAt: number | null;
  warningSigns: string[];
  copingStrategies: string[];
  /** People and social settings that provide distraction. */
  distractions: string[];
  /** People to ask for help. */
  helpers: SafetyPlanContact[];
  /** Professionals, services and crisis lines. */
  professionals: SafetyPlanContact[];
  /** Steps to make the environment safe. */
  safeEnvironment: string[];
  reasonsForLiving: string[];
}

export type SafetyPlanField = Exclude<keyof SafetyPlan, 'version' | 'updatedAt'>;

export interface SafetyPlanStep {
  field: SafetyPlanField;
  /** `list` steps hold short texts; `contacts` steps hold names with optional phone numbers. */
  kind: 'list' | 'contacts';
  title: Record<Locale, string>;
  prompt: Record<Locale, string>;
}

/** The seven steps, in the order they are filled in and shown. */
export const SAFETY_PLAN_STEPS: readonly SafetyPlanStep[] = [
  {
    field: 'warningSigns',
    kind: 'list',
    title: { en: 'My warning signs', 'zh-CN': '我的预警信号' },
    prompt: {
      en: 'What thoughts, feelings, situations or behaviours tell you a crisis may be starting?',
      'zh-CN': '哪些想法、感受、情境或行为会提醒你，危机可能正在开始？',
    },
  },
  {
    field: 'copingStrategies',
    kind: 'list',
    title: { en: 'Things I can do on my own', 'zh-CN': '我可以自己做的事' },
    prompt: {
      en: 'What can you do by yourself to take your mind off things or feel a little calmer (a walk, music, a breathing exercise)?',
      'zh-CN': '有哪些事情你可以独自去做，让自己转移注意力或平静一点（散步、听音乐、呼吸练习）？',
    },
  },
  {
    field: 'distractions',
    kind: 'list',
    title: {
      en: 'People and places that help me take my mind off things',
      'zh-CN': '能让我分散注意力的人和地方',
    },
    prompt: {
      en: 'Who could you be around, or where could you go, to feel less alone (a friend, a café, a park, a library)?',
      'zh-CN': '和谁在一起、去哪里能让你感觉不那么孤单（朋友、咖啡馆、公园、图书馆）？',
    },
  },
  {
    field: 'helpers',
    kind: 'contacts',
    title: { en: 'People I can ask for help', 'zh-CN': '我可以求助的人' },
    prompt: {
      en: 'Who could you tell that you are struggling and ask for help? Add their number so it is one tap away.',
      'zh-CN': '你可以告诉谁你现在很难受、并向他求助？留下电话号码，需要时一点就能拨打。',
    },
  },
  {
    field: 'professionals',
    kind: 'contacts',
    title: { en: 'Professionals and crisis lines', 'zh-CN': '专业人员和心理援助热线' },
    prompt: {
      en: 'Your doctor, counsellor, a local crisis line or emergency number: who can you contact any time?',
      'zh-CN': '你的医生、心理咨询师、当地心理援助热线或急救电话：任何时候可以联系谁？',
    },
  },
  {
    field: 'safeEnvironment',
    kind: 'list',
    title: { en: 'Making my surroundings safer', 'zh-CN': '让我的环境更安全' },
    prompt: {
      en: 'What could you put away, hand to someone else, or keep out of reach while things are hard?',
      'zh-CN': '在难熬的时候，有哪些东西可以收起来、交给别人保管，或放在够不着的地方？',
    },
  },
  {
    field: 'reasonsForLiving',
    kind: 'list',
    title: { en: 'My reasons for living', 'zh-CN': '我活下去的理由' },
    prompt: {
      en: 'What matters most to you and is worth living for (people, pets, plans, hopes, values)?',
      'zh-CN': '对你来说最重要、值得为之活下去的是什么（人、宠物、计划、希望、信念）？',
    },
  },
];

/** A new, blank plan. */
export function emptySafetyPlan(): SafetyPlan {
  return {
    version: 1,
    updatedAt: null,
    warningSigns: [],
    copingStrategies: [],
    distractions: [],
    helpers: [],
    professionals: [],
    safeEnvironment: [],
    reasonsForLiving: [],
  };
}

/** True when nothing has been written in any step (blank entries do not count). */
export function isSafetyPlanEmpty(plan: SafetyPlan): boolean {
  return SAFETY_PLAN_STEPS.every((step) => {
    const entries = plan[step.field];
    return entries.every((e) => (typeof e === 'string' ? e.trim() === '' : e.name.trim() === ''));
  });
}
