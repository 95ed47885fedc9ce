import type { Conversation } from '../store';
import type { ChatMessage } from '../../workers/llm-protocol';
import type { CrisisState, GuardEvent } from '../safety';
import type { TurnContext } from '../llm/prompt';
import { CRISIS_CARD_MARKER, historyTurns, recentTurns, titleFrom, type ChatItem } from '../chat/turns';
import { app } from './app-manager.svelte';
import { modelManager } from './model-manager.svelte';
import { storeManager } from './store-manager.svelte';

const loadSafety = () => import('../safety');
const loadLlm = () => import('../llm');

/** Tokens kept free for a reply, and the reply's length limit. */
export const MAX_REPLY_TOKENS = 512;
/** How long a reply waits for the emotion reading before it goes ahead without it. */
const EMOTION_WAIT_MS = 1500;
/** How often a streaming reply is written to the store: a closed tab keeps what was shown. */
const SAVE_EVERY_MS = 300;

/**
 * One conversation at a time: saves each message before anything else happens with it, screens it,
 * shows the crisis card before any generated text, streams the reply through the output guard, and keeps
 * the prompt prefix stable so the engine reuses its KV cache.
 */
export class ChatManager {
  #conversations = $state.raw<Conversation[]>([]);
  #conversationId = $state<string | undefined>(undefined);
  #items = $state<ChatItem[]>([]);
  #generating = $state(false);
  #error = $state<unknown>(undefined);
  #crisis = $state.raw<CrisisState | undefined>(undefined);
  #checkIn = $state<string | undefined>(undefined);
  #concern = $state(false);
  /** What this tab sent to the model for each user message (with its context note); not UI state. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read only when building a prompt
  #sent = new Map<string, string>();
  #contextState: { start: number; summary?: string } | undefined;

  get conversations() {
    return this.#conversations;
  }
  get conversationId() {
    return this.#conversationId;
  }
  get items() {
    return this.#items;
  }
  get generating() {
    return this.#generating;
  }
  get error() {
    return this.#error;
  }
  get inCrisis() {
    return this.#crisis?.active ?? false;
  }
  get checkIn() {
    return this.#checkIn;
  }
  get concern() {
    return this.#concern;
  }

  async refreshList(): Promise<void> {
    this.#conversations = await storeManager.ready.conversations.list();
  }

  async open(id: string): Promise<void> {
    const store = storeManager.ready;
    const messages = await store.messages.list(id);
    this.#conversationId = id;
    this.#sent.clear();
    this.#contextState = undefined;
    this.#items = messages.map((m) => ({
      id: m.id,
      role: m.role,
      // A reply left `streaming` was cut off when the page closed: keep what was shown, marked stopped.
      status: m.status === 'streaming' ? 'stopped' : m.status,
      text: m.text,
    }));
    const { initialCrisisState } = await loadSafety();
    this.#crisis = this.#items.some((i) => i.role === 'system' && i.text === CRISIS_CARD_MARKER)
      ? { ...initialCrisisState(), active: true }
      : initialCrisisState();
    this.#checkIn = undefined;
    this.#concern = false;
    await modelManager.engine?.reset();
  }

  async newConversation(): Promise<void> {
    this.#conversationId = undefined;
    this.#items = [];
    this.#sent.clear();
    this.#contextState = undefined;
    this.#crisis = undefined;
    this.#checkIn = undefined;
    this.#concern = false;
    this.#error = undefined;
    await modelManager.engine?.reset();
  }

  async deleteConversation(id: string): Promise<void> {
    await storeManager.ready.conversations.delete(id);
    if (this.#conversationId === id) await this.newConversation();
    await this.refreshList();
  }

  /** Sends what the person wrote. Resolves once the reply is finished (or could not start). */
  async send(text: string): Promise<void> {
    if (!text.trim() || this.#generating) return;
    this.#error = undefined;
    const safety = await loadSafety();
    const result = safety.screen(text, app.locale, recentTurns(this.#items));
    const step = safety.stepCrisisMode(this.#crisis ?? safety.initialCrisisState(), result, text, app.locale);
    this.#crisis = step.state;
    this.#checkIn = step.checkIn ?? undefined;
    this.#concern = step.showConcernCheckIn;

    const store = storeManager.ready;
    let userId: string;
    try {
      if (!this.#conversationId) {
        const conversation = await store.conversations.create({ title: titleFrom(text) });
        this.#conversationId = conversation.id;
      }
      userId = await store.messages.add({
        conversationId: this.#conversationId,
        role: 'user',
        text,
        riskLevel: result.level,
      });
    } catch (error) {
      // Nothing is lost: the message stays on screen, unsaved, until a retry succeeds.
      this.#items.push({ id: `unsaved-${Date.now()}`, role: 'user', text, status: 'failed', unsaved: true });
      this.#error = error;
      return;
    }
    this.#items.push({ id: userId, role: 'user', text, status: 'complete' });
    if (step.showCrisisCard) await this.#addSystemNote(CRISIS_CARD_MARKER);
    await this.refreshList();
    const emotionSummary = await this.#readEmotion(text, userId);
    await this.#reply(text, userId, {
      ...(step.useCrisisInstruction ? { crisisInstruction: safety.CRISIS_INSTRUCTION[app.locale] } : {}),
      ...(emotionSummary ? { emotionSummary } : {}),
    });
  }

  /**
   * Reads the message's emotion in the worker and stores it with the message. The reply waits for it
   * only briefly: a reading that comes later is still stored, just not used for this turn.
   */
  async #readEmotion(text: string, messageId: string): Promise<string | undefined> {
    const locale = app.locale;
    // The emotion manager (and its worker) loads with the first message, not with the chat screen.
    const { emotionManager } = await import('./emotion-manager.svelte');
    const reading = emotionManager.classify(text).then(async (emotion) => {
      if (!emotion) return undefined;
      await storeManager.ready.messages.update(messageId, { emotion }).catch(() => undefined);
      const { summariseForPrompt } = await import('../emotion/mood');
      return summariseForPrompt([emotion], locale) || undefined;
    });
    const timeout = new Promise<undefined>((resolve) =>
      setTimeout(() => resolve(undefined), EMOTION_WAIT_MS),
    );
    return Promise.race([reading, timeout]);
  }

  /** Retries saving a message that could not be saved (storage full), then answers it. */
  async retryUnsaved(item: ChatItem): Promise<void> {
    this.#items = this.#items.filter((i) => i !== item);
    await this.send(item.text);
  }

  async #addSystemNote(text: string): Promise<void> {
    const id = await storeManager.ready.messages.add({
      conversationId: this.#conversationId!,
      role: 'system',
      text,
    });
    this.#items.push({ id, role: 'system', text, status: 'complete' });
  }

