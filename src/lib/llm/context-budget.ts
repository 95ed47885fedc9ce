/**
 * Keeps every request inside the model's context window, so a context-length error never reaches the
 * person. Before the prompt would overflow, the oldest exchanges leave the window (optionally folded into a
 * summary by a provided summariser). The system prompt and the latest turn, which carries the crisis
 * instruction while crisis mode is on, are never dropped.
 *
 * Trimming changes the start of the conversation, which invalidates the KV cache, so it trims with
 * headroom (down to `lowWater` of the budget): the next turns then fit again without trimming, and keep
 * reusing the cache. The window state is returned for the chat to store with the conversation, so later
 * requests build exactly the same prefix.
 */
import type { ChatMessage } from '../../workers/llm-protocol';

/** Counts tokens. Backed by the model's tokenizer when available; `estimateTokens` otherwise. */
export interface TokenCounter {
  count(text: string): number | Promise<number>;
}

/** Tokens a chat template adds around each message (role markers, separators); generous on purpose. */
export const MESSAGE_OVERHEAD_TOKENS = 8;

const CJK = /[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/gu;

/**
 * A cheap, deliberately high token estimate: one token per CJK character (real tokenizers pack ~1.4),
 * one per 3 other characters (real ones pack ~4 for English). Overestimating only trims a little early.
 */
export function estimateTokens(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const rest = text.length - cjk;
  return cjk + Math.ceil(rest / 3);
}

export const estimatingCounter: TokenCounter = { count: estimateTokens };

/** Which part of the conversation the model sees, stored with the conversation. */
export interface ContextState {
  /** Index in the history of the first turn the model sees (always a user turn). */
  start: number;
  /** Summary of the turns before `start`, when a summariser made one. */
  summary?: string;
}

export interface FitContextInput {
  system: string;
  /** Every earlier turn as sent, oldest first (no system message, not the new turn). */
  history: readonly ChatMessage[];
  /** The new user turn as sent (its context note included). */
  latest: ChatMessage;
  /** The stored state; missing means the whole history. */
  state?: ContextState;
  contextWindow: number;
  /** Tokens kept free for the reply (the request's `maxNewTokens`). */
  reserveTokens: number;
  counter?: TokenCounter;
  /** Folds dropped turns (and the previous summary) into a new summary. Without it turns are dropped. */
  summarise?: (dropped: readonly ChatMessage[], previous: string | undefined) => Promise<string>;
  /** How the summary is put in front of the first kept user turn. */
  formatSummary?: (summary: string) => string;
  /** After trimming, the prompt fills at most this share of the budget. */
  lowWater?: number;
}

export interface FitContextResult {
  messages: ChatMessage[];
  state: ContextState;
  /** True when the window moved or the summary changed: the engine must not trust its KV cache. */
  edited: boolean;
  /** Estimated (or counted) prompt tokens. */
  promptTokens: number;
  /** True when even the latest turn alone was too long and its middle was cut. */
  latestShortened: boolean;
}

const DEFAULT_LOW_WATER = 0.6;

export const defaultFormatSummary = (summary: string) =>
  `[Summary of the earlier conversation: ${summary}]\n\n`;

/** Build the messages the model sees for a window state. */
function windowMessages(
  system: string,
  history: readonly ChatMessage[],
  latest: ChatMessage,
  state: ContextState,
  formatSummary: (summary: string) => string,
): ChatMessage[] {
  const kept = history.slice(state.start).map((m) => ({ ...m }));
  const summaryText = state.summary ? formatSummary(state.summary) : '';
  const messages: ChatMessage[] = [{ role: 'system', content: system }, ...kept, { ...latest }];
  // The summary rides on the first kept turn; with none kept it is left out rather than put on the latest.
  if (summaryText && kept.length > 0)
    messages[1] = { ...messages[1]!, content: summaryText + messages[1]!.content };
  return messages;
}

/** Next index after `from` where a user turn starts, so the window never opens on a reply. */
function nextUserStart(history: readonly ChatMessage[], from: number): number {
  let i = from + 1;
  while (i < history.length && history[i]!.role !== 'user') i++;
  return i;
}

/** Fit the request into the context window. Never throws for length. */
export async function fitContext(input: FitContextInput): Promise<FitContextResult> {
  const counter = input.counter ?? estimatingCounter;
  const format = input.formatSummary ?? defaultFormatSummary;
  const budget = input.contextWindow - input.reserveTokens;
  const lowWater = Math.floor(budget * (input.lowWater ?? DEFAULT_LOW_WATER));
  const before: ContextState = input.state ?? { start: 0 };
  const { history } = input;

  // Count each message once; moving the window is then arithmetic.
  const cost = async (text: string) => (await counter.count(text)) + MESSAGE_OVERHEAD_TOKENS;
  const fixed = (await cost(input.system)) + (await cost(input.latest.content));
  const costs: number[] = [];
  for (const m of history) costs.push(await cost(m.content));
  const suffix: number[] = new Array<number>(history.length + 1).fill(0);
  for (let i = history.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! + costs[i]!;
  const summaryCost = async (summary: string | undefined) =>
    summary ? await counter.count(format(summary)) : 0;
  const total = async (state: ContextState) =>
    fixed + suffix[state.start]! + (state.start < history.length ? await summaryCost(state.summary) : 0);

  let state: ContextState = { ...before, start: Math.min(before.start, history.length) };
  let tokens = await total(state);
  if (tokens > budget) {
    // Over budget: move the window forward, whole exchanges at a time, until under the low-water mark.
    let start = state.start;
    while (start < history.length && fixed + suffix[start]! > lowWater) start = nextUserStart(history, start);
    state = { start };
    tokens = await total(state);
    if (input.summarise && start > 0) {
      const dropped = history.slice(before.summary ? before.start : 0, start);
      const withSummary: ContextState = { start, summary: await input.summarise(dropped, before.summary) };
      const withSummaryTokens = await total(withSummary);
      if (withSummaryTokens <= budget) {
        state = withSummary;
        tokens = withSummaryTokens;
      }
    }
  }
  const messages = windowMessages(input.system, history, input.latest, state, format);

  let latestShortened = false;
  if (tokens > budget) {
    // Only the system prompt and the latest turn are left and they still do not fit: keep the head of
    // the latest turn (its context note, crisis instruction included) and its end, cut the middle.
    const last = messages.at(-1)!;
    const room = Math.max(16, budget - (tokens - (await cost(last.content))) - MESSAGE_OVERHEAD_TOKENS);
    const content = await shorten(last.content, room, counter);
    messages[messages.length - 1] = { ...last, content };
    tokens = tokens - (await cost(last.content)) + (await cost(content));
    latestShortened = true;
  }
  return { messages, state, edited: !sameState(state, before), promptTokens: tokens, latestShortened };
}

async function shorten(text: string, maxTokens: number, counter: TokenCounter): Promise<string> {
  const marker = '\n…\n';
  let keep = text.length;
  let result = text;
  while (keep > 0 && (await counter.count(result)) > maxTokens) {
    keep = Math.floor(keep * 0.8);
    const head = Math.ceil(keep * 0.6);
    result = text.slice(0, head) + marker + text.slice(text.length - (keep - head));
  }
  return result;
}

function sameState(a: ContextState, b: ContextState): boolean {
  return a.start === b.start && a.summary === b.summary;
}
