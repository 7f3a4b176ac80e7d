/**
 * The baseline tables an analyst works from: every fact in exactly one table, derived figures
 * beside the facts they come from; and the article's three scenarios for NVIDIA, as text.
 */
import type { BaselineTable, Scenario, TableRow } from "./types";

const fact = (id: string): TableRow => ({ fact: id });
const derived = (id: string): TableRow => ({ derived: id });

/** Said of every table with derived rows. */
const DERIVED_NOTE = "derived rows are computed by the workbench from the stated figures";
const DERIVED_NOTE_ZH = "推导行由本工具根据文中数字计算";

export const TABLES: readonly BaselineTable[] = [
  {
    id: "china_revenue",
    title: "NVIDIA's China revenue exposure",
    title_zh: "英伟达中国区营收敞口",
    sheetName: "China revenue",
    sheetName_zh: "中国区营收",
    description:
      "China revenue, its share of the group, the H20 orders at risk, the write-down and the gap China leaves.",
    description_zh: "中国区营收及其占比、面临风险的H20订单、库存减值以及失去中国市场留下的缺口。",
    rows: [
      fact("china_revenue_2023"),
      fact("china_revenue_2024"),
      derived("china_revenue_increase_2024"),
      derived("china_revenue_growth_2024"),
      fact("china_revenue_share_2024"),
      derived("implied_global_revenue_2024"),
      derived("implied_quarterly_revenue_2024"),
      derived("china_quarterly_revenue_2024"),
      fact("h20_china_orders_2025q1"),
      fact("h20_orders_growth_2025q1"),
      derived("h20_orders_prior_year_q1"),
      derived("h20_orders_increase_yoy"),
      derived("h20_orders_vs_china_revenue_2024"),
      derived("h20_orders_vs_china_quarterly_revenue"),
      fact("h20_inventory_write_down"),
      fact("write_down_share_of_china_revenue_stated"),
      derived("write_down_share_of_china_revenue"),
      fact("china_gap_share_of_quarterly_revenue"),
      derived("china_share_of_quarterly_revenue"),
      derived("h20_orders_share_of_quarterly_revenue"),
      derived("write_down_share_of_quarterly_revenue"),
      derived("h20_prior_orders_share_of_quarterly_revenue"),
      derived("h20_orders_share_of_global_revenue"),
      derived("china_gap_implied_by_stated_share"),
    ],
    sourceNote: `opening and revenue paragraphs; ${DERIVED_NOTE}.`,
    sourceNote_zh: `开篇及营收段落；${DERIVED_NOTE_ZH}。`,
  },
  {
    id: "market_reaction",
    title: "Market reaction and valuation",
    title_zh: "市场反应与估值",
    sheetName: "Market reaction",
    sheetName_zh: "市场反应",
    description:
      "The one-day share price fall, the fall in market value from the 2025 peak, and the precedent investors fear.",
    description_zh: "股价单日跌幅、市值自2025年峰值的回落，以及投资者担忧的前车之鉴。",
    rows: [
      fact("share_price_fall_one_day"),
      fact("market_value_peak_2025"),
      fact("market_value_after_fall"),
      derived("market_value_lost"),
      derived("market_value_drawdown"),
      fact("qualcomm_huawei_cutoff_year"),
    ],
    sourceNote: `opening and market-value paragraphs; ${DERIVED_NOTE}.`,
    sourceNote_zh: `开篇及市值段落；${DERIVED_NOTE_ZH}。`,
  },
  {
    id: "us_export_controls",
    title: "US export controls and the US dilemma",
    title_zh: "美国出口管制与美方两难",
    sheetName: "US export controls",
    sheetName_zh: "美国出口管制",
    description: "When the controls came, and what the US chip industry sells to the market it restricts.",
    description_zh: "管制措施的时间节点，以及美国芯片业对被限制市场的销售规模。",
    rows: [
      fact("us_high_end_chip_ban_year"),
      fact("licence_requirement_date"),
      fact("us_chip_sales_to_china_2024"),
      fact("china_share_global_chip_consumption"),
    ],
    sourceNote: `opening paragraph and the paragraph on the US dilemma.`,
    sourceNote_zh: `开篇及美方两难段落。`,
  },
  {
    id: "compute_substitution",
    title: "Compute substitution: H20, H100, A100 and Ascend 910B",
    title_zh: "算力替代：H20、H100、A100与昇腾910B",
    sheetName: "Compute substitution",
    sheetName_zh: "算力替代",
    description:
      "How the H20 compares with NVIDIA's own chips and with Huawei's Ascend 910B, and how far domestic chips have come.",
    description_zh: "H20与英伟达自家芯片及华为昇腾910B的对比，以及国产芯片的进展。",
    rows: [
      fact("h20_vs_h100_performance_low"),
      fact("h20_vs_h100_performance_high"),
      fact("h20_inference_vs_a100"),
      fact("h20_china_llm_inference_share"),
      fact("ascend_910b_vs_h20_performance"),
      fact("ascend_910b_price_discount_vs_h20"),
      derived("ascend_910b_price_performance_vs_h20"),
      derived("ascend_910b_vs_h100_low"),
      derived("ascend_910b_vs_h100_high"),
      fact("domestic_ai_chip_share_2024"),
      derived("h20_plus_domestic_share"),
      fact("domestic_chip_catch_up_years"),
      fact("ai_chip_self_sufficiency_2027"),
    ],
    sourceNote: `opening paragraph, the substitution paragraph and the outlook for China; ${DERIVED_NOTE}.`,
    sourceNote_zh: `开篇、替代段落及中国展望；${DERIVED_NOTE_ZH}。`,
  },
  {
    id: "software_ecosystems",
    title: "Software ecosystems: CUDA, MindSpore and PaddlePaddle",
    title_zh: "软件生态：CUDA、昇思与飞桨",
    sheetName: "Software ecosystems",
    sheetName_zh: "软件生态",
    description:
      "CUDA's developer moat and the Chinese frameworks growing against it, with the article's stated growth checked.",
    description_zh: "CUDA的开发者护城河与正在崛起的国产框架，并核对文中所述增速。",
    rows: [
      fact("cuda_registered_developers"),
      fact("china_llm_firms_cuda_dependence"),
      fact("mindspore_developers_2023"),
      fact("mindspore_developers_2025"),
      derived("mindspore_developer_cagr_2023_2025"),
      fact("mindspore_developer_growth_stated"),
      derived("mindspore_developers_2025_at_stated_growth"),
      derived("mindspore_developers_2027_at_observed_cagr"),
      derived("mindspore_developers_2027_at_stated_growth"),
      derived("mindspore_share_of_cuda_developers_2025"),
      fact("mindspore_cuda_functional_coverage_year"),
      fact("ascend_ecosystem_partners"),
      fact("paddlepaddle_share_2022"),
      fact("paddlepaddle_share_2025"),
      derived("paddlepaddle_share_change_points"),
    ],
    sourceNote: `the CUDA 'soft hegemony' point, China's response and the future-trends paragraph; ${DERIVED_NOTE}.`,
    sourceNote_zh: `CUDA“软霸权”一节、中国应对及未来趋势段落；${DERIVED_NOTE_ZH}。`,
  },
  {
    id: "standards_equipment_talent",
    title: "Standards, equipment, materials and talent",
    title_zh: "标准、设备、材料与人才",
    sheetName: "Standards, equipment, talent",
    sheetName_zh: "标准、设备与人才",
    description:
      "Shares of AI standard proposals, China's equipment market and its localisation, technology milestones, and the flow of talent.",
    description_zh: "AI标准提案占比、中国设备市场及国产化、技术里程碑与人才流动。",
    rows: [
      fact("itu_ai_standard_share_china_2020"),
      fact("itu_ai_standard_share_china_2025"),
      derived("itu_china_share_change_points"),
      fact("itu_ai_standard_share_us_2020"),
      fact("itu_ai_standard_share_us_2025"),
      derived("itu_us_share_change_points"),
      derived("itu_us_lead_2020_points"),
      derived("itu_us_lead_2025_points"),
      derived("itu_china_plus_us_share_2020"),
      derived("itu_china_plus_us_share_2025"),
      fact("icc_tech_spec_v2_deadline"),
      fact("china_ai_framework_standard_deadline"),
      fact("us_equipment_exports_china_2021"),
      fact("us_equipment_exports_china_2024"),
      derived("us_equipment_exports_change"),
      fact("china_equipment_purchases_2024"),
      derived("us_equipment_share_of_china_purchases_2024"),
      fact("china_equipment_localisation_2021"),
      fact("china_equipment_localisation_2024"),
      derived("equipment_localisation_change_points"),
      derived("domestic_equipment_purchases_2024"),
      derived("equipment_us_plus_domestic_2024"),
      fact("smee_28nm_lithography_delivered"),
      fact("smee_14nm_breakthrough_plan_2025"),
      fact("cas_photonic_chip_prototype_nm"),
      fact("silicon_photonic_dual_track_year"),
      fact("us_experts_joined_china_2024"),
      fact("us_experts_growth_vs_2022"),
      derived("us_experts_joined_2022_implied"),
      derived("us_experts_increase_vs_2022"),
      derived("us_experts_joined_2022_whole"),
      derived("us_experts_growth_from_whole_2022"),
      fact("smic_overseas_rd_share_2020"),
      fact("smic_overseas_rd_share_2025"),
      derived("smic_overseas_share_change_points"),
    ],
    sourceNote: `the standards, equipment-and-materials and talent points (citing ITU and SEMI), with China's response and the future trends; ${DERIVED_NOTE}.`,
    sourceNote_zh: `标准、设备材料及人才各节（引用ITU与SEMI数据），以及中国应对与未来趋势；${DERIVED_NOTE_ZH}。`,
  },
  {
    id: "decoupling_cost",
    title: "The macro cost of decoupling",
    title_zh: "脱钩的宏观代价",
    sheetName: "Cost of decoupling",
    sheetName_zh: "脱钩代价",
    description:
      "What full decoupling would cost the industry, the US and NVIDIA, and what the cut-off costs China in the short run.",
    description_zh: "完全脱钩对全球产业、美国企业和英伟达的代价，以及断供对中国的短期冲击。",
    rows: [
      fact("decoupling_global_chip_industry_loss"),
      fact("decoupling_us_market_share_loss"),
      fact("nvda_non_cuda_ecosystem_cost"),
      derived("non_cuda_cost_share_of_china_revenue"),
      fact("vietnam_packaging_plant_investment"),
      fact("china_ai_compute_cost_rise"),
    ],
    sourceNote: `the decoupling paragraph (citing Boston Consulting Group), the third scenario and the short-term outlook for China; ${DERIVED_NOTE}.`,
    sourceNote_zh: `脱钩段落（引用波士顿咨询测算）、第三种情景及中国短期展望；${DERIVED_NOTE_ZH}。`,
  },
  {
    id: "policy_responses",
    title: "Policy responses and targets",
    title_zh: "政策应对与目标",
    sheetName: "Policy and targets",
    sheetName_zh: "政策与目标",
    description:
      "China's funding plan and the article's recommended funds, counter-measures and targets (proposals, not announcements).",
    description_zh: "中国的资金计划，以及文章建议的基金、反制措施与目标（属建议，并非已公布政策）。",
    rows: [
      fact("new_infrastructure_ai_chip_funding_2025"),
      fact("supply_chain_security_fund"),
      fact("semiconductor_resilience_fund"),
      fact("photoresist_localisation_target_2026"),
      fact("high_purity_silicon_target"),
      fact("amat_etcher_suspension_threshold_nm"),
      fact("smee_14nm_mass_production_target"),
      fact("digital_silk_road_supercomputing_centres"),
      fact("ascend_cuda_api_compatibility_target_2025"),
      fact("domestic_chip_share_vertical_target"),
      fact("hengqin_ip_opening_share"),
      fact("talent_attraction_target_2027"),
      fact("full_process_14nm_target"),
      fact("domestic_ai_framework_developers_target"),
      fact("international_ai_standards_share_target"),
    ],
    sourceNote: `China's response, the strategic advice, the policy recommendations and the conclusion.`,
    sourceNote_zh: `中国应对、战略建议、政策建议及结语。`,
  },
];

