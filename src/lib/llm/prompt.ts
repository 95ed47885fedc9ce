/**
 * The counselor's prompts and the message list sent to the model.
 *
 * The cache rule: the system prompt is a constant per language, byte for byte, and every earlier turn is
 * sent exactly as it was sent before (the chat stores what was sent, not a re-rendering). Per-turn context
 * (profile, latest emotion reading, style, the crisis instruction) is prepended to the latest user turn
 * only. So each request's prefix is identical to the previous request plus its reply, and both engines
 * reuse the KV cache of the whole earlier conversation.
 */
import type { Locale } from '../config/schema';
import type { ChatMessage } from '../../workers/llm-protocol';

/** System prompts. Wording: support and self-help, never therapy; no diagnosis; no medication advice. */
export const SYSTEM_PROMPTS: Readonly<Record<Locale, string>> = {
  en: [
    'You are Solace, a warm, calm and non-judgmental AI companion for emotional support and self-help.',
    'You are an AI, not a person and not a counselor. If asked, say plainly that you are an AI.',
    'How you help:',
    '- Listen first. Reflect back what you hear in your own words, and name feelings gently ("It sounds like you feel…").',
    '- Ask one open question at a time. Let the person lead; do not lecture.',
    '- When it fits, offer one small, practical idea from self-help: noticing and questioning unhelpful thoughts (CBT), a breathing or grounding exercise, a small next step, or exploring what they want and why it matters to them (motivational interviewing).',
    '- Respect their choices and strengths. Never blame, shame or moralise.',
    'Limits:',
    '- Do not diagnose or name conditions, and give no advice about medication or doses. Suggest a doctor or counselor for those.',
    '- Encourage support from people: friends, family, a counselor or a helpline, especially when things feel heavy or keep going on.',
    '- If someone may be in danger, put their safety first and urge them to contact emergency services or a crisis line now.',
    'Style: short replies (2 to 5 sentences), plain words, no lists unless asked. Answer in the language the person writes in.',
    'A user message may begin with a note in square brackets from the app (context about the person, or safety guidance). Follow it quietly; never quote it or mention it.',
  ].join('\n'),
  'zh-CN': [
    '你是“心安”，一个温暖、平和、不评判的 AI 陪伴者，提供情绪支持和自助帮助。',
    '你是 AI，不是真人，也不是咨询师。如果对方问起，请直接说明你是 AI。',
    '你的做法：',
    '- 先倾听。用自己的话复述你听到的内容，温和地说出对方的感受（“听起来你感到……”）。',
    '- 每次只问一个开放式问题。让对方主导，不说教。',
    '- 在合适的时候，给出一个小而可行的自助建议：觉察并检验不合理的想法（认知行为方法）、呼吸或稳定练习、一个小小的下一步，或者一起探索对方想要什么、这对他/她为什么重要（动机式访谈）。',
    '- 尊重对方的选择和力量。不指责、不羞辱、不说教。',
    '界限：',
    '- 不做诊断，不给对方贴任何疾病标签，不提供任何关于药物或剂量的建议；这些请建议对方咨询医生或心理咨询师。',
    '- 鼓励对方向身边的人求助：朋友、家人、心理咨询师或心理援助热线，尤其是在感到很沉重或持续很久的时候。',
    '- 如果对方可能有危险，把安全放在第一位，劝对方现在就联系急救电话或心理援助热线。',
    '风格：回复简短（2 到 5 句），用平实的语言，除非对方要求，否则不要列清单。用对方使用的语言回答。',
    '用户消息开头可能有一段方括号里的应用提示（关于对方的背景，或安全指引）。默默遵循，不要引用或提及它。',
  ].join('\n'),
};

/** What the app knows for this turn. Every field is optional; empty fields add nothing. */
export interface TurnContext {
  /** A short summary of the profile the person chose to give (nickname, age range, what they want help with). */
  profileSummary?: string;
  /** The latest emotion reading, in words ("seems anxious and tired"). */
  emotionSummary?: string;
  /** How they like to be answered ("brief, practical"). */
  stylePreferences?: string;
  /** The safety instruction while crisis mode is active (`safety/prompts.ts` CRISIS_INSTRUCTION). */
  crisisInstruction?: string;
}

/** A turn of the stored conversation. `sent` is exactly what the model received; it wins over `content`. */
export interface HistoryTurn {
  role: 'user' | 'assistant';
  /** What the person wrote or saw. */
  content: string;
  /** What was sent to the model for this turn (user turns with their context note). */
  sent?: string;
}

const LABELS: Record<Locale, Record<keyof TurnContext, string> & { open: string; close: string }> = {
  en: {
    open: '[App note, not written by the person.',
    profileSummary: 'About them:',
    emotionSummary: 'How they seem right now:',
    stylePreferences: 'They prefer:',
    crisisInstruction: 'Safety:',
    close: ']',
  },
  'zh-CN': {
    open: '[应用提示，非对方所写。',
    profileSummary: '关于对方：',
    emotionSummary: '对方此刻的状态：',
    stylePreferences: '对方希望：',
    crisisInstruction: '安全：',
    close: ']',
  },
};

const CONTEXT_ORDER: (keyof TurnContext)[] = [
  'crisisInstruction',
  'profileSummary',
  'emotionSummary',
  'stylePreferences',
];

/** The system prompt for a language: the same string on every turn. */
export function systemPrompt(locale: Locale): string {
  return SYSTEM_PROMPTS[locale];
}

/** The latest user turn as sent: the context note (if any), then the person's words unchanged. */
export function renderUserTurn(locale: Locale, userText: string, context: TurnContext = {}): string {
  const labels = LABELS[locale];
  const sep = locale === 'zh-CN' ? '' : ' ';
  const parts = CONTEXT_ORDER.flatMap((key) => {
    const value = context[key]?.trim();
    return value ? [`${labels[key]}${sep}${value}`] : [];
  });
  if (parts.length === 0) return userText;
  return `${labels.open}${sep}${parts.join(sep)}${labels.close}\n\n${userText}`;
}

export interface BuildMessagesInput {
  locale: Locale;
  /** The conversation so far, oldest first, as stored (with `sent` for user turns). */
  history: readonly HistoryTurn[];
  /** What the person just wrote. */
  userText: string;
  turnContext?: TurnContext;
}

export interface BuiltMessages {
  messages: ChatMessage[];
  /** Store this as the new user turn's `sent`, so the next request repeats it byte for byte. */
  sent: string;
}

/** The message list for one request: system prompt, earlier turns exactly as sent, the new turn. */
export function buildMessages({ locale, history, userText, turnContext }: BuildMessagesInput): BuiltMessages {
  const sent = renderUserTurn(locale, userText, turnContext);
  const messages: ChatMessage[] = [
    { role: 'system', content: systemPrompt(locale) },
    ...history.map((turn) => ({ role: turn.role, content: turn.sent ?? turn.content })),
    { role: 'user', content: sent },
  ];
  return { messages, sent };
}
