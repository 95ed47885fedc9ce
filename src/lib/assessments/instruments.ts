/**
 * The validated questionnaires Solace offers, as data: PHQ-9, GAD-7, WHO-5 and the PHQ-2 / GAD-2 quick
 * screens, each in its published English wording and its published Simplified Chinese wording.
 *
 * Sources (see docs/assessments.md for the full list and what could not be confirmed):
 * - PHQ-9, GAD-7 (and their first two items, PHQ-2 / GAD-2): the Pfizer PHQ Screeners forms, English and
 *   Chinese (China). "No permission required to reproduce, translate, display or distribute."
 * - WHO-5: the WHO-Five Well-Being Index (1998 version), English original and the Chinese (PR China)
 *   translation published with it by the WHO Collaborating Centre (Psykiatrisk Center Nordsjælland).
 *
 * Item and option order is the published order; scoring depends on it, so never reorder.
 */
import type { Locale } from '../config/schema';

export const INSTRUMENT_IDS = ['phq9', 'gad7', 'who5', 'phq2', 'gad2'] as const;
/** Stable identifier of an instrument, used in storage, the audit command and the FHIR export. */
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

/** One text per supported language; both say the same thing. */
export type LocalizedText = Readonly<Record<Locale, string>>;

/** One answer a person can pick; `value` is what the item scores. */
export interface ResponseOption {
  readonly value: number;
  readonly label: LocalizedText;
}

/** One scored question. `linkId` is stable and is the item's id in the FHIR export. */
export interface InstrumentItem {
  readonly linkId: string;
  readonly text: LocalizedText;
}

/** A question shown after the scored items that does not count towards the total (PHQ-9's "how difficult"). */
export interface UnscoredItem {
  readonly linkId: string;
  readonly text: LocalizedText;
  readonly options: readonly ResponseOption[];
}

export interface Instrument {
  readonly id: InstrumentId;
  /** The instrument's own abbreviation ("PHQ-9"); the same in every language. */
  readonly shortName: string;
  readonly title: LocalizedText;
  /** The published question stem or instructions shown with every item. */
  readonly stem: LocalizedText;
  readonly items: readonly InstrumentItem[];
  /** The options every item offers, in the published display order (WHO-5 runs from 5 down to 0). */
  readonly options: readonly ResponseOption[];
  readonly minItemValue: number;
  readonly maxItemValue: number;
  /** Optional question after the scored ones; never part of the score. */
  readonly unscoredItem?: UnscoredItem;
  /** For a quick screen, the full instrument a positive result offers. */
  readonly fullVersion?: InstrumentId;
  /** Where the wording comes from, for the about page and the report. */
  readonly source: string;
}

const PHQ_STEM: LocalizedText = {
  en: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  'zh-CN': '在过去两个星期，有多少时候您受到以下任何问题所困扰？',
};

const GAD_STEM: LocalizedText = {
  en: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  'zh-CN': '在过去两个星期，有多少时候您受到以下任何问题所困扰？',
};

const PHQ_OPTIONS: readonly ResponseOption[] = [
  { value: 0, label: { en: 'Not at all', 'zh-CN': '完全不会' } },
  { value: 1, label: { en: 'Several days', 'zh-CN': '好几天' } },
  { value: 2, label: { en: 'More than half the days', 'zh-CN': '一半以上的天数' } },
  { value: 3, label: { en: 'Nearly every day', 'zh-CN': '几乎每天' } },
];

// The Chinese GAD-7 form words option 2 differently from the PHQ-9 form ("日子" rather than "天数").
const GAD_OPTIONS: readonly ResponseOption[] = [
  { value: 0, label: { en: 'Not at all', 'zh-CN': '完全不会' } },
  { value: 1, label: { en: 'Several days', 'zh-CN': '好几天' } },
  { value: 2, label: { en: 'More than half the days', 'zh-CN': '一半以上的日子' } },
  { value: 3, label: { en: 'Nearly every day', 'zh-CN': '几乎每天' } },
];

