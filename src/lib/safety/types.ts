/** Shared types of the safety layer. Pure data: no Svelte, no DOM. */

/** How urgent a message is. `crisis` shows the crisis card before any generated text. */
export type RiskLevel = 'none' | 'concern' | 'crisis';

/** What kind of risk a crisis signal points to. */
export type RiskCategory = 'suicide' | 'self_harm' | 'harm_others' | 'abuse' | 'medical_emergency';

/** Evidence may also be plain distress (hopelessness, overwhelm): it raises `concern`, never `crisis`. */
export type EvidenceCategory = RiskCategory | 'distress';

/** One earlier turn of the conversation, oldest first. */
export interface Turn {
  role: 'user' | 'assistant';
  text: string;
}

/** Why the screener decided what it did: the rule that fired and the (normalised) text it matched. */
export interface Evidence {
  category: EvidenceCategory;
  /** The matched text after normalisation (lower case, simplified Chinese). */
  match: string;
  /** Stable rule id, e.g. `en.suicide.kill_self`; useful in audits and bug reports. */
  rule: string;
  level: Exclude<RiskLevel, 'none'>;
}

/** The result of screening one user message. */
export interface ScreenResult {
  level: RiskLevel;
  /** Risk categories with at least one signal, in a fixed order; empty when `level` is `none`. */
  categories: RiskCategory[];
  evidence: Evidence[];
}

/** Languages the screener understands. Both are always checked; the hint only orders nothing today. */
export type ScreenLang = 'en' | 'zh' | 'zh-CN' | 'zh-TW' | (string & {});

export const RISK_CATEGORIES: readonly RiskCategory[] = [
  'suicide',
  'self_harm',
  'harm_others',
  'abuse',
  'medical_emergency',
];