  async #reply(userText: string, userId: string, turnContext: TurnContext): Promise<void> {
    const engine = modelManager.engine;
    if (!engine) return;
    const llm = await loadLlm();
    const safety = await loadSafety();
    const store = storeManager.ready;
    const locale = app.locale;
    // Earlier turns as they were sent; the new turn carries this turn's context note.
    const history = historyTurns(
      this.#items.filter((i) => i.id !== userId),
      this.#sent,
    );
    const built = llm.buildMessages({
      locale,
      history,
      userText,
      turnContext,
    });
    this.#sent.set(userId, built.sent);
    const [system, ...rest] = built.messages;
    const latest = rest.pop()!;
    const fitted = await llm.fitContext({
      system: system!.content,
      history: rest,
      latest,
      state: this.#contextState,
      contextWindow: modelManager.model?.contextWindow ?? 4096,
      reserveTokens: MAX_REPLY_TOKENS,
    });
    this.#contextState = fitted.state;
    await this.#generate(fitted.messages, fitted.edited, locale, store, safety);
  }

  async #generate(
    messages: ChatMessage[],
    historyEdited: boolean,
    locale: typeof app.locale,
    store: typeof storeManager.ready,
    safety: Awaited<ReturnType<typeof loadSafety>>,
  ): Promise<void> {
    const engine = modelManager.engine;
    if (!engine || !this.#conversationId) return;
    const replyId = await store.messages.add({
      conversationId: this.#conversationId,
      role: 'assistant',
      text: '',
      status: 'streaming',
      modelId: modelManager.model?.id,
    });
    this.#items.push({ id: replyId, role: 'assistant', text: '', status: 'streaming' });
    const item = this.#items[this.#items.length - 1]!;
    this.#generating = true;
    const guard = safety.createOutputGuard(locale);
    let blocked: GuardEvent | undefined;
    let lastSave = 0;
    try {
      const result = await engine.generate(
        messages,
        { maxNewTokens: MAX_REPLY_TOKENS, historyEdited },
        {
          onToken: (token) => {
            if (blocked) return;
            const verdict = guard.push(token);
            if (!verdict.ok) {
              // The reply crossed a line: stop it and show the pre-written safe response instead.
              blocked = verdict.event;
              item.text = verdict.safeReply;
              item.guarded = true;
              void engine.interrupt();
              return;
            }
            item.text += token;
            const now = performance.now();
            if (now - lastSave > SAVE_EVERY_MS) {
              lastSave = now;
              void store.messages.updateText(replyId, item.text, 'streaming').catch(() => undefined);
            }
          },
        },
      );
      if (!blocked) item.text = result.text;
      item.status = blocked ? 'complete' : result.finishReason === 'interrupted' ? 'stopped' : 'complete';
    } catch (error) {
      item.status = item.text ? 'stopped' : 'failed';
      this.#error = error;
    } finally {
      this.#generating = false;
    }
    await store.messages.updateText(replyId, item.text, item.status);
    if (blocked) {
      // Recorded on this device only; the reply that crossed the line is not kept.
      await store.safetyEvents
        .record({
          kind: 'output-guard',
          categories: [blocked.category],
          action: 'replaced',
          conversationId: this.#conversationId,
          messageId: replyId,
        })
        .catch(() => undefined);
      // The engine's cache holds the blocked text, not what is shown: start fresh next turn.
      this.#contextState = undefined;
      await engine.reset();
    }
  }

  async stop(): Promise<void> {
    await modelManager.engine?.interrupt();
  }

  /** Asks again for the last reply: the old one is removed and the engine forgets its cache. */
  async regenerate(): Promise<void> {
    if (this.#generating) return;
    const lastReply = [...this.#items].reverse().find((i) => i.role === 'assistant');
    const lastUser = [...this.#items].reverse().find((i) => i.role === 'user' && !i.unsaved);
    if (!lastReply || !lastUser) return;
    await storeManager.ready.messages.delete(lastReply.id);
    this.#items = this.#items.filter((i) => i.id !== lastReply.id);
    this.#contextState = undefined;
    const llm = await loadLlm();
    const safety = await loadSafety();
    const history = historyTurns(this.#items, this.#sent);
    const messages: ChatMessage[] = [
      { role: 'system', content: llm.systemPrompt(app.locale) },
      ...history.map((t) => ({ role: t.role, content: t.sent ?? t.content })),
    ];
    await this.#generate(messages, true, app.locale, storeManager.ready, safety);
  }

  reset(): void {
    this.#conversations = [];
    void this.newConversation();
  }
}

export const chat = new ChatManager();
