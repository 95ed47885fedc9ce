/**
 * The risk screener: deterministic, bilingual, runs on every user message before the model sees it.
 * It never depends on the model. See docs/safety.md for the categories and how to audit it.
 */
import { IDIOMS_EN, IDIOMS_ZH } from './idioms';
import {
  CLAUSE_BREAK_EN,
  CLAUSE_BREAK_ZH,
  clauseEnd,
  clauseStart,
  normalizeEn,
  normalizeZh,
} from './normalize';
import type { Rule } from './rule';
import { DISTRESS_EN, RULES_EN } from './rules-en';
import { DISTRESS_ZH, RULES_ZH } from './rules-zh';
import {
  RISK_CATEGORIES,
  type Evidence,
  type RiskCategory,
  type ScreenLang,
  type ScreenResult,
  type Turn,
} from './types';

export type { Evidence, RiskCategory, RiskLevel, ScreenLang, ScreenResult, Turn } from './types';

interface LanguagePass {
  normalize: (text: string) => string;
  clauseBreaks: RegExp;
  idioms: RegExp;
  rules: Rule[];
  distress: RegExp;
  /** Does the clause text just before a match end in a negation? */
  negated: (before: string) => boolean;
  /** Is the nearest subject before a match someone other than the speaker? */
  reported: (before: string) => boolean;
}

// "can't stop thinking about it" and "not sure I want to live" contain a negation that does not negate.
const EN_NOT_A_NEGATION =
  /\b(?:cannot|can not|could not|do not|did not) (?:stop|help|get (?:it|this|the thought)|shake)\b|\bnot sure\b|\bdo not know\b|\bno one\b|\bnobody\b/g;
const EN_NEGATION = /\b(?:not|never|no longer|nor|cannot)\b(?:\s+\S+){0,3}\s*$/;
const EN_FIRST = /\b(?:i|me|my|myself|mine)\b/g;
const EN_THIRD =
  /\b(?:he|she|they|his|her|him|them|their|character|someone|somebody|people|man|woman|guy|girl|boy|friend|brother|sister|mom|mum|dad|father|mother|grandma|grandmother|grandpa|grandfather|uncle|aunt|cousin|film|movie|book|story|show|novel|news|article|documentary|song|poem|poet|author|singer|actor|celebrity|patients?|clients?|students?|kid|child|son|daughter|husband|wife|partner|boyfriend|girlfriend|colleague|neighbou?r|who)\b/g;

const ZH_NEGATION =
  /(?:不|没|没有|别|从不|从没|从来没|绝不|不再|并不|并没有|才不|不是)(?:会|想|要|再|去|打算|是|敢|可能|曾)*$/;
const ZH_FIRST = /我|自己|本人|俺/g;
const ZH_THIRD =
  /他|她|它|有人|别人|主角|女主|男主|角色|电影|剧|小说|书里|书中|新闻|报道|纪录片|故事|歌词|朋友|同学|同事|网友|明星|演员|作家|诗人|病人|患者|来访者|孩子|儿子|女儿|某人|男人|女人|女孩|男孩/g;

function lastIndex(re: RegExp, text: string): number {
  let last = -1;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m.index;
  return last;
}

const EN: LanguagePass = {
  normalize: normalizeEn,
  clauseBreaks: CLAUSE_BREAK_EN,
  idioms: IDIOMS_EN,
  rules: RULES_EN,
  distress: DISTRESS_EN,
  negated: (before) => EN_NEGATION.test(before.replace(EN_NOT_A_NEGATION, ' ')),
  reported: (before) => lastIndex(EN_THIRD, before) > lastIndex(EN_FIRST, before),
};

const ZH: LanguagePass = {
  normalize: normalizeZh,
  clauseBreaks: CLAUSE_BREAK_ZH,
  idioms: IDIOMS_ZH,
  rules: RULES_ZH,
  distress: DISTRESS_ZH,
  negated: (before) => ZH_NEGATION.test(before.slice(-6)),
  reported: (before) => lastIndex(ZH_THIRD, before) > lastIndex(ZH_FIRST, before),
};

