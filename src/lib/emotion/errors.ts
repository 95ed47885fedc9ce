/**
 * Named errors of emotion analysis. They cross the worker boundary as data (`name`, `message`, `reason`)
 * and become these classes again on the main thread. Messages are for developers and logs; the UI shows
 * `UNAVAILABLE_MESSAGES` for the reason.
 */
import type { LocalizedText } from './scheme';

/**
 * Why the classifier cannot run:
 * - `not-downloaded`: its files are not on this device and downloading is switched off;
 * - `offline`: the files are not cached yet and the network is unreachable;
 * - `load-failed`: the files arrived but did not load (corrupt, wrong format, missing on the host, device lost);
 * - `not-loaded`: a text was sent before the classifier was asked to load, or after it was unloaded.
 */
export type UnavailableReason = 'not-downloaded' | 'offline' | 'load-failed' | 'not-loaded';

export const UNAVAILABLE_REASONS: readonly UnavailableReason[] = [
  'not-downloaded',
  'offline',
  'load-failed',
  'not-loaded',
];

/** The classifier cannot run now; everything else in the app still works. */
export class ModelUnavailableError extends Error {
  override readonly name = 'ModelUnavailableError';
  constructor(
    readonly reason: UnavailableReason,
    message: string,
  ) {
    super(message);
  }
}

/** The classifier ran but failed on this input (ONNX Runtime error, device lost mid-run). */
export class ClassificationError extends Error {
  override readonly name = 'ClassificationError';
}

/** The worker stopped (terminated, crashed, or the client was disposed) before answering. */
export class EmotionWorkerClosedError extends Error {
  override readonly name = 'EmotionWorkerClosedError';
}

/** What the person sees for each reason, with a next step. */
export const UNAVAILABLE_MESSAGES: Readonly<Record<UnavailableReason, LocalizedText>> = {
  'not-downloaded': {
    en: 'Emotion analysis is not downloaded yet. Everything else works; you can download it in Settings.',
    'zh-CN': '情绪分析模型尚未下载。其他功能都可以正常使用；你可以在“设置”中下载它。',
  },
  offline: {
    en: 'Emotion analysis needs to be downloaded once, and this device is offline. Everything else works; try again when you are connected.',
    'zh-CN':
      '情绪分析模型需要先下载一次，而这台设备目前处于离线状态。其他功能都可以正常使用；联网后再试一次。',
  },
  'load-failed': {
    en: 'Emotion analysis could not start on this device. Everything else works; reloading the page may help.',
    'zh-CN': '情绪分析无法在这台设备上启动。其他功能都可以正常使用；刷新页面或许会有帮助。',
  },
  'not-loaded': {
    en: 'Emotion analysis is switched off. Everything else works; you can switch it on in Settings.',
    'zh-CN': '情绪分析已关闭。其他功能都可以正常使用；你可以在“设置”中开启它。',
  },
};

export function isUnavailableReason(value: unknown): value is UnavailableReason {
  return typeof value === 'string' && (UNAVAILABLE_REASONS as readonly string[]).includes(value);
}
