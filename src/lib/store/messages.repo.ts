import { CODECS } from './codecs';
import { KeyedQueue, type RepoContext } from './context';
import { newId } from './crypto';
import { NotFoundError } from './errors';
import type { EmotionResult, Message, MessageRole, MessageStatus } from './schemas';

const codec = CODECS.messages;

export interface NewMessage {
  conversationId: string;
  role: MessageRole;
  text: string;
  /** Default `complete`; an assistant reply is added as `streaming` before generation starts. */
  status?: MessageStatus;
  modelId?: string;
  emotion?: EmotionResult;
  riskLevel?: string;
  /** Default: now. */
  time?: number;
}

/** What may change after a message is saved. */
export type MessagePatch = Partial<Pick<Message, 'text' | 'status' | 'modelId' | 'emotion' | 'riskLevel'>>;

/**
 * Messages of conversations. A message is saved before anything else happens with it (the person's before
 * screening and generation, the reply as an empty `streaming` message before the first token), so a closed
 * tab or a crash loses nothing that was on screen.
 */
export class MessagesRepo {
  readonly #updates = new KeyedQueue();

  constructor(private readonly ctx: RepoContext) {}

  /**
   * Saves a message (one write, so a long chat costs no more per message than a short one). Returns its id.
   * @throws StorageFullError (nothing saved; keep the text and retry), LockedError, InvalidRecordError
   */
  async add(input: NewMessage): Promise<string> {
    const record: Message = {
      id: newId(),
      conversationId: input.conversationId,
      role: input.role,
      text: input.text,
      time: input.time ?? this.ctx.now(),
      status: input.status ?? 'complete',
      modelId: input.modelId,
      emotion: input.emotion,
      riskLevel: input.riskLevel,
    };
    const row = await codec.encode(this.ctx.sealer, record);
    await this.ctx.backend.write([{ type: 'put', table: 'messages', row }]);
    return record.id;
  }

  async get(id: string): Promise<Message | undefined> {
    const row = await this.ctx.backend.get('messages', id);
    return row && codec.decode(this.ctx.sealer, row);
  }

  /**
   * Replaces the text of a message, e.g. a reply as it streams (the caller debounces). Updates of the same
   * message run in call order, so the last call's text is what stays.
   * @throws NotFoundError, StorageFullError
   */
  updateText(id: string, text: string, status?: MessageStatus): Promise<Message> {
    return this.update(id, status === undefined ? { text } : { text, status });
  }

  /** Changes some fields of a message (status, emotion, risk level...). @throws NotFoundError, StorageFullError */
  update(id: string, patch: MessagePatch): Promise<Message> {
    return this.#updates.run(id, async () => {
      const current = await this.get(id);
      if (!current) throw new NotFoundError('messages', id);
      const record: Message = { ...current, ...patch };
      const row = await codec.encode(this.ctx.sealer, record);
      await this.ctx.backend.write([{ type: 'put', table: 'messages', row }]);
      return record;
    });
  }

  /** A conversation's messages, oldest first. */
  async list(conversationId: string): Promise<Message[]> {
    const rows = await this.ctx.backend.query('messages', {
      where: { field: 'conversationId', equals: conversationId },
      orderBy: 'time',
    });
    return Promise.all(rows.map((row) => codec.decode(this.ctx.sealer, row)));
  }

  async delete(id: string): Promise<void> {
    await this.ctx.backend.write([{ type: 'delete', table: 'messages', id }]);
  }
}
