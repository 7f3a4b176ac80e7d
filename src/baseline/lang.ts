/**
 * The two languages of the workbench, and the one way to pick a text by language. Everything that
 * has an English and a Chinese edition stores them side by side: a `label` field beside a
 * `label_zh` field, or a `{ en, zh }` pair; `inLang` and `pair[lang]` read them. src/i18n
 * re-exports this module, so the baseline (which imports nothing from the rest of src) can use it.
 */

/** English, and Simplified Chinese. */
export const LANGS = ["en", "zh"] as const;
export type Lang = (typeof LANGS)[number];

/** Each language's tag, as HTML's lang attribute and Office's locales write it. */
export const LANGUAGE_TAGS: Readonly<Record<Lang, string>> = { en: "en", zh: "zh-CN" };

/** A text in both languages. */
export type Bilingual = Readonly<Record<Lang, string>>;

/** True for "en" and "zh". */
export function isLang(x: unknown): x is Lang {
  return (LANGS as readonly unknown[]).includes(x);
}

/** An object with a field `K` and its Chinese twin `K_zh`. */
export type WithZh<K extends string> = { readonly [P in K | `${K}_zh`]: string };

/**
 * The field `key` of `o` in `lang`: `o.label` in English, `o.label_zh` in Chinese.
 *
 * @example inLang(factById("china_revenue_2024"), "label", "zh") → "英伟达中国区营收"
 */
export function inLang<K extends string>(o: WithZh<K>, key: K, lang: Lang): string {
  return lang === "zh" ? o[`${key}_zh` as `${K}_zh`] : o[key];
}

/** `text` with each `{name}` replaced by `vars[name]`; unknown placeholders stay as written. */
export function fill(text: string, vars: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