/** The id under which the scenarios answer in BASELINE("scenarios"). */
export const SCENARIOS_ID = "scenarios";

/** The scenarios as a list of the baseline shows them, beside the tables. */
export const SCENARIOS_SUMMARY = {
  id: SCENARIOS_ID,
  title: "NVIDIA's three scenarios",
  title_zh: "英伟达的三种情景",
  description:
    "The article's three paths for NVIDIA: limited cooperation, split standards, third-country transshipment.",
  description_zh: "文章提出的英伟达三种路径：有限合作、技术标准割裂、第三国转口贸易。",
} as const;

/** The article's three scenarios for NVIDIA, in its order, with the facts that bear on each. */
export const SCENARIOS: readonly Scenario[] = [
  {
    id: "limited_cooperation",
    name: "Limited cooperation",
    name_zh: "有限合作模式",
    description:
      "NVIDIA follows Tesla's Shanghai model: licenses technology (some IP to Huawei, say) for market access and keeps CUDA dominant; Jensen Huang's visits may pave the way.",
    description_zh:
      "英伟达效仿特斯拉上海工厂模式，以技术授权（如向华为开放部分IP）换取市场准入，维持CUDA生态主导权；黄仁勋访华或为此铺路。",
    facts: [
      "china_revenue_2024",
      "h20_china_orders_2025q1",
      "cuda_registered_developers",
      "china_llm_firms_cuda_dependence",
      "hengqin_ip_opening_share",
    ],
  },
  {
    id: "split_standards",
    name: "Split technical standards",
    name_zh: "技术标准割裂",
    description:
      "Two ecosystems form, CUDA against MindSpore; China sets its own AI framework standard by 2026 and NVIDIA adapts to open frameworks such as PyTorch to lower its dependence risk.",
    description_zh:
      "中美或形成“CUDA vs. 昇思”双生态；中国计划2026年前建立自主AI框架标准，英伟达需适配PyTorch等开源框架以降低依赖风险。",
    facts: [
      "china_ai_framework_standard_deadline",
      "mindspore_developers_2025",
      "mindspore_cuda_functional_coverage_year",
      "paddlepaddle_share_2025",
      "icc_tech_spec_v2_deadline",
    ],
  },
  {
    id: "third_country_transshipment",
    name: "Third-country transshipment",
    name_zh: "第三国“转口贸易”兴起",
    description:
      "Southeast Asia becomes a hub for re-labelling chip origin; NVIDIA, already building a packaging plant in Vietnam, may localise production and adapt products to stay within export controls.",
    description_zh:
      "东南亚或成为芯片“洗产地”枢纽；英伟达已在越南投资建封装厂，未来或通过本地化生产与合规改造规避出口管制。",
    facts: ["vietnam_packaging_plant_investment", "licence_requirement_date", "us_high_end_chip_ban_year"],
  },
];
