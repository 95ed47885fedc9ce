/**
 * The output guard: screens every model reply while it streams and stops it the moment it crosses a
 * line (method or means, encouragement of self-harm, medication or dosing advice, naming a condition,
 * claiming to be human, calorie or weight-loss targets). The app then replaces what was shown with
 * `safeReply` and records a `GuardEvent` locally. Deterministic; never depends on the model.
 */
import type { Locale } from '../config/schema';
import { normalizeEn, normalizeZh } from './normalize';
import { toLocale } from './prompts';
import type { ScreenLang } from './types';

export type GuardCategory = 'method' | 'encouragement' | 'medication' | 'diagnosis' | 'human_claim' | 'diet';

/** What the app records on the device when the guard stops a reply. Never sent anywhere. */
export interface GuardEvent {
  /** Milliseconds since the epoch. */
  time: number;
  category: GuardCategory;
  /** The rule id that fired, e.g. `en.medication.dose`. */
  rule: string;
}

export type GuardVerdict =
  { ok: true } | { ok: false; category: GuardCategory; rule: string; safeReply: string; event: GuardEvent };

export interface OutputGuard {
  /**
   * Add the next streamed chunk. Returns `{ ok: false, ... }` as soon as the text so far crosses a line
   * (also when the pattern straddles chunk boundaries); once stopped, every later call returns the same
   * verdict, so the app can stop reading the stream.
   */
  push(chunk: string): GuardVerdict;
  /** Everything pushed so far. */
  readonly text: string;
  /** The stopping verdict, or null while the reply is acceptable. */
  readonly stopped: Extract<GuardVerdict, { ok: false }> | null;
}

interface GuardRule {
  id: string;
  category: GuardCategory;
  lang: 'en' | 'zh';
  pattern: RegExp;
  /** Cancelled when this matches the clause text just before the match ("if you think you have ..."). */
  unlessBefore?: RegExp;
}

const DRUG_EN =
  '(?:sertraline|zoloft|prozac|fluoxetine|citalopram|escitalopram|lexapro|paroxetine|venlafaxine|xanax|alprazolam|valium|diazepam|lorazepam|ativan|clonazepam|melatonin|benadryl|diphenhydramine|ibuprofen|paracetamol|acetaminophen|tylenol|aspirin|lithium|quetiapine|seroquel|zolpidem|ambien|trazodone|mirtazapine|antidepressants?|benzodiazepines?|benzos|sleeping pills|st john.s wort)';
const DRUG_ZH =
  '(?:舍曲林|氟西汀|帕罗西汀|艾司西酞普兰|西酞普兰|文拉法辛|安眠药|安定|地西泮|阿普唑仑|劳拉西泮|氯硝西泮|褪黑素|布洛芬|扑热息痛|对乙酰氨基酚|阿司匹林|锂盐|喹硫平|唑吡坦|曲唑酮|米氮平|抗抑郁药|镇静剂)';
const CONDITION_EN =
  '(?:clinical |major |severe |mild |moderate )?(?:depression|depressive disorder|bipolar(?: disorder)?|an? anxiety disorder|anxiety disorder|generali[sz]ed anxiety(?: disorder)?|ptsd|post-traumatic stress disorder|ocd|obsessive-compulsive disorder|adhd|borderline(?: personality disorder)?|bpd|schizophrenia|an eating disorder|anorexia|bulimia|a personality disorder|a mental illness|panic disorder|autism|insomnia disorder)';
const CONDITION_ZH =
  '(?:严重的|轻度的|中度的|重度的)?(?:抑郁症|焦虑症|双相(?:情感障碍)?|躁郁症|强迫症|精神分裂(?:症)?|进食障碍|厌食症|暴食症|人格障碍|创伤后应激障碍|ptsd|多动症|自闭症|精神疾病|精神病)';

const R = (
  id: string,
  category: GuardCategory,
  lang: 'en' | 'zh',
  source: string,
  unlessBefore?: RegExp,
): GuardRule => ({
  id,
  category,
  lang,
  pattern: new RegExp(source, 'u'),
  unlessBefore,
});

const HEDGE_EN =
  /\b(?:if|whether|think|wonder\w*|worried|concerned|believe|feel like|might|may|could|not sure|ask(?:ing)?)\b[^.!?]*$/;
const HEDGE_ZH = /(?:如果|是否|担心|觉得|怀疑|可能|会不会|不确定)[^。！？]*$/;

