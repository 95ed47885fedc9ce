import { describe, expect, it } from 'vitest';
import { countEmotions, summaryRequest } from '../../src/lib/chat/summary';

describe('report summaries from conversations', () => {
  it('counts the feeling read first in each of the person’s messages, most frequent first', () => {
    const reading = (emotion: string) => ({ top: [{ emotion, score: 0.9 }] });
    const counts = countEmotions([
      { role: 'user', emotion: reading('anxiety') },
      { role: 'user', emotion: reading('sadness') },
      { role: 'user', emotion: reading('anxiety') },
      { role: 'assistant', emotion: reading('joy') },
      { role: 'user', emotion: reading('neutral') },
      { role: 'user' },
    ]);
    expect(counts).toEqual([
      { emotion: 'anxiety', count: 2 },
      { emotion: 'sadness', count: 1 },
    ]);
  });

  it('asks the model for a first-person summary of the chosen conversations, keeping the latest text', () => {
    const messages = summaryRequest(
      [
        {
          title: 'Work',
          messages: [
            { role: 'user', text: 'My manager keeps changing deadlines.' },
            { role: 'system', text: '[crisis-card]' },
            { role: 'assistant', text: 'That sounds stressful.' },
          ],
        },
      ],
      'en',
    );
    expect(messages[0]?.role).toBe('system');
    expect(messages[0]?.content).toContain('No diagnosis');
    expect(messages[1]?.content).toBe(
      '# Work\nMe: My manager keeps changing deadlines.\nAI: That sounds stressful.',
    );
    const long = summaryRequest(
      [{ title: 't', messages: [{ role: 'user', text: 'x'.repeat(100) + 'END' }] }],
      'zh-CN',
      50,
    );
    expect(long[1]?.content.endsWith('END')).toBe(true);
    expect(long[1]?.content.length).toBeLessThanOrEqual(51);
  });
});
