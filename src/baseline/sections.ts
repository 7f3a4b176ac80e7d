/**
 * The sections of the article, in reading order, with the paragraphs each covers (the stored text
 * has 15 paragraphs; the tenth, on price-performance, states no figure). A fact names its section.
 */
import type { Section, SectionId } from "./types";

export const SECTIONS: readonly Section[] = [
  {
    id: "licence_requirement",
    order: 1,
    title: "The H20 licence requirement",
    title_zh: "H20对华出口许可要求",
    paragraphs: [1],
  },
  { id: "china_revenue", order: 2, title: "NVIDIA's China revenue", title_zh: "英伟达中国区营收", paragraphs: [2] },
  { id: "substitution", order: 3, title: "Domestic substitution", title_zh: "国产替代窗口", paragraphs: [3] },
  { id: "market_reaction", order: 4, title: "Market reaction", title_zh: "市场反应", paragraphs: [4] },
  { id: "us_dilemma", order: 5, title: "The US dilemma", title_zh: "美国的两难", paragraphs: [5] },
  { id: "china_response", order: 6, title: "China's response", title_zh: "中国的应对", paragraphs: [6] },
  { id: "decoupling_cost", order: 7, title: "The cost of decoupling", title_zh: "脱钩的代价", paragraphs: [7] },
  { id: "software_ecosystem", order: 8, title: "Software ecosystems", title_zh: "软件生态", paragraphs: [8] },
  { id: "standards", order: 9, title: "Standard-setting", title_zh: "标准制定权", paragraphs: [8] },
  { id: "equipment_materials", order: 10, title: "Equipment and materials", title_zh: "设备与材料", paragraphs: [9] },
  { id: "talent", order: 11, title: "Talent flows", title_zh: "人才流动", paragraphs: [9] },
  { id: "scenarios", order: 12, title: "Scenarios for NVIDIA", title_zh: "英伟达的三种情景", paragraphs: [11] },
  {
    id: "china_outlook",
    order: 13,
    title: "Risks and opportunities for China",
    title_zh: "中国科技产业的危与机",
    paragraphs: [11],
  },
  {
    id: "policy_recommendations",
    order: 14,
    title: "Policy recommendations",
    title_zh: "政策建议",
    paragraphs: [12, 13],
  },
  { id: "future_trends", order: 15, title: "Future trends", title_zh: "未来趋势", paragraphs: [14] },
  { id: "conclusion", order: 16, title: "Conclusion", title_zh: "结语", paragraphs: [15] },
];

const BY_ID = new Map<string, Section>(SECTIONS.map((s) => [s.id, s]));

export function sectionById(id: SectionId | string): Section | undefined {
  return BY_ID.get(id);
}