const PASSES = [EN, ZH];

function test(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

/** Run one rule; returns its evidence (crisis, or lowered to concern) or null. */
function applyRule(rule: Rule, text: string, pass: LanguagePass, context: string): Evidence | null {
  if (rule.requires && !rule.requires.every((re) => test(re, text))) return null;
  const re = rule.pattern;
  re.lastIndex = 0;
  let lowered: Evidence | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const start = clauseStart(text, m.index, pass.clauseBreaks);
    const before = text.slice(start, m.index);
    if (rule.negatable && pass.negated(before)) continue;
    if (
      rule.unless &&
      test(rule.unless, text.slice(start, clauseEnd(text, m.index + m[0].length, pass.clauseBreaks)))
    )
      continue;
    let level = rule.level;
    if (rule.reported && pass.reported(before)) {
      if (rule.reported === 'skip') continue;
      level = 'concern';
    }
    if (level === 'concern' && rule.escalate) {
      const escalator = rule.escalate === 'distress' ? null : rule.escalate;
      const hit = escalator
        ? test(escalator, context)
        : test(DISTRESS_EN, normalizeEn(context)) || test(DISTRESS_ZH, normalizeZh(context));
      if (hit) level = 'crisis';
    }
    const evidence: Evidence = { category: rule.category, match: m[0], rule: rule.id, level };
    if (level === 'crisis') return evidence;
    lowered ??= evidence;
  }
  return lowered;
}

// --- context: a short "yes" answering the assistant's safety question ------------------------

const SAFETY_QUESTION_EN =
  /\b(?:suicid\w*|kill(?:ing)? yourself|end(?:ing)? (?:your|their) (?:own )?(?:life|lives)|take (?:your|their) (?:own )?(?:life|lives)|hurt(?:ing)? yourself|harm(?:ing)? yourself|self[- ]?harm\w*|cut(?:ting)? yourself|thoughts? (?:of|about) (?:dying|death|not being here|not wanting to live)|wish(?:ed)? you (?:were|was) dead|want(?:ing)? to die|(?:not )?(?:want|wanting) to (?:live|be alive|be here)|not wake up|plan(?:s|ned)? to (?:die|end))\b/;
const SAFETY_QUESTION_ZH =
  /自杀|轻生|结束(?:你的|自己的)?生命|伤害自己|自残|自伤|想死|不想活|死的(?:念头|想法)|了结|想到死|割/;
const SELF_HARM_QUESTION = /\b(?:hurt|harm|cut)(?:ing)? yourself\b|self[- ]?harm|伤害自己|自残|自伤|割/;
const AFFIRMATIVE_EN =
  /^(?:yes|yeah|yea|yep|yup|ya|yah|ye|y|sure|mhm+|mm+|uh[- ]huh|i guess(?: so)?|i think so|sort of|kind of|kinda|sometimes|a (?:little|bit)|often|maybe|probably|true|correct|right|honestly(?:,)? yes|every day|all the time|a lot|i have|i do|i am|i did|it is|that is right|more or less)\b/;
const AFFIRMATIVE_ZH =
  /^(?:是|对|嗯|恩|有|会|想过|偶尔|经常|可能|算是|好像是|应该是|一直都有|每天都|确实|没错)/;
const DENIAL = /\b(?:no|not|never|nope|nah)\b|没|不/;

