import { StoreError } from '../store/errors';
import { MIN_PASSPHRASE_LENGTH } from '../store/key-manager';
import type { MessageKey, Params } from '../i18n';

/** The person-facing message for any error the store throws, in the current language. */
export function storeErrorMessage(error: unknown, t: (key: MessageKey, params?: Params) => string): string {
  if (error instanceof StoreError) {
    return t(`storeError.${error.code}` as MessageKey, { min: MIN_PASSPHRASE_LENGTH });
  }
  return t('storeError.unknown', { message: error instanceof Error ? error.message : String(error) });
}
