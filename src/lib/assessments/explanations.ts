/**
 * Plain-word explanations of a result and what to do next, in English and Simplified Chinese.
 * Kind and non-alarming; self-help and support, never a clinical verdict. Moderate and worse results
 * suggest talking to a professional (the app then shows the deployment's counselor directory).
 */
import type { Locale } from '../config/schema';
import { INSTRUMENTS, type InstrumentId, type LocalizedText } from './instruments';
import { PROFESSIONAL_BANDS, type BandId, type Change, type FlagId } from './scoring';

/** What the result screen, the report and the screening mode show under a score. */
export interface Explanation {
  /** Short name of the band ("Mild", "身心状态偏低"). */
  readonly bandLabel: string;
  /** What the result means, in a sentence or two. */
  readonly summary: string;
  /** Concrete next steps, most important first. */
  readonly nextSteps: readonly string[];
  /** True when the UI should show the deployment's counselor directory with this result. */
  readonly suggestProfessional: boolean;
  /** Set when PHQ-9 item 9 was above 0: shown first, before anything else; the safety flow starts too. */
  readonly safetyNote: string | null;
  /** An instrument to offer next, with `offerText` as its invitation. */
  readonly offerInstrument: InstrumentId | null;
  readonly offerText: string | null;
}

/** The part of a result an explanation needs; a `ScoreResult` or a stored result both fit. */
export interface ExplainableResult {
  readonly instrument: InstrumentId;
  readonly band: BandId;
  readonly flags: readonly FlagId[];
}

/** Shown with every result and in the report. */
export const RESULT_DISCLAIMER: LocalizedText = {
  en: 'This questionnaire is a self-help check-in. It shows how the last two weeks have felt for you; it cannot say what is causing it, and it does not replace a conversation with a professional.',
  'zh-CN':
    '这份问卷是一次自助式的自我检查。它反映的是你过去两周的感受，不能说明背后的原因，也不能代替与专业人士的交流。',
};

const BAND_LABELS: Readonly<Record<BandId, LocalizedText>> = {
  minimal: { en: 'Minimal', 'zh-CN': '极轻微' },
  mild: { en: 'Mild', 'zh-CN': '轻度' },
  moderate: { en: 'Moderate', 'zh-CN': '中度' },
  moderately_severe: { en: 'Moderately severe', 'zh-CN': '中重度' },
  severe: { en: 'Severe', 'zh-CN': '重度' },
  adequate_wellbeing: { en: 'Wellbeing in the usual range', 'zh-CN': '身心状态在通常范围内' },
  poor_wellbeing: { en: 'Low wellbeing', 'zh-CN': '身心状态偏低' },
  very_poor_wellbeing: { en: 'Very low wellbeing', 'zh-CN': '身心状态很低' },
  negative: { en: 'Below the screening threshold', 'zh-CN': '未达到筛查阈值' },
  positive: { en: 'At or above the screening threshold', 'zh-CN': '达到筛查阈值' },
};

type Summaries = Partial<Record<BandId, LocalizedText>>;

const MOOD_SUMMARIES: Summaries = {
  minimal: {
    en: 'Your answers show few or no signs of low mood over the last two weeks.',
    'zh-CN': '你的回答显示，过去两周里几乎没有情绪低落的迹象。',
  },
  mild: {
    en: 'Your answers show some signs of low mood over the last two weeks. Many people go through times like this, and small, steady steps often help.',
    'zh-CN':
      '你的回答显示，过去两周里有一些情绪低落的迹象。很多人都会经历这样的时期，一些小而持续的行动往往会有帮助。',
  },
  moderate: {
    en: 'Your answers show that low mood has been affecting you a fair amount over the last two weeks. You do not have to work through this alone.',
    'zh-CN': '你的回答显示，过去两周里情绪低落对你有不小的影响。你不必独自面对这些。',
  },
  moderately_severe: {
    en: 'Your answers show that low mood has been weighing on you a lot over the last two weeks. Talking with someone trained to help could make a real difference.',
    'zh-CN':
      '你的回答显示，过去两周里情绪低落让你承受了很大的压力。和受过专业训练的人聊一聊，可能会带来实实在在的帮助。',
  },
  severe: {
    en: 'Your answers show that the last two weeks have been very hard for you. You deserve support, and reaching out to a professional soon is a good next step.',
    'zh-CN': '你的回答显示，过去两周对你来说非常艰难。你值得被支持，尽快联系一位专业人士是很好的下一步。',
  },
};

