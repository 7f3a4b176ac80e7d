/**
 * The article's case for NVIDIA, as seeds for the drivers of src/model/case.ts, and the article's
 * scenarios made numeric. A seed names the fact (or derived figure) it comes from, so the case sheet
 * can say where each number stands in the article; a driver the article gives no figure for has no
 * seed and stays empty until the user fills it in (margin, tax rate, shares, multiple, probability).
 */
import type { CaseDrivers, DriverId, ScenarioDriverId } from "../model";
import type { Bilingual } from "./lang";
import { derivedValue, factById } from "./lookup";
import type { Unit } from "./vocabulary";

/** A seed: the article's figure for a driver, converted to the case's unit where needed. */
export interface Seed {
  /** a fact or derived id */
  readonly from: string;
  /** multiplies the figure into the case's unit (USD tn → USD bn: 1000) */
  readonly scale?: number;
  /** what the reading takes on, when it is not the figure's plain meaning */
  readonly reading?: Bilingual;
}

/** The company of the article's case: NVIDIA, in USD billions; its fiscal year ends in late January. */
export const NVIDIA_CASE = {
  key: "nvidia",
  company: { en: "NVIDIA", zh: "英伟达" } as Bilingual,
  currency: "USD",
  fiscalYearEnd: { en: "late January", zh: "1月下旬" } as Bilingual,
  /** the unit every money seed must be in, after its scale */
  moneyUnit: "USD bn" as Unit,
  seeds: {
    exposed_revenue: { from: "china_revenue_2024" },
    global_revenue: { from: "implied_global_revenue_2024" },
    orders_at_risk: { from: "h20_china_orders_2025q1" },
    inventory_write_down: { from: "h20_inventory_write_down" },
    market_value: { from: "market_value_after_fall", scale: 1000 },
  } as Partial<Record<DriverId, Seed>>,
} as const;

export type CaseScenarioId =
  "base" | "licence_granted" | "full_ban" | "accelerated_substitution" | "third_country_transshipment";

export interface CaseScenario {
  readonly id: CaseScenarioId;
  readonly name: Bilingual;
  readonly description: Bilingual;
  /** the drivers it sets, each a number (by its definition) or the article's figure */
  readonly overrides: Partial<Record<ScenarioDriverId, number | Seed>>;
  /** the article's qualitative scenario it makes numeric, if any */
  readonly article?: string;
}

/** The scenarios of every case, in the order of the sheet's columns. */
export const CASE_SCENARIOS: readonly CaseScenario[] = [
  {
    id: "base",
    name: { en: "Base", zh: "基准" },
    description: {
      en: "The case as its drivers stand: your probability that the restriction holds, substitution and recapture.",
      zh: "按案例驱动因素计算：您设定的限制持续概率、替代与回收比例。",
    },
    overrides: {},
  },
  {
    id: "licence_granted",
    name: { en: "Licence granted", zh: "获得许可" },
    description: {
      en: "Licences are granted (the article's limited cooperation): nothing is banned (probability 0); substitutes may still take share.",
      zh: "获得出口许可（文章的“有限合作”）：不再受禁（概率为0）；国产替代仍可能抢占份额。",
    },
    overrides: { ban_probability: 0 },
    article: "limited_cooperation",
  },
  {
    id: "full_ban",
    name: { en: "Full ban", zh: "全面禁售" },
    description: {
      en: "The restriction holds for good: the whole exposed revenue is lost (probability 1), less what is resold elsewhere.",
      zh: "限制长期持续：敞口营收全部损失（概率为1），减去转售至其他市场的部分。",
    },
    overrides: { ban_probability: 1 },
  },
  {
    id: "accelerated_substitution",
    name: { en: "Accelerated substitution", zh: "加速替代" },
    description: {
      en: "Domestic chips take the article's 2027 self-sufficiency share of what is not banned (the article's split standards).",
      zh: "未被禁售的部分中，国产芯片按文章所述2027年自给率替代（文章的“技术标准割裂”）。",
    },
    overrides: {
      substitution_share: {
        from: "ai_chip_self_sufficiency_2027",
        reading: {
          en: "the 2027 AI-chip self-sufficiency forecast, read as the share substitutes take",
          zh: "2027年AI芯片自给率预测，视为国产替代所占份额",
        },
      },
    },
    article: "split_standards",
  },
  {
    id: "third_country_transshipment",
    name: { en: "Third-country transshipment", zh: "第三国转口" },
    description: {
      en: "Part of the lost revenue is resold through third countries (the article's transshipment); the article gives no share: fill in the recapture.",
      zh: "部分损失营收经第三国转售（文章的“第三国转口贸易”）；文章未给出比例，请填写回收比例。",
    },
    overrides: {},
    article: "third_country_transshipment",
  },
];

/** The value of a seed: the article's figure times its scale. */
export function seedValue(seed: Seed): number {
  const f = factById(seed.from);
  const v = f ? f.value : derivedValue(seed.from);
  if (typeof v !== "number") throw new Error(`seed ${seed.from} has no value`);
  return v * (seed.scale ?? 1);
}

/** The NVIDIA case's drivers as the article gives them (the others empty). */
export function nvidiaDrivers(): CaseDrivers {
  const out: Record<string, number> = {};
  for (const [id, seed] of Object.entries(NVIDIA_CASE.seeds)) out[id] = seedValue(seed as Seed);
  return out as CaseDrivers;
}

/** A scenario's overrides as numbers (the article's figures where it names one). */
export function scenarioOverrides(s: CaseScenario): Partial<Record<ScenarioDriverId, number>> {
  const out: Partial<Record<ScenarioDriverId, number>> = {};
  for (const [id, v] of Object.entries(s.overrides) as [ScenarioDriverId, number | Seed][]) {
    out[id] = typeof v === "number" ? v : seedValue(v);
  }
  return out;
}
