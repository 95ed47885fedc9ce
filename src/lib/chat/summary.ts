/**
 * What the report needs from conversations: a count of the feelings read in the person's messages, and a
 * prompt that asks the local model for a short summary a counselor can read. Pure.
 */
import type { Locale } from '../config/schema';
import type { ChatMessage } from '../../workers/llm-protocol';

export interface StoredEmotionMessage {
  role: string;
  emotion?: { top: readonly { emotion: string; score: number }[] };
}

/** The feelings most often read first in the person's messages, most frequent first. */
export function countEmotions(
  messages: readonly StoredEmotionMessage[],
  limit = 5,
): { emotion: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const message of messages) {
    const first = message.role === 'user' ? message.emotion?.top[0]?.emotion : undefined;
    if (first && first !== 'neutral') counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  return [...counts]
    .map(([emotion, count]) => ({ emotion, count }))
    .sort((a, b) => b.count - a.count || a.emotion.localeCompare(b.emotion))
    .slice(0, limit);
}

const INSTRUCTIONS: Record<Locale, string> = {
  en: 'You help a person prepare notes for a counselor they will see. Summarise the conversation below in 3 to 6 short sentences, in the first person ("I have been..."): the main concerns, how they have been feeling, what helped, and anything they want to talk about. No diagnosis, no advice, no names of other people. Answer with the summary only.',
  'zh-CN':
    '你在帮助一个人为即将见到的心理咨询师准备笔记。用第一人称（“我最近……”）把下面的对话总结成 3 到 6 个短句：主要的困扰、最近的感受、有帮助的事情，以及想谈的话题。不做诊断，不给建议，不写其他人的名字。只回答总结本身。',
};

const SPEAKERS: Record<Locale, { user: string; assistant: string }> = {
  en: { user: 'Me', assistant: 'AI' },
  'zh-CN': { user: '我', assistant: 'AI' },
};

/**
 * The request for a summary of the chosen conversations. The transcript keeps the most recent text when it
 * is longer than `maxChars` (the model's context is small).
 */
export function summaryRequest(
  conversations: readonly { title: string; messages: readonly { role: string; text: string }[] }[],
  locale: Locale,
  maxChars = 6000,
): ChatMessage[] {
  const speakers = SPEAKERS[locale];
  const transcript = conversations
    .map((c) =>
      [
        `# ${c.title}`,
        ...c.messages
          .filter((m) => m.role === 'user' || m.role === 'assistant')
          .map((m) => `${m.role === 'user' ? speakers.user : speakers.assistant}: ${m.text}`),
      ].join('\n'),
    )
    .join('\n\n');
  const clipped = transcript.length > maxChars ? `…${transcript.slice(-maxChars)}` : transcript;
  return [
    { role: 'system', content: INSTRUCTIONS[locale] },
    { role: 'user', content: clipped },
  ];
}
