/**
 * Conversation-level crisis mode: a pure state machine fed with each user message and its screening
 * result. Safe-messaging practice is that one denial ("I was joking") never closes a crisis flow, so
 * the exit rule is deliberately conservative:
 *
 *   leave crisis mode only after CALM_TURNS_TO_EXIT consecutive user messages with no risk signal
 *   (denials do not count as calm), AND the person has said they are safe in answer to a check-in
 *   since the last crisis signal.
 *
 * Any new crisis signal resets both. The state is plain JSON so it can be stored with the conversation.
 */
import type { Locale } from '../config/schema';
import { CRISIS_CHECK_INS } from './prompts';
import type { RiskCategory, ScreenResult } from './types';

/** Consecutive calm user turns needed (with a "yes, I'm safe") before crisis mode ends. */
export const CALM_TURNS_TO_EXIT = 3;

export interface CrisisState {
  active: boolean;
  /** Risk categories seen since crisis mode began. */
  categories: RiskCategory[];
  /** User turns since crisis mode began (the entering turn is 1). */
  turnsInCrisis: number;
  /** Consecutive user turns with no risk signal and no denial. */
  calmStreak: number;
  /** The person said they are safe, answering a check-in, since the last crisis signal. */
  confirmedSafe: boolean;
  /** A check-in question was the last thing asked. */
  awaitingCheckIn: boolean;
}

/** What the app should do for this turn. */
export interface CrisisStep {
  state: CrisisState;
  /** Show the crisis card (resources, grounding, safety plan) before any generated text. */
  showCrisisCard: boolean;
  /** The model must answer under `CRISIS_INSTRUCTION` this turn. */
  useCrisisInstruction: boolean;
  /** A gentle check-in to show with this turn's reply, or null. */
  checkIn: string | null;
  /** Outside crisis mode, a `concern` message gets the concern check-in without interrupting. */
  showConcernCheckIn: boolean;
  /** Crisis mode ended on this turn. */
  exited: boolean;
}

export function initialCrisisState(): CrisisState {
  return {
    active: false,
    categories: [],
    turnsInCrisis: 0,
    calmStreak: 0,
    confirmedSafe: false,
    awaitingCheckIn: false,
  };
}

const DENIAL_EN =
  /\b(?:(?:i was |i am |i'?m |just )?(?:joking|kidding)|jk|never ?mind|forget (?:it|what i said|that)|i did not mean (?:it|that)|i am (?:fine|ok|okay|good) (?:now|really|honestly)|it was (?:a joke|nothing)|not serious|ignore (?:that|what i said)|all good now|i am over it)\b/i;
const DENIAL_ZH =
  /开玩笑|说着玩|没事了|没事的|我没事|别当真|随便说说|不是认真的|当我没说|算了不说了|已经好了|好多了/;

const SAFE_EN =
  /\b(?:i am|i feel|i will be|i will stay|yes,? i am|i am going to stay) (?:\w+ )?safe\b|\bsafe (?:now|right now|for now|tonight)\b/i;
const NOT_SAFE_EN = /\bnot (?:\w+ )?safe\b|\bunsafe\b/i;
const SAFE_ZH =
  /(?:我|现在|此刻|目前)(?:现在|很|是|挺|还算|暂时)?安全|会(?:保证|注意)?(?:自己的)?安全|是安全的/;
const NOT_SAFE_ZH = /不安全|不太安全|没有安全/;

function normalizeForRules(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\bi'm\b/g, 'i am')
    .replace(/\bdon'?t\b/g, 'do not')
    .replace(/\bdidn'?t\b/g, 'did not')
    .replace(/\bi'll\b/g, 'i will');
}

/** "I was joking", "开玩笑的", "没事了": a denial, which never closes crisis mode by itself. */
export function isDenial(text: string): boolean {
  const t = normalizeForRules(text);
  return DENIAL_EN.test(t) || DENIAL_ZH.test(text);
}

/** "I'm safe", "我现在很安全": the answer to a check-in that the exit rule waits for. */
export function isSafetyConfirmation(text: string): boolean {
  const t = normalizeForRules(text);
  if (NOT_SAFE_EN.test(t) || NOT_SAFE_ZH.test(text)) return false;
  return SAFE_EN.test(t) || SAFE_ZH.test(text);
}

function checkInFor(locale: Locale, turn: number): string {
  const prompts = CRISIS_CHECK_INS[locale];
  return prompts[turn % prompts.length]!;
}

/**
 * Advance crisis mode by one user message. Call it for every user message, after `screen()` and
 * before the model runs.
 */
export function stepCrisisMode(
  previous: CrisisState,
  result: ScreenResult,
  userText: string,
  locale: Locale,
): CrisisStep {
  const state: CrisisState = { ...previous, categories: [...previous.categories] };

  if (result.level === 'crisis') {
    state.active = true;
    state.turnsInCrisis += 1;
    state.calmStreak = 0;
    state.confirmedSafe = false;
    for (const c of result.categories) if (!state.categories.includes(c)) state.categories.push(c);
    state.awaitingCheckIn = true;
    return {
      state,
      showCrisisCard: true,
      useCrisisInstruction: true,
      checkIn: checkInFor(locale, state.turnsInCrisis - 1),
      showConcernCheckIn: false,
      exited: false,
    };
  }

  if (!state.active) {
    return {
      state,
      showCrisisCard: false,
      useCrisisInstruction: false,
      checkIn: null,
      showConcernCheckIn: result.level === 'concern',
      exited: false,
    };
  }

  state.turnsInCrisis += 1;
  if (state.awaitingCheckIn && isSafetyConfirmation(userText)) state.confirmedSafe = true;
  if (result.level === 'concern') state.calmStreak = 0;
  else if (!isDenial(userText)) state.calmStreak += 1;

  if (state.calmStreak >= CALM_TURNS_TO_EXIT && state.confirmedSafe) {
    const ended: CrisisState = { ...initialCrisisState() };
    return {
      state: ended,
      showCrisisCard: false,
      useCrisisInstruction: false,
      checkIn: null,
      showConcernCheckIn: false,
      exited: true,
    };
  }

  state.awaitingCheckIn = true;
  return {
    state,
    showCrisisCard: false,
    useCrisisInstruction: true,
    checkIn: checkInFor(locale, state.turnsInCrisis - 1),
    showConcernCheckIn: false,
    exited: false,
  };
}
