/** The check-ins domain core: instruments, scoring, explanations and the FHIR export. */
export * from './instruments';
export * from './scoring';
export * from './explanations';
export * from './fhir';
