/**
 * The Columbia suicide screener (C-SSRS screen version, past month) as a guided flow of pure functions.
 * Free for health and community use (cssrs.columbia.edu). Flow: 1 and 2 always; 3, 4 and 5 only when
 * 2 is "yes"; 6 always; 6b ("within the past 3 months?") only when 6 is "yes".
 * Triage follows the published screener: high = yes to 4 or 5, or behaviour in the past 3 months;
 * moderate = yes to 3, or behaviour longer ago; low = yes to 1 or 2 only.
 * The Chinese wording should be checked against the official Chinese version before release.
 */
import type { Locale } from '../config/schema';

export type CssrsQuestionId = 'q1' | 'q2' | 'q3' | 'q4' | 'q5' | 'q6' | 'q6b';

export type CssrsAnswers = Partial<Record<CssrsQuestionId, boolean>>;

export type CssrsRisk = 'none' | 'low' | 'moderate' | 'high';

export interface CssrsQuestion {
  id: CssrsQuestionId;
  text: Record<Locale, string>;
}

export const CSSRS_INTRO: Record<Locale, string> = {
  en: 'These questions are about the past month. You can stop at any time. Answer yes or no.',
  'zh-CN': '以下问题是关于过去一个月的情况。你可以随时停止。请回答“是”或“否”。',
};

export const CSSRS_QUESTIONS: Record<CssrsQuestionId, CssrsQuestion> = {
  q1: {
    id: 'q1',
    text: {
      en: 'In the past month, have you wished you were dead or wished you could go to sleep and not wake up?',
      'zh-CN': '在过去一个月里，你是否希望自己已经死去，或者希望自己睡着后不再醒来？',
    },
  },
  q2: {
    id: 'q2',
    text: {
      en: 'In the past month, have you actually had any thoughts of killing yourself?',
      'zh-CN': '在过去一个月里，你是否真的有过想要结束自己生命的念头？',
    },
  },
  q3: {
    id: 'q3',
    text: {
      en: 'In the past month, have you been thinking about how you might do this?',
      'zh-CN': '在过去一个月里，你是否想过可能会怎样去做？',
    },
  },
  q4: {
    id: 'q4',
    text: {
      en: 'In the past month, have you had these thoughts and had some intention of acting on them?',
      'zh-CN': '在过去一个月里，你是否有过这些念头，并且有一些想要付诸行动的意图？',
    },
  },
  q5: {
    id: 'q5',
    text: {
      en: 'In the past month, have you started to work out or worked out the details of how to kill yourself, and do you intend to carry out this plan?',
      'zh-CN': '在过去一个月里，你是否已经开始或已经想好了结束生命的具体细节，并且打算去执行这个计划？',
    },
  },
  q6: {
    id: 'q6',
    text: {
      en: 'Have you ever done anything, started to do anything, or prepared to do anything to end your life?',
      'zh-CN': '你是否曾经做过、开始做过或准备过任何事情来结束自己的生命？',
    },
  },
  q6b: {
    id: 'q6b',
    text: {
      en: 'Was this within the past 3 months?',
      'zh-CN': '这是在过去三个月内发生的吗？',
    },
  },
};

/** The question to ask next, or null when the screener is complete. */
export function nextCssrsQuestion(answers: CssrsAnswers): CssrsQuestionId | null {
  if (answers.q1 === undefined) return 'q1';
  if (answers.q2 === undefined) return 'q2';
  if (answers.q2) {
    if (answers.q3 === undefined) return 'q3';
    if (answers.q4 === undefined) return 'q4';
    if (answers.q5 === undefined) return 'q5';
  }
  if (answers.q6 === undefined) return 'q6';
  if (answers.q6 && answers.q6b === undefined) return 'q6b';
  return null;
}

/** Record an answer, dropping answers that the new one makes irrelevant (3-5 after a "no" to 2). */
export function answerCssrs(answers: CssrsAnswers, id: CssrsQuestionId, yes: boolean): CssrsAnswers {
  const next: CssrsAnswers = { ...answers, [id]: yes };
  if (id === 'q2' && !yes) {
    delete next.q3;
    delete next.q4;
    delete next.q5;
  }
  if (id === 'q6' && !yes) delete next.q6b;
  return next;
}

/** True once every question the flow needs has an answer. */
export function isCssrsComplete(answers: CssrsAnswers): boolean {
  return nextCssrsQuestion(answers) === null;
}

/**
 * Risk from the answers so far. A "yes" that already means high risk counts before the flow is
 * complete, so the app can show crisis resources at once.
 */
export function cssrsRisk(answers: CssrsAnswers): CssrsRisk {
  const ideation = answers.q2 === true;
  if (
    (ideation && (answers.q4 === true || answers.q5 === true)) ||
    (answers.q6 === true && answers.q6b === true)
  ) {
    return 'high';
  }
  if ((ideation && answers.q3 === true) || (answers.q6 === true && answers.q6b !== true)) return 'moderate';
  if (answers.q1 === true || ideation) return 'low';
  return 'none';
}
