/**
 * Where a figure comes from, in words a reader can follow: a stated fact's paragraph, section and
 * place in the paragraph (with the outside source the article cites); a derived figure's operation
 * over the ids it reads. EXPOSURE.FACT(id, "source") and the sheets' Where column both read these.
 */
import { inLang, isLang, type Lang } from "./lang";
import { sectionById } from "./sections";
import type { BaselineTable, DerivedFigure, Fact, Place } from "./types";
import { ATTRIBUTIONS, OPERATIONS } from "./vocabulary";
import { factById } from "./lookup";

const WORDS = {
  en: {
    place: (p: Place, section: string) => `Paragraph ${p.paragraph} (${section}), ${p.locator}`,
    cites: (who: string) => ` — cites ${who}`,
    restated: (places: string) => `; stated again in ${places}`,
    derived: (op: string, args: string) => `Derived: ${op}(${args})`,
  },
  zh: {
    place: (p: Place, section: string) => `第${p.paragraph}段（${section}）${p.locator_zh}`,
    cites: (who: string) => `——引用${who}数据`,
    restated: (places: string) => `；另见${places}`,
    derived: (op: string, args: string) => `推算：${op}(${args})`,
  },
} as const;

/** One place in the article: "Paragraph 2 (NVIDIA's China revenue), first sentence: …". */
function placeText(p: Place, lang: Lang): string {
  const s = sectionById(p.section);
  const title = s ? inLang(s, "title", lang) : p.section;
  return WORDS[lang].place(p, title);
}

/**
 * Where a fact stands in the article: paragraph, section and place, the outside source the article
 * cites for it, and any other place it is stated again.
 *
 * @example sourceOf(factById("china_revenue_2024")) →
 *   "Paragraph 2 (NVIDIA's China revenue), first sentence: the year the revenue jumped to"
 */
export function sourceOf(f: Fact, lang: Lang = "en"): string {
  const w = WORDS[isLang(lang) ? lang : "en"];
  const cites = f.attribution ? w.cites(ATTRIBUTIONS[f.attribution][lang]) : "";
  const again = f.restated?.length ? w.restated(f.restated.map((r) => placeText(r, lang)).join("; ")) : "";
  return `${placeText(f, lang)}${cites}${again}`;
}

/** A derived figure's declaration in words: "Derived: growth(china_revenue_2023, china_revenue_2024)". */
export function derivationText(d: DerivedFigure, lang: Lang = "en"): string {
  return WORDS[lang].derived(OPERATIONS[d.derivation.op][lang], d.derivation.args.join(", "));
}

/** The article's paragraphs a table's facts stand in, in order. */
export function paragraphsOf(table: BaselineTable): number[] {
  const found = new Set<number>();
  for (const r of table.rows) {
    const f = "fact" in r ? factById(r.fact) : undefined;
    if (f) found.add(f.paragraph);
  }
  return [...found].sort((a, b) => a - b);
}
