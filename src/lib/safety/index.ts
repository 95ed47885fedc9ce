/** The safety layer's public surface: pure TypeScript, no Svelte, no DOM. */
export { screen } from './screener';
export type {
  Evidence,
  EvidenceCategory,
  RiskCategory,
  RiskLevel,
  ScreenLang,
  ScreenResult,
  Turn,
} from './types';
export { RISK_CATEGORIES } from './types';
export * from './crisis-mode';
export * from './prompts';
export * from './output-guard';
export * from './cssrs';
export * from './safety-plan';