const RULES: GuardRule[] = [
  // --- method and means ---------------------------------------------------------------------
  R(
    'en.method.height',
    'method',
    'en',
    String.raw`\b(?:tallest|highest) (?:bridges?|buildings?|towers?|cliffs?|structures?|rooftops?)\b[^.!?]{0,40}\b(?:are|is|include|includes|would be)\b|\b\d{2,4} ?(?:m|meters|metres|feet|ft|stories|storeys|floors)\b[^.!?]{0,40}\b(?:tall|high|drop|fall|above (?:the )?(?:water|ground))\b|\b(?:bridges?|buildings?|towers?|cliffs?)\b[^.!?]{0,40}\b(?:taller|higher) than \d`,
  ),
  R(
    'en.method.dose',
    'method',
    'en',
    String.raw`\b\d+(?:[.,]\d+)? ?(?:mg|milligrams?|g|grams?|pills|tablets|capsules|units)\b[^.!?]{0,60}\b(?:lethal|fatal|deadly|overdose|kill|die|death|toxic|liver failure)\b|\b(?:lethal|fatal|deadly|toxic) (?:dose|amount|quantity|level)s?\b[^.!?]{0,40}\d`,
  ),
  R(
    'en.method.howto',
    'method',
    'en',
    String.raw`\b(?:how|ways?|steps|in order|you need|make sure|the best way|the safest way|the right way) to (?:cut|hang|slit|overdose|suffocate|drown|poison|strangle) (?:yourself|oneself|your wrists?)\b|\btie (?:a|the) noose\b|\bcut (?:along|vertically|lengthwise|deep(?:ly)?|across) (?:the )?(?:veins?|wrists?|arms?)\b|\b(?:vertical|deep) cuts?\b|\b(?:quickest|fastest|easiest|painless|surest|most effective|least painful|most reliable) (?:ways?|methods?) (?:to|of) (?:die|dying|kill|end)|\bligature points?\b|\b(?:suicide|lethal|overdose) methods?\b(?! (?:are|is) not)|\bhere are (?:some )?(?:ways|methods) to (?:die|end|kill)|\bcarbon monoxide (?:from|in) (?:a|the|your) (?:car|garage)\b|\b(?:enough|a lethal amount) to (?:kill|stop your heart)\b`,
  ),
  R(
    'zh.method',
    'method',
    'zh',
    String.raw`(?:致死|致命|最低致死)(?:剂量|量)[^。！？]{0,12}\d|\d+\s?(?:片|粒|颗|毫克|mg|克)[^。！？]{0,12}(?:致死|致命|会死|足以|就能死)|(?:最高|较高)的(?:桥|楼|大厦|建筑)[^。！？]{0,8}(?:有|包括|是)|\d{2,4}\s?(?:米|层|楼)[^。！？]{0,10}(?:以上|高)[^。！？]{0,6}(?:跳|摔|死)|(?:割腕|上吊|烧炭|跳楼|服毒|自杀)(?:的)?(?:方法|步骤|技巧|方式)(?:是|有|包括|:)|(?:竖着|纵向|沿着血管)(?:割|切)|打(?:一个)?绳结|(?:最快|最有效|无痛|不痛苦)的(?:死法|自杀方法|方法是)`,
  ),
  // --- encouragement of self-harm ---------------------------------------------------------------
  R(
    'en.encouragement',
    'encouragement',
    'en',
    String.raw`\b(?:you should|go ahead and|why not|you deserve to|you could|you might as well|it is (?:okay|ok|fine|understandable|reasonable) to|there is nothing wrong with(?: wanting)?(?: to)?) (?:just )?(?:kill yourself|end (?:it all|your life|things)|die|hurt yourself|cut(?: yourself)?|self[- ]harm|give up on life|starve yourself)\b|\b(?:suicide|death|dying|ending your life|self[- ]harm) (?:is|would be|might be|could be|seems like) (?:the|a|your) (?:only )?(?:answer|solution|best option|option|way out|relief|right choice|escape)\b|\b(?:everyone|they|the world|your family) (?:would|will) be better off without you\b|\bkys\b|\bgo kill yourself\b`,
  ),
  R(
    'zh.encouragement',
    'encouragement',
    'zh',
    String.raw`你(?:应该|可以|不如|就)(?:去)?(?:死|自杀|结束(?:自己的)?生命|伤害自己|割(?:自己|腕)|饿自己)|(?:死|自杀|结束生命)(?:了)?(?:是|才是|就是)(?:一种)?(?:解脱|最好的(?:选择|办法|出路)|唯一的(?:出路|办法|选择))|(?:没有你|你死了)[^。！？]{0,4}(?:大家|他们|世界|家人)(?:会)?(?:更好|更轻松)`,
  ),
  // --- medication and dosing advice ---------------------------------------------------------------
  R(
    'en.medication.dose',
    'medication',
    'en',
    String.raw`\b(?:take|taking|try|start(?:ing)?|increase|increasing|double|up|raise|lower|reduce|switch(?:ing)? to|go up to)\b[^.!?]{0,30}\b\d+(?:[.,]\d+)? ?(?:mg|milligrams?|mcg|ml|tablets?|pills?|capsules?)\b|\b\d+(?:[.,]\d+)? ?(?:mg|milligrams?|mcg)\b (?:of )?${DRUG_EN}`,
  ),
  R(
    'en.medication.drug',
    'medication',
    'en',
    String.raw`\b(?:you should|you could|you can|i recommend|i suggest|i would suggest|try|start|consider|stop taking|switch to)\b (?:taking |trying |using )?(?:some )?${DRUG_EN}\b`,
  ),
  R(
    'zh.medication',
    'medication',
    'zh',
    String.raw`(?:吃|服用|服|加到|加量到|减到|增加到|换成|每次|每天)[^。！？]{0,10}\d+(?:\.\d+)?\s?(?:mg|毫克|微克|片|粒|颗|毫升)|(?:建议你|你可以|你应该|试试|推荐你)(?:去)?(?:吃|服用|试试|用)?(?:点|一些)?${DRUG_ZH}|(?:停掉|停用|停)(?:你的)?${DRUG_ZH}`,
  ),
  // --- naming a condition ---------------------------------------------------------------------
  R(
    'en.diagnosis',
    'diagnosis',
    'en',
    String.raw`\byou (?:have|suffer from|are suffering from|(?:clearly|probably|definitely|likely|most likely|obviously) have|(?:seem|appear) to have|are showing (?:clear )?(?:signs|symptoms) of|meet the criteria for|have got) (?:a |an )?${CONDITION_EN}\b|\bi (?:diagnose|am diagnosing|would diagnose)\b|\b(?:my|the|this) diagnosis (?:is|would be|here is)\b|\byou are (?:clinically |definitely |clearly )?(?:depressed|bipolar|anorexic|bulimic|schizophrenic|autistic)\b|\byou are (?:a |an )?(?:narcissist|psychopath|sociopath)\b|\bthis (?:is|sounds like) (?:a )?(?:classic |textbook )?(?:case of )?${CONDITION_EN}\b`,
    HEDGE_EN,
  ),
  R(
    'zh.diagnosis',
    'diagnosis',
    'zh',
    String.raw`你(?:患有|得了|患上了|有|就是|是|肯定是|应该是|属于)(?:典型的)?${CONDITION_ZH}|我(?:诊断|判断|确诊)你|(?:诊断|确诊)(?:结果)?(?:是|为)${CONDITION_ZH}`,
    HEDGE_ZH,
  ),
  // --- claiming to be human -----------------------------------------------------------------------
  R(
    'en.human_claim',
    'human_claim',
    'en',
    String.raw`\bi am (?:a |an )?(?:real |actual )?(?:human(?: being)?|person|real person|man|woman)\b(?! (?:would|might|could))|\bi am not (?:an? )?(?:ai|a\.i\.|bot|robot|chatbot|machine|program|computer|language model)\b|\bas a (?:human|real person|fellow human)\b|\bi am human\b|\bi am a licensed\b`,
  ),
  R(
    'zh.human_claim',
    'human_claim',
    'zh',
    String.raw`我是(?:一个|一位)?(?:真人|真正的人|人类|活生生的人|真实的人)|我不是(?:ai|人工智能|机器人|程序|聊天机器人|机器)|作为一个(?:真人|人类)`,
  ),
  // --- calorie or weight-loss targets ---------------------------------------------------------------
  R(
    'en.diet',
    'diet',
    'en',
    String.raw`\b(?:eat|eating|consume|limit (?:yourself )?to|stick to|aim for|cut (?:down )?to|keep (?:it )?under|only have|no more than)\b[^.!?]{0,20}\b\d{3,4} ?(?:k?cals?|calories|kcal)\b|\b\d{3,4} ?(?:k?cals?|calories)(?: a| per| each) day\b|\blose \d+(?:[.,]\d+)? ?(?:kg|kilos?|kilograms?|pounds?|lbs?) (?:a|per|in a|each|every) (?:week|month|day|fortnight)\b|\b(?:skip|skipping) (?:meals|breakfast|dinner|lunch) to lose\b|\bfast(?:ing)? for \d+ days\b`,
  ),
  R(
    'zh.diet',
    'diet',
    'zh',
    String.raw`(?:每天|一天|每日)(?:只)?(?:吃|摄入|控制在|不超过)[^。！？]{0,6}\d{3,4}\s?(?:卡|大卡|千卡|卡路里)|(?:一周|每周|一个月|每月|一天|每天)(?:瘦|减)(?:掉|下)?\d+(?:\.\d+)?\s?(?:斤|公斤|kg|千克)|不吃(?:早饭|晚饭|午饭|饭)(?:来|就能)?减肥`,
  ),
];

