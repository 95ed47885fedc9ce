/**
 * Pure helpers of the chat: which stored messages the model sees, titles, and the app's own notes
 * (crisis card, check-ins) that live in the conversation but never reach the model.
 */
import type { HistoryTurn } from '../llm/prompt';

/** Stored marker of the crisis card's place in a conversation (a `system` message). */
export const CRISIS_CARD_MARKER = '[crisis-card]';

export interface ChatItem {
  id: string;
  role: 'user' | 'assistant' | 'system';
  text: string;
  status: 'complete' | 'streaming' | 'stopped' | 'failed';
  /** A user message that could not be saved yet (storage full): kept on screen for a retry. */
  unsaved?: boolean;
  /** The reply was replaced by the output guard. */
  guarded?: boolean;
}

/**
 * The conversation as the model sees it: user and assistant turns only, each user turn exactly as it was
 * sent (`sent`, when this tab sent it) so the prompt prefix, and the engine's KV cache, stay stable.
 */
export function historyTurns(items: readonly ChatItem[], sent: ReadonlyMap<string, string>): HistoryTurn[] {
  const turns: HistoryTurn[] = [];
  for (const item of items) {
    if (item.role === 'system' || item.unsaved) continue;
    if (item.role === 'assistant' && item.text.trim() === '') continue;
    const sentText = sent.get(item.id);
    turns.push(
      sentText
        ? { role: item.role, content: item.text, sent: sentText }
        : { role: item.role, content: item.text },
    );
  }
  return turns;
}

/** The last few turns, for the safety screener's context ("yes" answering a safety question). */
export function recentTurns(
  items: readonly ChatItem[],
  count = 4,
): { role: 'user' | 'assistant'; text: string }[] {
  return items
    .filter((i): i is ChatItem & { role: 'user' | 'assistant' } => i.role !== 'system')
    .slice(-count)
    .map((i) => ({ role: i.role, text: i.text }));
}

/** A conversation's title from its first message: the first line, at most 40 characters. */
export function titleFrom(text: string): string {
  const line = text.trim().split(/\r?\n/)[0] ?? '';
  return [...line].length > 40 ? `${[...line].slice(0, 39).join('')}…` : line;
}