function contextAnswer(text: string, recent: Turn[] | undefined): Evidence | null {
  if (!recent || recent.length === 0) return null;
  const last = recent[recent.length - 1];
  if (!last || last.role !== 'assistant') return null;
  const question = last.text;
  const qEn = normalizeEn(question);
  const qZh = normalizeZh(question);
  if (!SAFETY_QUESTION_EN.test(qEn) && !SAFETY_QUESTION_ZH.test(qZh)) return null;
  const en = normalizeEn(text);
  const zh = normalizeZh(text).replace(/[\s,.!?，。！？~…]+/g, '');
  const yesEn = en.length <= 40 && AFFIRMATIVE_EN.test(en) && !DENIAL.test(en);
  const yesZh = zh.length > 0 && zh.length <= 12 && AFFIRMATIVE_ZH.test(zh) && !DENIAL.test(zh);
  if (!yesEn && !yesZh) return null;
  const category: RiskCategory =
    SELF_HARM_QUESTION.test(qEn) || SELF_HARM_QUESTION.test(qZh) ? 'self_harm' : 'suicide';
  return { category, match: text.trim(), rule: 'context.affirmative_answer', level: 'crisis' };
}

// --- context: wanting to copy someone else's suicide -----------------------------------------

const EMULATE_EN =
  /\b(?:do|doing) (?:what|the same (?:thing )?(?:as|that)) (?:he|she|they) did\b|\b(?:join|follow) (?:him|her|them)\b|\bsame (?:way|thing) (?:as|that) (?:he|she|they)\b/;
const EMULATE_ZH = /(?:像|学)(?:他|她|他们)(?:一样|那样)|跟(?:他|她)(?:一样|走)|随(?:他|她)而去/;
const DEATH_MENTION_EN =
  /\b(?:kill(?:ed|s)? (?:himself|herself|themselves)|suicide|took (?:his|her|their) (?:own )?life|jumped|overdosed|hanged|died|dead)\b/;
const DEATH_MENTION_ZH = /自杀|跳楼|跳河|跳桥|去世|死|走了|卧轨|上吊|轻生/;

function contextEmulation(text: string, recent: Turn[] | undefined): Evidence | null {
  const en = normalizeEn(text);
  const zh = normalizeZh(text);
  const mEn = EMULATE_EN.exec(en);
  const mZh = EMULATE_ZH.exec(zh);
  if (!mEn && !mZh) return null;
  const all = [text, ...(recent ?? []).map((t) => t.text)].join('\n');
  const died = DEATH_MENTION_EN.test(normalizeEn(all)) || DEATH_MENTION_ZH.test(normalizeZh(all));
  if (!died) return null;
  return { category: 'suicide', match: (mEn ?? mZh)![0], rule: 'context.emulation', level: 'crisis' };
}

/**
 * Screen one user message for suicide, self-harm, harm to others, abuse and medical emergencies.
 *
 * Both English and Chinese (simplified and traditional) rules always run, whatever `lang` says,
 * because people switch languages mid-sentence. `recentTurns` (oldest first, a few turns) lets a short
 * "yes" that answers the assistant's safety question count as a crisis, and lets distress said earlier
 * turn an ambiguous question (tall buildings, pill counts) into one.
 *
 * @param text the user's message, as typed
 * @param lang the UI or message language; a hint only
 * @param recentTurns the last few turns before this message
 */
export function screen(text: string, lang?: ScreenLang, recentTurns?: Turn[]): ScreenResult {
  void lang;
  const evidence: Evidence[] = [];
  const recentUser = (recentTurns ?? [])
    .filter((t) => t.role === 'user')
    .map((t) => t.text)
    .join('\n');
  const context = `${text}\n${recentUser}`;
  for (const pass of PASSES) {
    const normalized = pass.normalize(text).replace(pass.idioms, ' ');
    const passContext = pass.normalize(context);
    for (const rule of pass.rules) {
      const hit = applyRule(rule, normalized, pass, passContext);
      if (hit) evidence.push(hit);
    }
  }
  for (const hit of [contextAnswer(text, recentTurns), contextEmulation(text, recentTurns)]) {
    if (hit) evidence.push(hit);
  }
  const crisis = evidence.some((e) => e.level === 'crisis');
  const level = crisis ? 'crisis' : evidence.length > 0 ? 'concern' : 'none';
  const present = new Set(evidence.map((e) => e.category));
  const categories = RISK_CATEGORIES.filter((c) => present.has(c));
  return { level, categories, evidence };
}