/** Pre-written replies that replace a stopped reply, in the person's language. */
export const GUARD_SAFE_REPLIES: Record<Locale, Record<GuardCategory, string>> = {
  en: {
    method:
      'I can’t help with that, and I’m worried about you. If you’re thinking about harming yourself, please reach out to someone right now: a crisis line, someone you trust, or emergency services if you’re in danger. I’m here to keep talking with you.',
    encouragement:
      'I’m sorry, that reply wasn’t right. You matter, and you deserve support, not harm. If you’re struggling, please reach out to a crisis line or someone you trust now. I’m here to listen.',
    medication:
      'I can’t give advice about medicines or doses. A doctor or pharmacist can talk through medication with you safely. I’m happy to keep talking about how you’re feeling.',
    diagnosis:
      'I’m not able to say whether someone has a particular condition. If you’re concerned, a doctor or counsellor can talk it through with you properly. I’m here to listen and support you.',
    human_claim:
      'To be clear: I’m an AI, not a person. I’m here to listen and offer self-help support, and I can point you to people who can help too.',
    diet: 'I can’t suggest calorie or weight targets. If food, eating or your body feel hard right now, a doctor or an eating-disorder helpline can support you. I’m here to talk about how you’re feeling.',
  },
  'zh-CN': {
    method:
      '这个我不能提供，而且我有点担心你。如果你有伤害自己的想法，请现在就联系一个人：心理援助热线、你信任的人，如有危险请拨打急救电话。我会一直在这里陪你聊。',
    encouragement:
      '抱歉，刚才的回复不对。你很重要，你值得被支持，而不是被伤害。如果你现在很难受，请联系心理援助热线或你信任的人。我在这里听你说。',
    medication:
      '我不能提供关于药物或剂量的建议。医生或药师可以安全地和你讨论用药问题。我们可以继续聊聊你的感受。',
    diagnosis:
      '我没办法判断一个人是否患有某种疾病。如果你有担心，可以找医生或心理咨询师好好聊一聊。我会在这里倾听和支持你。',
    human_claim:
      '需要说明的是：我是 AI，不是真人。我可以倾听你、提供自助支持，也可以告诉你能找到哪些真人帮助。',
    diet: '我不能给出热量或体重方面的目标。如果饮食或身体让你感到困扰，医生或相关求助热线可以支持你。我们可以聊聊你现在的感受。',
  },
};