const WORRY_SUMMARIES: Summaries = {
  minimal: {
    en: 'Your answers show few or no signs of worry or nervousness over the last two weeks.',
    'zh-CN': '你的回答显示，过去两周里几乎没有担忧或紧张的迹象。',
  },
  mild: {
    en: 'Your answers show some worry or nervousness over the last two weeks. That is common, and there are simple ways to ease it.',
    'zh-CN': '你的回答显示，过去两周里有一些担忧或紧张。这很常见，也有一些简单的方法可以缓解。',
  },
  moderate: {
    en: 'Your answers show that worry and nervousness have been affecting you a fair amount over the last two weeks. You do not have to work through this alone.',
    'zh-CN': '你的回答显示，过去两周里担忧和紧张对你有不小的影响。你不必独自面对这些。',
  },
  severe: {
    en: 'Your answers show that worry and nervousness have been very hard to live with over the last two weeks. You deserve support, and reaching out to a professional soon is a good next step.',
    'zh-CN':
      '你的回答显示，过去两周里担忧和紧张让你过得非常辛苦。你值得被支持，尽快联系一位专业人士是很好的下一步。',
  },
};

const WELLBEING_SUMMARIES: Summaries = {
  adequate_wellbeing: {
    en: 'Your answers show that your wellbeing over the last two weeks has been in the usual range.',
    'zh-CN': '你的回答显示，过去两周你的身心状态在通常范围内。',
  },
  poor_wellbeing: {
    en: 'Your answers show that your wellbeing has been lower than usual over the last two weeks. It can help to look at mood more closely and to talk with someone.',
    'zh-CN':
      '你的回答显示，过去两周你的身心状态比通常要低。进一步了解一下自己的情绪，并找人聊一聊，可能会有帮助。',
  },
  very_poor_wellbeing: {
    en: 'Your answers show that your wellbeing has been very low over the last two weeks. You deserve support, and talking with a professional soon is a good next step.',
    'zh-CN': '你的回答显示，过去两周你的身心状态很低。你值得被支持，尽快和一位专业人士聊一聊是很好的下一步。',
  },
};

const QUICK_MOOD_SUMMARIES: Summaries = {
  negative: {
    en: 'Your answers about interest and mood are below the point where a longer questionnaire is suggested.',
    'zh-CN': '你关于兴趣和情绪的回答，没有达到建议做更完整问卷的程度。',
  },
  positive: {
    en: 'Your answers about interest and mood reach the point where a longer questionnaire can give a clearer picture.',
    'zh-CN': '你关于兴趣和情绪的回答，达到了建议做更完整问卷的程度，它能让你更清楚地了解自己的状况。',
  },
};

const QUICK_WORRY_SUMMARIES: Summaries = {
  negative: {
    en: 'Your answers about nervousness and worry are below the point where a longer questionnaire is suggested.',
    'zh-CN': '你关于紧张和担忧的回答，没有达到建议做更完整问卷的程度。',
  },
  positive: {
    en: 'Your answers about nervousness and worry reach the point where a longer questionnaire can give a clearer picture.',
    'zh-CN': '你关于紧张和担忧的回答，达到了建议做更完整问卷的程度，它能让你更清楚地了解自己的状况。',
  },
};

const SUMMARIES: Readonly<Record<InstrumentId, Summaries>> = {
  phq9: MOOD_SUMMARIES,
  gad7: WORRY_SUMMARIES,
  who5: WELLBEING_SUMMARIES,
  phq2: QUICK_MOOD_SUMMARIES,
  gad2: QUICK_WORRY_SUMMARIES,
};

type Tier = 'steady' | 'some' | 'raised' | 'high';

const TIER_OF_BAND: Readonly<Record<BandId, Tier>> = {
  minimal: 'steady',
  negative: 'steady',
  adequate_wellbeing: 'steady',
  mild: 'some',
  positive: 'some',
  moderate: 'raised',
  poor_wellbeing: 'raised',
  moderately_severe: 'raised',
  severe: 'high',
  very_poor_wellbeing: 'high',
};

const NEXT_STEPS: Readonly<Record<Tier, readonly LocalizedText[]>> = {
  steady: [
    { en: 'Keep doing the things that help you feel steady.', 'zh-CN': '继续做那些让你感到安稳的事情。' },
    {
      en: 'You can check in again in a few weeks, or any time things change.',
      'zh-CN': '几周后可以再做一次自我检查，或在状况有变化时随时再做。',
    },
  ],
  some: [
    {
      en: 'Self-help tools such as a breathing exercise, grounding or a thought record can help on days like these.',
      'zh-CN': '呼吸练习、稳定情绪的“着陆”练习或想法记录等自助工具，在这样的日子里会有帮助。',
    },
    {
      en: 'Tracking your mood for a while can show what makes things better or harder.',
      'zh-CN': '记录一段时间的心情，可以帮你看清什么让事情变好、什么让事情变难。',
    },
    {
      en: 'Check in again in about two weeks to see how things are going.',
      'zh-CN': '大约两周后再做一次自我检查，看看状况如何。',
    },
  ],
  raised: [
    {
      en: 'Talking with a counselor or another professional could help. The list of people you can reach is one tap away.',
      'zh-CN': '和心理咨询师或其他专业人士聊一聊可能会有帮助。可以联系的人就在下面的列表里。',
    },
    {
      en: 'Self-help tools can support you alongside that: a breathing exercise, grounding or a thought record.',
      'zh-CN': '同时，自助工具也能给你支持：呼吸练习、“着陆”练习或想法记录。',
    },
    { en: 'Check in again in about two weeks.', 'zh-CN': '大约两周后再做一次自我检查。' },
  ],
  high: [
    {
      en: 'Please consider reaching out to a counselor or another professional soon. The list of people you can reach is one tap away.',
      'zh-CN': '请考虑尽快联系心理咨询师或其他专业人士。可以联系的人就在下面的列表里。',
    },
    {
      en: 'If you ever feel unsafe, crisis lines are there for you right now, day and night.',
      'zh-CN': '如果你感到不安全，现在就可以拨打危机热线，它们日夜都在。',
    },
    { en: 'Be gentle with yourself; small steps count.', 'zh-CN': '请温柔地对待自己，每一小步都算数。' },
  ],
};

