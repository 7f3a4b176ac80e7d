/**
 * The source itself: what the article is, when it was written, how its paragraphs are counted and
 * what a reader must know to cite its figures. The About sheet shows these notes; facts carry the
 * ones that bear on them.
 */
import type { Bilingual } from "./lang";

export const ARTICLE = {
  /** what the article is about, as a citation names it */
  title: {
    en: "NVIDIA's China exposure after the US H20 export-licence requirement",
    zh: "美国H20出口许可要求后英伟达的中国业务敞口",
  },
  /** the fact whose date the article was written after */
  writtenAfter: "licence_requirement_date",
  /** paragraphs of the stored text, numbered in reading order */
  paragraphs: 15,
} as const;

/** Notes on reading the article's figures, which facts carry and the About sheet shows. */
export const ARTICLE_NOTES = {
  fiscal_year: {
    en: "NVIDIA's fiscal year ends in late January: the article's 2023 and 2024 China revenue are NVIDIA's fiscal 2024 and fiscal 2025 (the years to January 2024 and January 2025). Periods keep the article's years.",
    zh: "英伟达财年于每年1月下旬结束：文中2023年、2024年的中国区营收即英伟达2024财年、2025财年（截至2024年1月、2025年1月）。期间沿用文中年份。",
  },
  early_2025: {
    en: "The article was written in spring 2025: a 2025 figure is an early reading or an estimate, not a full-year observation.",
    zh: "文章写于2025年春：2025年的数字是早期读数或估计，并非全年实际值。",
  },
} as const satisfies Record<string, Bilingual>;
