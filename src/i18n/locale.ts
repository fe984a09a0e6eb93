import { isLocale, type Locale } from './catalogue.js';

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The message language when neither --locale nor the config sets one: Chinese
 * when the environment's language is (POSIX order: LC_ALL, then LC_MESSAGES,
 * then LANG; the first one set decides), English otherwise.
 */
export function environmentLocale(env: Environment = process.env): Locale {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const v = env[name];
    if (v) return /^zh(?:[_.@-]|$)/i.test(v) ? 'zh' : 'en';
  }
  return 'en';
}

/** --locale, else config `locale`, else the environment. */
export function resolveLocale(flag: string | undefined, configured: Locale | undefined, env: Environment = process.env): Locale {
  if (isLocale(flag)) return flag;
  return configured ?? environmentLocale(env);
}