// linkIds are the LOINC item codes, so a receiving system can read the answers without a mapping table.
const PHQ9_ITEMS: readonly InstrumentItem[] = [
  {
    linkId: '44250-9',
    text: { en: 'Little interest or pleasure in doing things', 'zh-CN': '做事时提不起劲或没有兴趣' },
  },
  {
    linkId: '44255-8',
    text: { en: 'Feeling down, depressed, or hopeless', 'zh-CN': '感到心情低落、沮丧或绝望' },
  },
  {
    linkId: '44259-0',
    text: {
      en: 'Trouble falling or staying asleep, or sleeping too much',
      'zh-CN': '入睡困难、睡不安稳或睡眠过多',
    },
  },
  { linkId: '44254-1', text: { en: 'Feeling tired or having little energy', 'zh-CN': '感觉疲倦或没有活力' } },
  { linkId: '44251-7', text: { en: 'Poor appetite or overeating', 'zh-CN': '食欲不振或吃太多' } },
  {
    linkId: '44258-2',
    text: {
      en: 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
      'zh-CN': '觉得自己很糟——或觉得自己很失败，或让自己或家人失望',
    },
  },
  {
    linkId: '44252-5',
    text: {
      en: 'Trouble concentrating on things, such as reading the newspaper or watching television',
      'zh-CN': '对事物专注有困难，例如阅读报纸或看电视时',
    },
  },
  {
    linkId: '44253-3',
    text: {
      en: 'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
      'zh-CN': '动作或说话速度缓慢到别人已经觉察？或正好相反——烦躁或坐立不安、动来动去的情况更胜于平常',
    },
  },
  {
    linkId: '44260-8',
    text: {
      en: 'Thoughts that you would be better off dead or of hurting yourself in some way',
      'zh-CN': '有不如死掉或用某种方式伤害自己的念头',
    },
  },
];

const GAD7_ITEMS: readonly InstrumentItem[] = [
  {
    linkId: '69725-0',
    text: { en: 'Feeling nervous, anxious, or on edge', 'zh-CN': '感觉紧张、焦虑或急切' },
  },
  {
    linkId: '68509-9',
    text: { en: 'Not being able to stop or control worrying', 'zh-CN': '不能够停止或控制担忧' },
  },
  {
    linkId: '69733-4',
    text: { en: 'Worrying too much about different things', 'zh-CN': '对各种各样的事情担忧过多' },
  },
  { linkId: '69734-2', text: { en: 'Trouble relaxing', 'zh-CN': '很难放松下来' } },
  {
    linkId: '69735-9',
    text: { en: 'Being so restless that it is hard to sit still', 'zh-CN': '由于不安而无法静坐' },
  },
  { linkId: '69689-8', text: { en: 'Becoming easily annoyed or irritable', 'zh-CN': '变得容易烦恼或急躁' } },
  {
    linkId: '69736-7',
    text: {
      en: 'Feeling afraid as if something awful might happen',
      'zh-CN': '感到似乎将有可怕的事情发生而害怕',
    },
  },
];

// WHO-5 has no LOINC item codes; these linkIds are the project's own.
const WHO5_ITEMS: readonly InstrumentItem[] = [
  {
    linkId: 'who5-1',
    text: { en: 'I have felt cheerful and in good spirits', 'zh-CN': '我感觉快乐、心情舒畅' },
  },
  { linkId: 'who5-2', text: { en: 'I have felt calm and relaxed', 'zh-CN': '我感觉宁静和放松' } },
  { linkId: 'who5-3', text: { en: 'I have felt active and vigorous', 'zh-CN': '我感觉充满活力、精力充沛' } },
  {
    linkId: 'who5-4',
    text: { en: 'I woke up feeling fresh and rested', 'zh-CN': '我睡醒时感到清新、得到了足够休息' },
  },
  {
    linkId: 'who5-5',
    text: {
      en: 'My daily life has been filled with things that interest me',
      'zh-CN': '我每天生活充满了有趣的事情',
    },
  },
];

const WHO5_OPTIONS: readonly ResponseOption[] = [
  { value: 5, label: { en: 'All of the time', 'zh-CN': '所有时间' } },
  { value: 4, label: { en: 'Most of the time', 'zh-CN': '大部分时间' } },
  { value: 3, label: { en: 'More than half of the time', 'zh-CN': '超过一半的时间' } },
  { value: 2, label: { en: 'Less than half of the time', 'zh-CN': '少于一半的时间' } },
  { value: 1, label: { en: 'Some of the time', 'zh-CN': '有时候' } },
  { value: 0, label: { en: 'At no time', 'zh-CN': '从未有过' } },
];

const PHQ9_DIFFICULTY: UnscoredItem = {
  linkId: '69722-7',
  text: {
    en: 'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
    'zh-CN': '如果您检查出有上述任何问题，这些问题在您工作、处理家庭事务，或与他人相处上造成了多大的困难？',
  },
  options: [
    { value: 0, label: { en: 'Not difficult at all', 'zh-CN': '毫无困难' } },
    { value: 1, label: { en: 'Somewhat difficult', 'zh-CN': '有点困难' } },
    { value: 2, label: { en: 'Very difficult', 'zh-CN': '非常困难' } },
    { value: 3, label: { en: 'Extremely difficult', 'zh-CN': '极度困难' } },
  ],
};

