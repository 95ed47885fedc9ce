/** Feature catalogs: English sets the keys; the Chinese object must have exactly the same ones. */
export interface MessageSet<E extends Record<string, string>> {
  en: E;
  'zh-CN': Record<keyof E, string>;
}

export function defineMessages<const E extends Record<string, string>>(
  en: E,
  zhCN: Record<keyof E, string>,
): MessageSet<E> {
  return { en, 'zh-CN': zhCN };
}
