/**
 * The safety plan while it is being edited: every step has at least one blank row to type into, and
 * saving drops blank rows and trims the rest. Pure functions, no Svelte.
 */
import {
  SAFETY_PLAN_STEPS,
  emptySafetyPlan,
  type SafetyPlan,
  type SafetyPlanContact,
  type SafetyPlanField,
} from '../../lib/safety/safety-plan';

/**
 * Longest entry and most entries per step the store accepts (`MAX_SHORT_LENGTH`, `MAX_LIST_LENGTH` in
 * lib/store/schemas.ts, kept out of this eagerly loaded screen so the store stays lazy).
 */
export const PLAN_ENTRY_MAX_LENGTH = 500;
export const PLAN_STEP_MAX_ENTRIES = 200;

export type ListField = Exclude<SafetyPlanField, 'helpers' | 'professionals'>;
export type ContactField = Extract<SafetyPlanField, 'helpers' | 'professionals'>;

/** A contact row as typed: both fields are plain strings, possibly empty. */
export interface ContactDraft {
  name: string;
  phone: string;
}

export type SafetyPlanDraft = { [F in ListField]: string[] } & { [F in ContactField]: ContactDraft[] };

/** Why a draft cannot be saved yet; the UI shows one message for it. */
export type DraftProblem = 'tooLong' | 'needName';

export function isContactField(field: SafetyPlanField): field is ContactField {
  return field === 'helpers' || field === 'professionals';
}

/** A draft from the saved plan, with one blank row at the end of every step to type into. */
export function draftFromPlan(plan: SafetyPlan | undefined): SafetyPlanDraft {
  const source = plan ?? emptySafetyPlan();
  const contacts = (list: SafetyPlanContact[]): ContactDraft[] => [
    ...list.map((c) => ({ name: c.name, phone: c.phone ?? '' })),
    { name: '', phone: '' },
  ];
  return {
    warningSigns: [...source.warningSigns, ''],
    copingStrategies: [...source.copingStrategies, ''],
    distractions: [...source.distractions, ''],
    helpers: contacts(source.helpers),
    professionals: contacts(source.professionals),
    safeEnvironment: [...source.safeEnvironment, ''],
    reasonsForLiving: [...source.reasonsForLiving, ''],
  };
}

/** What is wrong with a draft, or null when it can be saved. */
export function draftProblem(draft: SafetyPlanDraft): DraftProblem | null {
  for (const step of SAFETY_PLAN_STEPS) {
    if (isContactField(step.field)) {
      for (const c of draft[step.field]) {
        if (c.name.trim().length > PLAN_ENTRY_MAX_LENGTH || c.phone.trim().length > PLAN_ENTRY_MAX_LENGTH) {
          return 'tooLong';
        }
        if (c.name.trim() === '' && c.phone.trim() !== '') return 'needName';
      }
    } else if (draft[step.field].some((e) => e.trim().length > PLAN_ENTRY_MAX_LENGTH)) {
      return 'tooLong';
    }
  }
  return null;
}

/** The plan to save: entries trimmed, blank rows dropped, `updatedAt` kept from `base` (the store sets it). */
export function planFromDraft(draft: SafetyPlanDraft, base: SafetyPlan | undefined): SafetyPlan {
  const list = (entries: string[]) =>
    entries
      .map((e) => e.trim())
      .filter((e) => e !== '')
      .slice(0, PLAN_STEP_MAX_ENTRIES);
  const contacts = (entries: ContactDraft[]): SafetyPlanContact[] =>
    entries
      .map((c) => ({ name: c.name.trim(), phone: c.phone.trim() }))
      .filter((c) => c.name !== '')
      .slice(0, PLAN_STEP_MAX_ENTRIES)
      .map((c) => (c.phone ? { name: c.name, phone: c.phone } : { name: c.name }));
  return {
    version: 1,
    updatedAt: base?.updatedAt ?? null,
    warningSigns: list(draft.warningSigns),
    copingStrategies: list(draft.copingStrategies),
    distractions: list(draft.distractions),
    helpers: contacts(draft.helpers),
    professionals: contacts(draft.professionals),
    safeEnvironment: list(draft.safeEnvironment),
    reasonsForLiving: list(draft.reasonsForLiving),
  };
}
