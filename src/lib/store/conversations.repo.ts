import { CODECS } from './codecs';
import type { RepoContext } from './context';
import { newId } from './crypto';
import { NotFoundError } from './errors';
import type { Conversation } from './schemas';

const codec = CODECS.conversations;

/** Conversations and their titles. Deleting one deletes its messages. */
export class ConversationsRepo {
  constructor(private readonly ctx: RepoContext) {}

  /** Starts a conversation; the title may be set later (e.g. from the first message). */
  async create(input: { title?: string } = {}): Promise<Conversation> {
    const now = this.ctx.now();
    const record: Conversation = { id: newId(), title: input.title ?? '', createdAt: now, updatedAt: now };
    const row = await codec.encode(this.ctx.sealer, record);
    await this.ctx.backend.write([{ type: 'put', table: 'conversations', row }]);
    return record;
  }

  async get(id: string): Promise<Conversation | undefined> {
    const row = await this.ctx.backend.get('conversations', id);
    return row && codec.decode(this.ctx.sealer, row);
  }

  /**
   * Every conversation with its title, most recently active first; `updatedAt` is the later of its own
   * last change and its newest message (read from the message index, so adding a message is one write).
   */
  async list(): Promise<Conversation[]> {
    const rows = await this.ctx.backend.all('conversations');
    const list = await Promise.all(
      rows.map(async (row) => {
        const [conversation, [last]] = await Promise.all([
          codec.decode(this.ctx.sealer, row),
          this.ctx.backend.query('messages', {
            where: { field: 'conversationId', equals: row.id },
            orderBy: 'time',
            reverse: true,
            limit: 1,
          }),
        ]);
        return last && last.time > conversation.updatedAt
          ? { ...conversation, updatedAt: last.time }
          : conversation;
      }),
    );
    return list.sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
  }

  /** @throws NotFoundError */
  async rename(id: string, title: string): Promise<Conversation> {
    const current = await this.get(id);
    if (!current) throw new NotFoundError('conversations', id);
    const record = { ...current, title, updatedAt: this.ctx.now() };
    const row = await codec.encode(this.ctx.sealer, record);
    await this.ctx.backend.write([{ type: 'put', table: 'conversations', row }]);
    return record;
  }

  /** Deletes the conversation and all of its messages, together. */
  async delete(id: string): Promise<void> {
    await this.ctx.backend.write([
      { type: 'deleteWhere', table: 'messages', field: 'conversationId', equals: id },
      { type: 'delete', table: 'conversations', id },
    ]);
  }
}