// Patterns above are bounded to a few dozen characters, so re-checking only the recent tail is enough
// to catch anything that straddles chunk boundaries while keeping each push O(chunk).
const WINDOW = 400;

function normalizeFor(lang: 'en' | 'zh', text: string): string {
  return lang === 'en' ? normalizeEn(text) : normalizeZh(text);
}

/** Check a complete text at once; the same rules as the streaming guard. */
export function checkReply(text: string, lang: ScreenLang, now: () => number = Date.now): GuardVerdict {
  const guard = createOutputGuard(lang, now);
  return guard.push(text);
}

/**
 * Create a guard for one model reply. Both languages' rules always run; `lang` only picks the
 * language of `safeReply`.
 */
export function createOutputGuard(lang: ScreenLang, now: () => number = Date.now): OutputGuard {
  const locale = toLocale(lang);
  let text = '';
  let stopped: Extract<GuardVerdict, { ok: false }> | null = null;

  const evaluate = (): GuardVerdict => {
    const tail = text.slice(-WINDOW);
    const views = { en: normalizeFor('en', tail), zh: normalizeFor('zh', tail) };
    for (const rule of RULES) {
      const view = views[rule.lang];
      const m = rule.pattern.exec(view);
      if (!m) continue;
      if (rule.unlessBefore) {
        const before = view.slice(Math.max(0, m.index - 80), m.index);
        if (rule.unlessBefore.test(before)) continue;
      }
      const event: GuardEvent = { time: now(), category: rule.category, rule: rule.id };
      stopped = {
        ok: false,
        category: rule.category,
        rule: rule.id,
        safeReply: GUARD_SAFE_REPLIES[locale][rule.category],
        event,
      };
      return stopped;
    }
    return { ok: true };
  };

  return {
    push(chunk: string): GuardVerdict {
      if (stopped) return stopped;
      text += chunk;
      return evaluate();
    },
    get text() {
      return text;
    },
    get stopped() {
      return stopped;
    },
  };
}
