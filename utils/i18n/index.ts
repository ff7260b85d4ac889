import { computed, signal, type ReadonlySignal } from '@preact/signals';

/**
 * UI strings live next to the feature that shows them, as one dictionary per
 * language checked by the type system (a French string missing is a compile
 * error). We do not use `browser.i18n` for the UI because it always follows
 * the browser's language, and agents need an override in the options page.
 * `public/_locales` still carries the manifest strings (name, description).
 */
export type UiLocale = 'en' | 'fr';
export type LanguageSetting = 'auto' | UiLocale;

type Template = string | ((...args: never[]) => string);
export type Dictionary = Record<string, Template>;

/** Declares a feature's strings: `fr` must have exactly the keys of `en`. */
export function defineMessages<T extends Dictionary>(dicts: { en: T; fr: { [K in keyof T]: T[K] } }) {
  return dicts;
}

/**
 * Two tables as one (a feature's sidebar strings and its options-only strings). Call it as
 * `/* @__PURE__ *\/ joinMessages(a, b)`, so a bundle that never reads the result (the content
 * script) does not ship the second table.
 */
export function joinMessages<A, B>(a: { en: A; fr: A }, b: { en: B; fr: B }): { en: A & B; fr: A & B } {
  return { en: { ...a.en, ...b.en }, fr: { ...a.fr, ...b.fr } };
}

/** Picks the UI language from a navigator-style language tag. */
export function localeFromLanguageTag(tag: string | undefined | null): UiLocale {
  return tag && tag.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function resolveLocale(setting: LanguageSetting, browserTag?: string | null): UiLocale {
  if (setting === 'fr' || setting === 'en') return setting;
  return localeFromLanguageTag(browserTag ?? (typeof navigator !== 'undefined' ? navigator.language : 'en'));
}

/** The language the whole UI of one extension context renders in. */
export const uiLocale = signal<UiLocale>(localeFromLanguageTag(typeof navigator !== 'undefined' ? navigator.language : 'en'));

/** A reactive dictionary for the current UI language: `const t = useT(messages); t.value.title`. */
export function messagesFor<T extends Dictionary>(dicts: { en: T; fr: T }): ReadonlySignal<T> {
  return computed(() => dicts[uiLocale.value]);
}

/** Formats a count of seconds as a short duration: 42 s, 4 min 05, 1 h 12. */
export function formatDuration(totalSeconds: number, locale: UiLocale = uiLocale.value): string {
  const s = Math.max(0, Math.round(totalSeconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')}`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${String(m % 60).padStart(2, '0')}`;
  const d = Math.floor(h / 24);
  return locale === 'fr' ? `${d} j ${h % 24} h` : `${d} d ${h % 24} h`;
}
