/**
 * Emotion analysis for the main thread: the scheme, the client, mood and free writing. The classifier
 * handler is not exported here: it belongs to the worker and pulls in transformers.js.
 */
export * from './scheme';
export * from './errors';
export * from './models';
export * from './mood';
export * from './free-writing';
export { detectLanguage, splitSentences, type TextLanguage } from './text';
export {
  EmotionClient,
  createEmotionWorker,
  errorFromData,
  type ClassifyOutcome,
  type EmotionClientOptions,
  type EmotionStatus,
  type EmotionWorkerFactory,
  type EmotionWorkerLike,
} from './emotion-client';
