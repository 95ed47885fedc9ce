import type { EvidenceCategory } from './types';

/**
 * One screening rule. Rules are built from small concept lexicons (first-person intent, death and
 * self-harm objects, methods, perpetrators) rather than whole sentences, so they generalise to
 * phrasings nobody wrote down.
 */
export interface Rule {
  /** Stable id, `<lang>.<category>.<concept>`. */
  id: string;
  category: EvidenceCategory;
  level: 'crisis' | 'concern';
  /** Compiled once, global flag, matched against the normalised text of the rule's language. */
  pattern: RegExp;
  /** A negation just before the match, in the same clause ("I'm not going to ..."), cancels it. */
  negatable?: boolean;
  /**
   * When the nearest subject before the match is someone else (a friend, a film character, the news),
   * the signal is reported speech, not the person's own state: `skip` it or lower it to `concern`.
   */
  reported?: 'skip' | 'concern';
  /** Every one of these must also match somewhere in the message. */
  requires?: RegExp[];
  /** Cancelled when this matches the clause around the match (accidents, coursework, games). */
  unless?: RegExp;
  /**
   * For ambiguous signals (a question about tall buildings, giving things away): stays `concern`
   * unless this also matches the message or the person's recent turns; `distress` means the shared
   * distress lexicon of the language.
   */
  escalate?: RegExp | 'distress';
}

/** Join alternatives into one non-capturing group. */
export const alt = (...parts: string[]): string => `(?:${parts.join('|')})`;

/** Compile a rule pattern: global and unicode, compiled once at module load. */
export const rx = (source: string): RegExp => new RegExp(source, 'gu');
