import { describe, expect, it } from 'vitest';
import {
  buildMessages,
  renderUserTurn,
  SYSTEM_PROMPTS,
  systemPrompt,
  type HistoryTurn,
} from '../../../src/lib/llm/prompt';
import { CRISIS_INSTRUCTION } from '../../../src/lib/safety/prompts';
import { LOCALES } from '../../../src/lib/config/schema';

/** Play a conversation the way the chat does: store `sent`, then build the next request from storage. */
function play(
  locale: 'en' | 'zh-CN',
  turns: { text: string; context?: Parameters<typeof renderUserTurn>[2] }[],
) {
  const history: HistoryTurn[] = [];
  const requests = turns.map(({ text, context }, i) => {
    const built = buildMessages({ locale, history, userText: text, turnContext: context });
    history.push(
      { role: 'user', content: text, sent: built.sent },
      { role: 'assistant', content: `reply ${i}` },
    );
    return built.messages;
  });
  return requests;
}

describe('counseling prompts', () => {
  it.each(LOCALES)(
    '%s: keeps the system prompt byte-identical on every turn, whatever the context',
    (locale) => {
      const requests = play(locale, [
        { text: 'I can’t sleep.', context: { emotionSummary: 'anxious', profileSummary: 'Sam, 25-34' } },
        { text: 'Work is a lot.', context: { stylePreferences: 'brief' } },
        { text: 'I don’t want to be here.', context: { crisisInstruction: CRISIS_INSTRUCTION[locale] } },
        { text: 'Thanks.' },
      ]);
      for (const messages of requests) {
        expect(messages[0]).toEqual({ role: 'system', content: SYSTEM_PROMPTS[locale] });
      }
    },
  );

  it('never changes an earlier turn: each request extends the previous one plus its reply', () => {
    const requests = play('en', [
      { text: 'First.', context: { emotionSummary: 'sad' } },
      { text: 'Second.', context: { emotionSummary: 'calmer', crisisInstruction: CRISIS_INSTRUCTION.en } },
      { text: 'Third.', context: { emotionSummary: 'hopeful' } },
    ]);
    for (let i = 1; i < requests.length; i++) {
      const previous = requests[i - 1]!;
      const current = requests[i]!;
      expect(current.slice(0, previous.length)).toEqual(previous);
      expect(current[previous.length]).toEqual({ role: 'assistant', content: `reply ${i - 1}` });
    }
  });

  it('puts per-turn context on the latest user turn only, before the person’s own words', () => {
    const [, , third] = play('en', [
      { text: 'One.' },
      { text: 'Two.' },
      { text: 'Three.', context: { emotionSummary: 'tired', crisisInstruction: 'SAFETY MODE.' } },
    ]);
    const latest = third!.at(-1)!.content;
    expect(latest.startsWith('[App note')).toBe(true);
    expect(latest).toContain('Safety: SAFETY MODE.');
    expect(latest).toContain('How they seem right now: tired');
    expect(latest.endsWith('\n\nThree.')).toBe(true);
    expect(third!.filter((m) => m.content.includes('tired'))).toHaveLength(1);
  });

  it('sends the person’s words alone when there is no context', () => {
    expect(renderUserTurn('zh-CN', '你好')).toBe('你好');
    expect(renderUserTurn('zh-CN', '你好', { emotionSummary: '  ' })).toBe('你好');
    expect(renderUserTurn('zh-CN', '你好', { emotionSummary: '焦虑' })).toBe(
      '[应用提示，非对方所写。对方此刻的状态：焦虑]\n\n你好',
    );
  });

  it.each(LOCALES)(
    '%s: speaks of support and self-help, never therapy, diagnosis or medication advice',
    (locale) => {
      const prompt = systemPrompt(locale);
      expect(prompt).not.toMatch(/therap|治疗/i);
      if (locale === 'en') {
        expect(prompt).toMatch(/self-help/);
        expect(prompt).toMatch(/Do not diagnose/);
        expect(prompt).toMatch(/no advice about medication/);
        expect(prompt).toMatch(/say plainly that you are an AI/);
        expect(prompt).toMatch(/counselor or a helpline/);
      } else {
        expect(prompt).toMatch(/自助/);
        expect(prompt).toMatch(/不做诊断/);
        expect(prompt).toMatch(/不提供任何关于药物/);
        expect(prompt).toMatch(/说明你是 AI/);
        expect(prompt).toMatch(/心理援助热线/);
      }
    },
  );
});
