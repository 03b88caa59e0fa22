import { en } from './en';

export type MessageKey = keyof typeof en;
type Params = Record<string, string | number>;
type Plural = { one: string; other: string };

const locale = 'en';
const messages: Record<MessageKey, string | Plural> = en;
const plurals = new Intl.PluralRules(locale);

/**
 * Looks up an English string and fills in its `{name}` parameters. For plural sets, the
 * `count` parameter chooses the form.
 */
export function t(key: MessageKey, params?: Params): string {
  const message = messages[key];
  const template =
    typeof message === 'string'
      ? message
      : message[plurals.select(Number(params?.count ?? 0)) === 'one' ? 'one' : 'other'];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Whether there is a string for this key (for keys made from data, e.g. a gender code). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(messages, key);
}