const SAFETY_NOTE: LocalizedText = {
  en: 'You said that thoughts of being better off dead or of hurting yourself have come up. Thank you for answering honestly. You do not have to face this alone: support is available right now, and the next screen shows who you can reach.',
  'zh-CN':
    '你提到曾有不如死掉或伤害自己的念头。谢谢你如实作答。你不必独自面对：现在就可以获得支持，下一屏会列出你可以联系的人。',
};

function offerText(offer: InstrumentId, locale: Locale): string {
  const name = INSTRUMENTS[offer].shortName;
  return locale === 'zh-CN'
    ? `可以接着做 ${name} 问卷，它能给出更完整的情况，只需要几分钟。`
    : `You can go on to the ${name} questionnaire for a fuller picture. It takes a few minutes.`;
}

/** The short name of a band, in `locale`. */
export function bandLabel(band: BandId, locale: Locale): string {
  return BAND_LABELS[band][locale];
}

/** Explains a result in plain words, with what to do next. */
export function explainResult(result: ExplainableResult, locale: Locale): Explanation {
  const { instrument, band, flags } = result;
  const summary = SUMMARIES[instrument][band];
  if (!summary) throw new RangeError(`${instrument} has no band ${band}`);
  const item9 = flags.includes('item9');
  const offerInstrument: InstrumentId | null = flags.includes('offer_full')
    ? (INSTRUMENTS[instrument].fullVersion ?? null)
    : instrument === 'who5' && band !== 'adequate_wellbeing'
      ? 'phq9'
      : null;
  return {
    bandLabel: bandLabel(band, locale),
    summary: summary[locale],
    nextSteps: NEXT_STEPS[item9 ? 'high' : TIER_OF_BAND[band]].map((step) => step[locale]),
    suggestProfessional: item9 || PROFESSIONAL_BANDS.has(band),
    safetyNote: item9 ? SAFETY_NOTE[locale] : null,
    offerInstrument,
    offerText: offerInstrument ? offerText(offerInstrument, locale) : null,
  };
}

/** One sentence on how this result compares with the previous one of the same instrument. */
export function explainChange(change: Change, locale: Locale): string {
  const size = Math.abs(change.delta);
  const percent = change.instrument === 'who5';
  const unitEn = percent
    ? size === 1
      ? 'percentage point'
      : 'percentage points'
    : size === 1
      ? 'point'
      : 'points';
  const unitZh = percent ? '个百分点' : '分';
  if (change.direction === 'same') {
    return locale === 'zh-CN' ? '和上次的结果一样。' : 'Your result is the same as last time.';
  }
  if (!change.meaningful) {
    return locale === 'zh-CN'
      ? `和上次差不多（变化了 ${size} ${unitZh}），这样的小变化很常见。`
      : `Your result is about the same as last time (a change of ${size} ${unitEn}); small changes like this are common.`;
  }
  if (change.direction === 'better') {
    return locale === 'zh-CN'
      ? `和上次相比，你的结果改善了 ${size} ${unitZh}，这是一个有意义的变化。`
      : `Your result has improved by ${size} ${unitEn} since last time. That is a meaningful change.`;
  }
  return locale === 'zh-CN'
    ? `和上次相比，你的结果变差了 ${size} ${unitZh}，这是一个有意义的变化。看看最近哪些事情更难了，并找人聊一聊，可能会有帮助。`
    : `Your result has moved ${size} ${unitEn} in a harder direction since last time, a meaningful change. It may help to look at what has been harder lately, and to talk with someone.`;
}

/** Every user-facing text in this module, for checks such as the wording scan in the tests. */
export function allExplanationTexts(): string[] {
  const texts: LocalizedText[] = [
    RESULT_DISCLAIMER,
    SAFETY_NOTE,
    ...Object.values(BAND_LABELS),
    ...Object.values(SUMMARIES).flatMap((s) => Object.values(s)),
    ...Object.values(NEXT_STEPS).flat(),
  ];
  return texts.flatMap((t) => [t.en, t['zh-CN']]);
}
