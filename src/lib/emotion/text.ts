/** Text helpers the emotion code shares: which language a text is in, and its sentences. */

/** The two languages the classifiers are chosen by. */
export type TextLanguage = 'en' | 'zh';

const HAN = /\p{Script=Han}/gu;
const LATIN_LETTER = /[A-Za-z]/g;

/**
 * `zh` when Han characters make up at least 30% of the letters: one Chinese word in an English sentence
 * stays English, a Chinese sentence with an English name in it stays Chinese. Text without letters is `en`.
 */
export function detectLanguage(text: string): TextLanguage {
  const han = text.match(HAN)?.length ?? 0;
  if (han === 0) return 'en';
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  return han / (han + latin) >= 0.3 ? 'zh' : 'en';
}

const STRONG_END = new Set(['。', '！', '？', '!', '?', '…', '\n']);
const CLOSERS = new Set(['”', '’', '"', "'", '）', ')', '」', '』']);

/**
 * Split text into sentences on Chinese and English punctuation and line breaks. A full stop ends a
 * sentence only before whitespace or the end of the text, so "3.5" and "e.g.x" stay whole; closing quotes
 * and brackets stay with their sentence. Sentences are trimmed; empty ones are dropped.
 */
export function splitSentences(text: string): string[] {
  const chars = [...text];
  const out: string[] = [];
  let current = '';
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i] ?? '';
    current += ch;
    i++;
    const next = chars[i];
    const ends =
      STRONG_END.has(ch) || (ch === '.' && (next === undefined || /\s/.test(next) || next === '.'));
    if (!ends) continue;
    // Take the rest of a run such as "?!", "……" or "...", then any closing quotes.
    while (i < chars.length && (STRONG_END.has(chars[i] ?? '') || chars[i] === '.')) current += chars[i++];
    while (i < chars.length && CLOSERS.has(chars[i] ?? '')) current += chars[i++];
    if (current.trim()) out.push(current.trim());
    current = '';
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