const PHQ_SOURCE =
  'PHQ-9: Kroenke K, Spitzer RL, Williams JBW. J Gen Intern Med 2001;16:606-613. Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.';
const GAD_SOURCE =
  'GAD-7: Spitzer RL, Kroenke K, Williams JBW, Löwe B. Arch Intern Med 2006;166:1092-1097. Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.';

/** Every instrument, by id. Frozen: the wording is published text, not something to edit at run time. */
export const INSTRUMENTS: Readonly<Record<InstrumentId, Instrument>> = Object.freeze({
  phq9: {
    id: 'phq9',
    shortName: 'PHQ-9',
    title: { en: 'Patient Health Questionnaire (PHQ-9)', 'zh-CN': '病人健康问卷（PHQ-9）' },
    stem: PHQ_STEM,
    items: PHQ9_ITEMS,
    options: PHQ_OPTIONS,
    minItemValue: 0,
    maxItemValue: 3,
    unscoredItem: PHQ9_DIFFICULTY,
    source: PHQ_SOURCE,
  },
  gad7: {
    id: 'gad7',
    shortName: 'GAD-7',
    title: { en: 'Generalized Anxiety Disorder 7-item scale (GAD-7)', 'zh-CN': '广泛性焦虑量表（GAD-7）' },
    stem: GAD_STEM,
    items: GAD7_ITEMS,
    options: GAD_OPTIONS,
    minItemValue: 0,
    maxItemValue: 3,
    source: GAD_SOURCE,
  },
  who5: {
    id: 'who5',
    shortName: 'WHO-5',
    title: { en: 'WHO-Five Well-Being Index (WHO-5)', 'zh-CN': '世界卫生组织五项身心健康指标（WHO-5）' },
    stem: {
      en: 'Please indicate for each of the five statements which is closest to how you have been feeling over the last two weeks. Notice that higher numbers mean better well-being.',
      'zh-CN':
        '请在下面五个句子的每个句子（表达）中标出在过去两星期里您最接近的感觉状态。请注意数字越大表明你的身心越健康。',
    },
    items: WHO5_ITEMS,
    options: WHO5_OPTIONS,
    minItemValue: 0,
    maxItemValue: 5,
    source:
      'WHO-5: © World Health Organization, 1998. Psychiatric Research Unit, WHO Collaborating Centre in Mental Health, Frederiksborg General Hospital, Hillerød, Denmark. Chinese (PR China) translation from the same centre.',
  },
  phq2: {
    id: 'phq2',
    shortName: 'PHQ-2',
    title: { en: 'Patient Health Questionnaire-2 (PHQ-2)', 'zh-CN': '病人健康问卷-2（PHQ-2）' },
    stem: PHQ_STEM,
    items: PHQ9_ITEMS.slice(0, 2),
    options: PHQ_OPTIONS,
    minItemValue: 0,
    maxItemValue: 3,
    fullVersion: 'phq9',
    source: `${PHQ_SOURCE} PHQ-2: Kroenke K, Spitzer RL, Williams JBW. Med Care 2003;41:1284-1292.`,
  },
  gad2: {
    id: 'gad2',
    shortName: 'GAD-2',
    title: { en: 'Generalized Anxiety Disorder 2-item scale (GAD-2)', 'zh-CN': '广泛性焦虑量表-2（GAD-2）' },
    stem: GAD_STEM,
    items: GAD7_ITEMS.slice(0, 2),
    options: GAD_OPTIONS,
    minItemValue: 0,
    maxItemValue: 3,
    fullVersion: 'gad7',
    source: `${GAD_SOURCE} GAD-2: Kroenke K, Spitzer RL, Williams JBW, Monahan PO, Löwe B. Ann Intern Med 2007;146:317-325.`,
  },
});

/** True when `value` names one of the instruments above. */
export function isInstrumentId(value: unknown): value is InstrumentId {
  return typeof value === 'string' && (INSTRUMENT_IDS as readonly string[]).includes(value);
}

/** The label of the option with `value` for an instrument, in `locale`; undefined if no option has it. */
export function optionLabel(instrument: InstrumentId, value: number, locale: Locale): string | undefined {
  return INSTRUMENTS[instrument].options.find((o) => o.value === value)?.label[locale];
}
