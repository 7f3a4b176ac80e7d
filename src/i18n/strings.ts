/**
 * Every string the taskpane and the inserted sheets show, in one table keyed by id, with an
 * English and a Simplified Chinese edition. Nothing the user reads is written inline elsewhere,
 * except the article's own vocabulary (units, periods, kinds, statuses, notes), which src/baseline
 * holds. Keys: `pane.*` for the taskpane, `sheet.*` for the workbook plan. A key lacking a language
 * fails the build; a key nothing uses fails tests/i18n/strings.test.ts.
 */
import { fill, type Lang } from "../baseline/lang";

export { LANGS, LANGUAGE_TAGS, inLang, isLang } from "../baseline/lang";
export type { Bilingual, Lang } from "../baseline/lang";

export const STRINGS = {
  "sheet.col.item": { en: "Item", zh: "项目" },
  "sheet.col.value": { en: "Value", zh: "数值" },
  "sheet.col.unit": { en: "Unit", zh: "单位" },
  "sheet.col.period": { en: "Period", zh: "期间" },
  "sheet.col.kind": { en: "Kind", zh: "类型" },
  "sheet.col.check": { en: "Check", zh: "核对" },
  "sheet.col.where": { en: "Where in the article", zh: "文中位置" },
  "sheet.col.id": { en: "Id", zh: "编号" },
  "sheet.col.stated": { en: "Reference", zh: "参照值" },
  "sheet.col.derived": { en: "Computed", zh: "计算值" },
  "sheet.col.difference": { en: "Difference", zh: "差异" },
  "sheet.col.tolerance": { en: "Tolerance", zh: "容差" },
  "sheet.col.status": { en: "Status", zh: "状态" },
  "sheet.col.explanation": { en: "Explanation", zh: "说明" },
  "sheet.col.sheet": { en: "Sheet", zh: "工作表" },
  "sheet.col.description": { en: "What it holds", zh: "内容" },
  "sheet.col.scenario": { en: "Scenario", zh: "情景" },
  "sheet.col.related": { en: "Related figures", zh: "相关数据" },
  "sheet.note.heading": { en: "Notes", zh: "注释" },
  "sheet.note.legend": {
    en: "Blue figures are stated in the article (inputs you may overwrite); black figures are live Excel formulas over them.",
    zh: "蓝色数字为文中所述（可改写的输入）；黑色数字为基于其计算的实时 Excel 公式。",
  },
  "sheet.note.source": {
    en: "Source: paragraphs {paragraphs} of the article — {note}",
    zh: "来源：文章第{paragraphs}段——{note}",
  },
  "sheet.note.figure": { en: "{label} ({period})", zh: "{label}（{period}）" },
  "sheet.note.row": { en: "{figures}: {note}", zh: "{figures}：{note}" },
  "sheet.about.source": { en: "The source", zh: "资料来源" },
  "sheet.note.article": {
    en: "Source: an article in Chinese on {title}, written after the licence requirement of {date}: it reports the first quarter of 2025, so it dates from spring 2025.",
    zh: "来源：一篇关于{title}的中文文章，写于{date}出口许可要求之后；文中已报告2025年第一季度的数据，故成文于2025年春。",
  },
  "sheet.about.places": {
    en: "Where in the article: the paragraph (1–{paragraphs}, in reading order), the section we name it by, and the place in the paragraph in our own words; the article is never quoted.",
    zh: "文中位置：段落（按阅读顺序为第1–{paragraphs}段）、本工具为其所起的章节名，以及在该段中的位置（用本工具自己的话描述，不引用原文）。",
  },
  "sheet.about.title": { en: "China-exposure workbench: baseline", zh: "中国敞口工作台：基准数据" },
  "sheet.about.subtitle": {
    en: "The figures of the article as sheets: each with its unit, period and place in the article; derived rows are native formulas that compute without the add-in.",
    zh: "文章中的数据整理为工作表：每项均注明单位、期间与文中位置；推算行为原生公式，无需加载项即可计算。",
  },
  "sheet.about.name": { en: "About", zh: "说明" },
  "sheet.checks.name": { en: "Checks", zh: "核对" },
  "sheet.checks.title": { en: "Consistency checks of the article's figures", zh: "文中数据一致性核对" },
  "sheet.checks.subtitle": {
    en: "Where the article's figures meet: each check sets a reference figure against one computed from the others, with its arithmetic; where the numbers decide, the status is a live formula.",
    zh: "文中数字相互印证之处：每项核对将参照值与由其他数字算出的值对照，并列出算式；凡可由数字判定的，状态均为实时公式。",
  },
  "sheet.chart.china_revenue": { en: "NVIDIA China revenue (USD bn)", zh: "英伟达中国区营收（十亿美元）" },
  "sheet.chart.market_value": { en: "NVIDIA market value (USD tn)", zh: "英伟达市值（万亿美元）" },
  "sheet.chart.mindspore": { en: "MindSpore developers (m)", zh: "昇思开发者数量（百万）" },
  "sheet.chart.paddlepaddle": { en: "PaddlePaddle market share", zh: "飞桨市场份额" },
  "sheet.chart.itu": { en: "Share of ITU AI standard proposals", zh: "ITU人工智能标准提案占比" },
  "sheet.chart.us_equipment": {
    en: "US chip-equipment exports to China (USD bn)",
    zh: "美国对华半导体设备出口额（十亿美元）",
  },
  "sheet.chart.series.china_revenue": { en: "China revenue", zh: "中国区营收" },
  "sheet.chart.series.market_value": { en: "Market value", zh: "市值" },
  "sheet.chart.series.mindspore": { en: "Developers", zh: "开发者" },
  "sheet.chart.series.paddlepaddle": { en: "Share", zh: "份额" },
  "sheet.chart.series.china": { en: "China", zh: "中国" },
  "sheet.chart.series.us": { en: "US", zh: "美国" },
  "sheet.chart.series.us_equipment": { en: "Exports", zh: "出口额" },
  "sheet.scenarios.note": {
    en: "Qualitative: the article's three paths for NVIDIA, with the figures that bear on each.",
    zh: "定性：文章提出的英伟达三种路径及相关数据。",
  },
  "sheet.note.record": {
    en: "This sheet is the article's record: inserting again brings it back to the article (a copy keeps any change made here). Your own figures belong in a case.",
    zh: "本表为文章数据的记录：再次插入会恢复为文章数据（此处的任何修改会保留在副本中）。您自己的数字请填入案例。",
  },
  // ---- a case --------------------------------------------------------------------------------
  "case.sheet_name": { en: "{company} case", zh: "{company}案例" },
  "case.title": { en: "{company} — China exposure case", zh: "{company}——中国敞口案例" },
  "case.subtitle": {
    en: "Your case: every blue cell is yours to change, and inserting again never changes it; everything else is a live Excel formula. Money in {currency} billions; fiscal year ends {fiscal_year_end}.",
    zh: "您的案例：蓝色单元格均可修改，再次插入也不会改动；其余均为实时 Excel 公式。金额单位为十亿{currency}；财年截止于{fiscal_year_end}。",
  },
  "case.note": {
    en: "Seeded from the article where it gives a figure (see Source). An empty input is unknown, not zero: each output that needs one says which to fill in. Low and high feed the sensitivity (empty: ±20%).",
    zh: "文章给出数字的输入已据此预填（见“来源”）。空白输入表示未知而非零：需要它的输出会提示填写哪一项。“低值”与“高值”用于敏感性分析（空白时为±20%）。",
  },
  "case.col.driver": { en: "Driver", zh: "驱动因素" },
  "case.col.low": { en: "Low", zh: "低值" },
  "case.col.high": { en: "High", zh: "高值" },
  "case.col.source": { en: "Source", zh: "来源" },
  "case.col.meaning": { en: "What it means", zh: "含义" },
  "case.col.item": { en: "Item", zh: "项目" },
  "case.col.weighted": { en: "Probability-weighted", zh: "概率加权" },
  "case.col.assumes": { en: "What it assumes", zh: "假设" },
  "case.col.article": { en: "In the article", zh: "文中对应" },
  "case.source.input": { en: "Your input", zh: "您的输入" },
  "case.source.article": { en: "Article: {label}, {period}", zh: "文章：{label}，{period}" },
  "case.source.scaled": {
    en: "Article: {label}, {period} ({value} {unit}, here in {currency} bn)",
    zh: "文章：{label}，{period}（{value}{unit}，此处以十亿{currency}计）",
  },
  "case.source.reading": { en: "Article: {reading}", zh: "文章：{reading}" },
  "case.scenarios": { en: "Scenarios", zh: "情景" },
  "case.row.probability": { en: "Probability of the scenario", zh: "情景概率" },
  "case.row.override": { en: "{driver} (empty: the case's)", zh: "{driver}（空白：采用案例值）" },
  "case.row.used": { en: "{driver}, as used", zh: "{driver}（采用值）" },
  "case.fill_in": { en: "Fill in: {driver}", zh: "请填写：{driver}" },
  "case.probabilities.missing": {
    en: "Fill in every scenario's probability",
    zh: "请填写每个情景的概率",
  },
  "case.probabilities.ok": { en: "Probabilities sum to 100%", zh: "概率合计为100%" },
  "case.probabilities.must": {
    en: "Scenario probabilities must sum to 100%",
    zh: "情景概率合计须为100%",
  },
  "case.probabilities.not_one": { en: "Probabilities sum to {sum}, not 100%", zh: "概率合计为{sum}，而非100%" },
  "case.chart": { en: "Revenue at risk by scenario ({currency} bn)", zh: "各情景下的风险营收（十亿{currency}）" },
  "case.driver.exposed_revenue": { en: "Exposed revenue (China), a year", zh: "敞口营收（中国区，全年）" },
  "case.driver.global_revenue": { en: "Global revenue, a year", zh: "全球营收（全年）" },
  "case.driver.orders_at_risk": { en: "Orders at delivery risk", zh: "面临交付风险的订单" },
  "case.driver.ban_probability": { en: "Probability the restriction holds", zh: "限制持续的概率" },
  "case.driver.substitution_share": { en: "Share taken by domestic substitutes", zh: "国产替代所占份额" },
  "case.driver.recapture_share": { en: "Share resold elsewhere (recapture)", zh: "转售至其他市场的份额（回收）" },
  "case.driver.gross_margin": { en: "Gross margin", zh: "毛利率" },
  "case.driver.tax_rate": { en: "Tax rate", zh: "税率" },
  "case.driver.shares_outstanding": { en: "Shares outstanding", zh: "流通股数" },
  "case.driver.multiple_type": { en: "Valuation multiple: P/E or P/S", zh: "估值倍数类型：P/E 或 P/S" },
  "case.driver.valuation_multiple": { en: "Valuation multiple", zh: "估值倍数" },
  "case.driver.inventory_write_down": { en: "Inventory write-down (one-off)", zh: "存货减值（一次性）" },
  "case.driver.market_value": { en: "Market value", zh: "市值" },
  "case.meaning.exposed_revenue": {
    en: "A year of revenue from the market that can close.",
    zh: "来自可能关闭之市场的一年营收。",
  },
  "case.meaning.global_revenue": {
    en: "A year of revenue from all markets, the same year and unit.",
    zh: "同一年度、同一单位的全部市场营收。",
  },
  "case.meaning.orders_at_risk": {
    en: "Orders booked but not yet delivered that the restriction puts at risk.",
    zh: "已接但尚未交付、受限制影响的订单。",
  },
  "case.meaning.ban_probability": {
    en: "Your probability, 0 to 1, that the market stays closed; scenarios set their own.",
    zh: "您判断市场持续关闭的概率（0至1）；各情景可另行设定。",
  },
  "case.meaning.substitution_share": {
    en: "Of the revenue not banned, the share local substitutes take anyway (empty: none).",
    zh: "未被禁售的营收中，仍被本土替代品夺走的份额（空白：无）。",
  },
  "case.meaning.recapture_share": {
    en: "Of the revenue lost, the share sold elsewhere instead (empty: none).",
    zh: "损失营收中改售其他市场的份额（空白：无）。",
  },
  "case.meaning.gross_margin": {
    en: "Gross profit per unit of revenue: what revenue lost takes from profit (other costs taken as fixed).",
    zh: "每单位营收的毛利：营收损失对利润的影响（其他成本视为固定）。",
  },
  "case.meaning.tax_rate": { en: "The rate profit lost would have been taxed at.", zh: "损失利润原应适用的税率。" },
  "case.meaning.shares_outstanding": {
    en: "In billions, so that earnings per share come out in the currency per share.",
    zh: "以十亿股计，使每股收益以每股货币计。",
  },
  "case.meaning.multiple_type": {
    en: "P/E applies the multiple to earnings at risk, P/S to revenue at risk (empty: P/E).",
    zh: "P/E 以倍数乘风险利润，P/S 以倍数乘风险营收（空白：P/E）。",
  },
  "case.meaning.valuation_multiple": {
    en: "Held constant: value at risk is the multiple times what is lost.",
    zh: "倍数保持不变：风险市值等于倍数乘以损失额。",
  },
  "case.meaning.inventory_write_down": {
    en: "A one-off charge, shown apart from recurring earnings (empty: none).",
    zh: "一次性费用，与经常性利润分列（空白：无）。",
  },
  "case.meaning.market_value": {
    en: "The company's market value, to set value at risk against.",
    zh: "公司市值，用于衡量风险市值的比例。",
  },
  "case.output.revenue_at_risk": { en: "Revenue at risk, a year", zh: "风险营收（全年）" },
  "case.output.gap_share": { en: "Gap, as a share of global revenue", zh: "缺口占全球营收比例" },
  "case.output.orders_lost": { en: "Orders lost", zh: "损失订单" },
  "case.output.gross_profit_at_risk": { en: "Gross profit at risk", zh: "风险毛利" },
  "case.output.net_income_at_risk": { en: "Net income at risk", zh: "风险净利润" },
  "case.output.eps_at_risk": { en: "Earnings per share at risk", zh: "风险每股收益" },
  "case.output.value_at_risk": { en: "Market value at risk (constant multiple)", zh: "风险市值（倍数不变）" },
  "case.output.value_at_risk_share": { en: "Market value at risk, as a share", zh: "风险市值占比" },
  "case.output.write_down": { en: "Inventory write-down (one-off)", zh: "存货减值（一次性）" },
  "case.unit.money": { en: "{currency} bn", zh: "十亿{currency}" },
  "case.unit.per_share": { en: "{currency} per share", zh: "{currency}/股" },
  "case.unit.count": { en: "bn shares", zh: "十亿股" },
  "case.unit.multiple": { en: "x", zh: "倍" },
  "case.unit.choice": { en: "P/E or P/S", zh: "P/E 或 P/S" },
  "case.valid.share": {
    en: "A share is a fraction from 0 to 1: type 30% or 0.3.",
    zh: "份额为0至1之间的小数：请输入30%或0.3。",
  },
  "case.valid.not_negative": { en: "Type a number that is not negative.", zh: "请输入不小于零的数字。" },
  "case.valid.positive": { en: "Type a number above zero.", zh: "请输入大于零的数字。" },
  "case.valid.choice": { en: "Choose P/E or P/S.", zh: "请选择 P/E 或 P/S。" },
  // ---- a case's sensitivity (the tornado) and its simulation inputs --------------------------
  "case.col.distribution": { en: "Distribution (simulation)", zh: "分布（模拟）" },
  "case.valid.distribution": {
    en: "Choose triangular, uniform, normal or fixed (empty: triangular).",
    zh: "请选择 triangular（三角）、uniform（均匀）、normal（正态）或 fixed（固定）；空白为三角分布。",
  },
  "case.tornado.title": {
    en: "Sensitivity: which driver moves the output most",
    zh: "敏感性：哪个驱动因素对输出指标影响最大",
  },
  "case.tornado.note": {
    en: "Each driver at its low and at its high (columns D and E; empty: 20% below and above the value the Base scenario uses, a share at most 100%), every other driver at the Base scenario's values; sorted by the swing between the two. Pick the output in {cell}. Column F is for the simulation (the pane's Run simulation): how each driver varies between its low and high — triangular around its value (empty), uniform, normal (cut to its valid range) or fixed.",
    zh: "每个驱动因素分别取低值和高值（D列和E列；空白时为基准情景所用值的上下20%，比例不超过100%），其余驱动因素均取基准情景的值；按两者之间的波动幅度排序。请在{cell}中选择输出指标。F列用于模拟（窗格中的“运行模拟”）：各驱动因素在低值与高值之间如何变动——以原值为众数的三角分布（空白）、均匀分布、正态分布（截断于有效范围内）或固定。",
  },
  "case.tornado.output": { en: "Output", zh: "输出指标" },
  "case.tornado.base": { en: "At the Base scenario's values", zh: "基准情景取值下" },
  "case.tornado.pick": { en: "Pick an output in {cell}", zh: "请在{cell}中选择输出指标" },
  "case.tornado.col.at_low": { en: "Output at its low", zh: "取低值时的输出" },
  "case.tornado.col.at_high": { en: "Output at its high", zh: "取高值时的输出" },
  "case.tornado.col.swing": { en: "Swing", zh: "波动幅度" },
  "case.tornado.sorted": { en: "By swing, largest first", zh: "按波动幅度排序（从大到小）" },
  "case.tornado.chart_data": {
    en: "Chart: change from the Base scenario",
    zh: "图表：相对基准情景的变化",
  },
  "case.tornado.series.low": { en: "At its low", zh: "取低值" },
  "case.tornado.series.high": { en: "At its high", zh: "取高值" },
  "case.tornado.chart": {
    en: "Sensitivity of the output picked: change at each driver's low and high",
    zh: "所选输出指标的敏感性：各驱动因素取低值和高值时的变化",
  },
  "case.tornado.working.pick": { en: "Output picked (1–4)", zh: "所选指标（1–4）" },
  "case.tornado.working.key": { en: "Swing, for the rank", zh: "用于排名的波动幅度" },
  "case.tornado.working.rank": { en: "Rank", zh: "排名" },
  "case.tornado.working.low": { en: "{output}, driver at its low", zh: "{output}（驱动因素取低值）" },
  "case.tornado.working.high": { en: "{output}, driver at its high", zh: "{output}（驱动因素取高值）" },
  "case.tornado.valid": { en: "Choose one of the four outputs.", zh: "请从四个输出指标中选择一个。" },
  "case.risk_output.revenue_at_risk": { en: "Revenue at risk", zh: "风险营收" },
  "case.risk_output.net_income_at_risk": { en: "Net income at risk", zh: "风险净利润" },
  "case.risk_output.eps_at_risk": { en: "EPS at risk", zh: "风险每股收益" },
  "case.risk_output.value_at_risk": { en: "Market value at risk", zh: "风险市值" },
  // ---- taskpane -------------------------------------------------------------------------------
  "pane.doc_title": { en: "China-exposure workbench", zh: "中国敞口工作台" },
  "pane.title": { en: "China-exposure workbench", zh: "中国敞口工作台" },
  "pane.subtitle": {
    en: "NVIDIA's H20 case: the article's figures as formatted sheets, with live formulas.",
    zh: "英伟达H20案例：将文章数据插入为带实时公式的格式化工作表。",
  },
  "pane.lang.legend": { en: "Language", zh: "语言" },
  "pane.lang.en": { en: "English", zh: "English" },
  "pane.lang.zh": { en: "简体中文", zh: "简体中文" },
  "pane.tables.heading": { en: "Baseline tables", zh: "基准数据表" },
  "pane.tables.hint": {
    en: "Each table becomes a sheet; the sheets a table's formulas need come along.",
    zh: "每个表插入为一个工作表；其公式所需的工作表会一并插入。",
  },
  "pane.tables.all": { en: "All tables", zh: "全部表" },
  "pane.insert.selected": { en: "Insert selected", zh: "插入所选" },
  "pane.insert.all": { en: "Insert all", zh: "全部插入" },
  "pane.insert.none_selected": {
    en: "Tick at least one table, or choose Insert all.",
    zh: "请至少勾选一个表，或选择“全部插入”。",
  },
  "pane.progress.reading": { en: "Reading the workbook…", zh: "正在读取工作簿…" },
  "pane.progress.writing": { en: "Writing {count} sheets…", zh: "正在写入 {count} 个工作表…" },
  "pane.progress.finishing": { en: "Finishing…", zh: "即将完成…" },
  "pane.progress.undoing": { en: "Excel refused a change. Undoing…", zh: "Excel 拒绝了一项更改，正在撤销…" },
  "pane.result.heading": { en: "Sheets in this workbook", zh: "本工作簿中的工作表" },
  "pane.result.summary": {
    en: "Done: {count} sheets. Select one to go to it.",
    zh: "完成：{count} 个工作表。点击名称即可跳转。",
  },
  "pane.result.go": { en: "Go to {sheet}", zh: "转到 {sheet}" },
  "pane.outcome.created": { en: "New sheet", zh: "新建" },
  "pane.outcome.refreshed": { en: "Updated in place", zh: "已原位更新" },
  "pane.outcome.unchanged": { en: "Already up to date", zh: "已是最新" },
  "pane.outcome.reset": {
    en: "Back to the article; your changes are kept in “{sheet}”",
    zh: "已恢复为文章数据；您的修改保留在“{sheet}”中",
  },
  "pane.outcome.kept": {
    en: "Left as it is: you changed it outside its inputs",
    zh: "保持原样：您修改了输入以外的内容",
  },
  "pane.names.taken": {
    en: "Names not created because the workbook already uses them: {names}",
    zh: "以下名称已被本工作簿使用，未创建：{names}",
  },
  "pane.activate.missing": {
    en: "That sheet is no longer in the workbook.",
    zh: "该工作表已不在本工作簿中。",
  },
  "pane.error.details": { en: "Details", zh: "详细信息" },
  "pane.error.not_supported": {
    en: "This Excel lacks features the add-in needs (Excel API 1.12). Update Excel, or use Excel on the web.",
    zh: "此版本 Excel 缺少加载项所需的功能（Excel API 1.12）。请更新 Excel，或使用网页版 Excel。",
  },
  "pane.error.cell_edit_mode": {
    en: "A cell is being edited. Press Enter or Esc in the sheet, then try again. Nothing was changed.",
    zh: "有单元格正在编辑。请在工作表中按 Enter 或 Esc 后重试。未作任何更改。",
  },
  "pane.error.workbook_protected": {
    en: "The workbook structure is protected, so no sheet can be added. Unprotect it (Review > Protect Workbook) and try again. Nothing was changed.",
    zh: "工作簿结构受保护，无法添加工作表。请取消保护（审阅 > 保护工作簿）后重试。未作任何更改。",
  },
  "pane.error.sheet_protected": {
    en: "The sheet “{sheet}” is protected. Unprotect it (Review > Unprotect Sheet) and try again. Nothing was changed.",
    zh: "工作表“{sheet}”受保护。请取消保护（审阅 > 撤消工作表保护）后重试。未作任何更改。",
  },
  "pane.error.read_failed": {
    en: "Excel could not read the workbook. Nothing was changed. Try again in a moment.",
    zh: "Excel 无法读取工作簿。未作任何更改。请稍后重试。",
  },
  "pane.error.write_failed": {
    en: "Excel refused a change, so the insert was undone: your workbook is as it was. Try again in a moment.",
    zh: "Excel 拒绝了一项更改，插入已撤销：工作簿保持原样。请稍后重试。",
  },
  "pane.error.cleanup_incomplete": {
    en: "Excel refused a change and the undo could not finish. Your own sheets were not touched; what is left is listed below.",
    zh: "Excel 拒绝了一项更改，且撤销未能完成。您自己的工作表未被改动；遗留内容如下。",
  },
  "pane.error.conflict": {
    en: "The workbook changed while the add-in was writing (another window or a co-author made a sheet or name it needed). What this attempt wrote was removed; your sheets were not touched. Insert again.",
    zh: "加载项写入期间工作簿发生了变化（另一窗口或协作者新建了所需名称的工作表或名称）。本次写入的内容已移除，您的工作表未被改动。请重新插入。",
  },
  "pane.cleanup.sheet": { en: "Sheet “{name}”", zh: "工作表“{name}”" },
  "pane.cleanup.name": { en: "Name {name}", zh: "名称 {name}" },
  "pane.cleanup.not_removed": {
    en: "{what}: written by this attempt and could not be removed; delete it if you do not need it.",
    zh: "{what}：由本次插入写入，未能移除；如不需要请删除。",
  },
  "pane.cleanup.not_restored": {
    en: "{what}: the add-in's own, could not be put back as it was; insert again to rewrite it.",
    zh: "{what}：加载项自己的内容，未能恢复原样；请重新插入以重写。",
  },
  "pane.cleanup.unverified": {
    en: "{what}: Excel could not be asked whether this attempt left it; check it.",
    zh: "{what}：无法向 Excel 确认本次插入是否留下了它，请检查。",
  },
  "pane.cleanup.not_ours": {
    en: "{what}: made by someone else meanwhile; left alone.",
    zh: "{what}：由他人在此期间新建，未作改动。",
  },
  "pane.cleanup.changed_since": {
    en: "{what}: changed by someone else meanwhile; left as they left it.",
    zh: "{what}：在此期间已被他人更改，保持其更改后的样子。",
  },
  "pane.error.invalid_plan": {
    en: "The add-in built an invalid set of sheets (a bug). Nothing was changed.",
    zh: "加载项生成的工作表有误（程序错误）。未作任何更改。",
  },
  "pane.error.unexpected": {
    en: "Something unexpected went wrong. Nothing is known to have changed.",
    zh: "发生意外错误，未发现任何更改。",
  },
  "pane.cases.heading": { en: "Your cases", zh: "您的案例" },
  "pane.cases.intro": {
    en: "A case is a sheet of your own: its blue drivers are your assumptions, every output is a live formula, and inserting again never changes what you typed. Insert all adds the NVIDIA case seeded from the article.",
    zh: "案例是您自己的工作表：蓝色驱动因素是您的假设，每个输出都是实时公式，再次插入也不会改动您输入的内容。“全部插入”会添加按文章数据预填的英伟达案例。",
  },
  "pane.cases.new": { en: "A case for another company", zh: "为其他公司新建案例" },
  "pane.cases.company": { en: "Company", zh: "公司" },
  "pane.cases.currency": { en: "Currency (three letters)", zh: "货币（三个字母）" },
  "pane.cases.fiscal_year_end": { en: "Fiscal year ends", zh: "财年截止" },
  "pane.cases.fiscal_year_end.default": { en: "31 December", zh: "12月31日" },
  "pane.cases.create": { en: "Create case", zh: "新建案例" },
  "pane.cases.creating": { en: "Creating the case…", zh: "正在新建案例…" },
  "pane.cases.created": {
    en: "Created “{sheet}”: fill in its blue drivers.",
    zh: "已新建“{sheet}”：请填写其中的蓝色驱动因素。",
  },
  "pane.cases.refreshed": {
    en: "“{sheet}” was already here: refreshed, your inputs kept.",
    zh: "“{sheet}”已存在：已刷新，您的输入保持不变。",
  },
  "pane.cases.kept": {
    en: "“{sheet}” has changes outside its inputs, so it was left as it is.",
    zh: "“{sheet}”在输入以外有改动，因此保持原样。",
  },
  "pane.cases.error.company": { en: "Type the company's name.", zh: "请输入公司名称。" },
  "pane.cases.error.currency": {
    en: "Type the currency as three letters, such as USD or EUR.",
    zh: "请以三个字母输入货币，如 USD 或 EUR。",
  },
  "pane.cases.error.nvidia": {
    en: "That is the NVIDIA case: Insert all adds it.",
    zh: "这就是英伟达案例：“全部插入”会添加它。",
  },
  "pane.cases.reset.heading": { en: "Reset the NVIDIA case to the article", zh: "将英伟达案例恢复为文章数据" },
  "pane.cases.reset.which": { en: "Driver", zh: "驱动因素" },
  "pane.cases.reset.all": { en: "All the article's drivers", zh: "文章给出的全部驱动因素" },
  "pane.cases.reset.button": { en: "Reset to article…", zh: "恢复为文章数据…" },
  "pane.cases.reset.confirm": {
    en: "Put the article's value back into {drivers} on the NVIDIA case? What you typed there will be replaced.",
    zh: "将英伟达案例中的{drivers}恢复为文章数据？您在其中输入的内容将被替换。",
  },
  "pane.cases.reset.confirm_button": { en: "Reset", zh: "恢复" },
  "pane.cases.reset.cancel": { en: "Cancel", zh: "取消" },
  "pane.cases.reset.cancelled": { en: "Nothing was reset.", zh: "未作任何恢复。" },
  "pane.cases.reset.working": { en: "Resetting…", zh: "正在恢复…" },
  "pane.cases.reset.done": { en: "Reset on “{sheet}”: {changes}.", zh: "已在“{sheet}”中恢复：{changes}。" },
  "pane.cases.reset.change": { en: "{driver} {was} → {now}", zh: "{driver}由 {was} 改为 {now}" },
  "pane.cases.reset.empty": { en: "empty", zh: "空白" },
  "pane.cases.reset.error.no_case": {
    en: "The NVIDIA case is not in this workbook: Insert all adds it. Nothing was changed.",
    zh: "本工作簿中没有英伟达案例：“全部插入”会添加它。未作任何更改。",
  },
  "pane.cases.reset.error.sheet_protected": {
    en: "The case sheet “{sheet}” is protected: unprotect it and try again. Nothing was changed.",
    zh: "案例工作表“{sheet}”受保护：请取消保护后重试。未作任何更改。",
  },
  "pane.cases.reset.error.other": {
    en: "Excel did not reset the drivers. Nothing was changed; try again in a moment.",
    zh: "Excel 未能恢复驱动因素。未作任何更改，请稍后重试。",
  },
  "pane.sharing.heading": { en: "Prepare for sharing", zh: "共享前准备" },
  "pane.sharing.intro": {
    en: "Replace EXPOSURE formulas by the values they show now, so colleagues without the add-in see the same numbers. The baseline sheets need nothing: their formulas are plain Excel.",
    zh: "将 EXPOSURE 公式替换为其当前显示的数值，让未安装加载项的同事看到相同的数字。基准工作表无需处理：其公式均为 Excel 原生公式。",
  },
  "pane.sharing.scope": { en: "Where", zh: "范围" },
  "pane.sharing.scope.selection": { en: "Selected cells", zh: "所选单元格" },
  "pane.sharing.scope.sheet": { en: "Active sheet", zh: "当前工作表" },
  "pane.sharing.scope.workbook": { en: "Whole workbook", zh: "整个工作簿" },
  "pane.sharing.find": { en: "Find EXPOSURE formulas", zh: "查找 EXPOSURE 公式" },
  "pane.sharing.searching": { en: "Looking for EXPOSURE formulas…", zh: "正在查找 EXPOSURE 公式…" },
  "pane.sharing.converting": { en: "Replacing formulas by values…", zh: "正在将公式替换为数值…" },
  "pane.sharing.none": {
    en: "No EXPOSURE formulas here: nothing to do.",
    zh: "此范围内没有 EXPOSURE 公式，无需处理。",
  },
  "pane.sharing.confirm.one": {
    en: "1 formula ({sheets}) will become a fixed value. Excel's Undo cannot reverse this: save a copy first if unsure.",
    zh: "将把 1 个公式（{sheets}）替换为固定数值。Excel 的撤销无法恢复此操作，如不确定请先保存副本。",
  },
  "pane.sharing.confirm": {
    en: "{count} formulas ({sheets}) will become fixed values. Excel's Undo cannot reverse this: save a copy first if unsure.",
    zh: "将把 {count} 个公式（{sheets}）替换为固定数值。Excel 的撤销无法恢复此操作，如不确定请先保存副本。",
  },
  "pane.sharing.sheet_count": { en: "{sheet}: {count}", zh: "{sheet}：{count}" },
  "pane.sharing.replace.one": { en: "Replace 1 formula", zh: "替换 1 个公式" },
  "pane.sharing.replace": { en: "Replace {count} formulas", zh: "替换 {count} 个公式" },
  "pane.sharing.cancel": { en: "Cancel", zh: "取消" },
  "pane.sharing.cancelled": { en: "Nothing was replaced.", zh: "未作任何替换。" },
  "pane.sharing.done": {
    en: "Replaced {formulas} formulas by their values ({cells} cells): {sheets}.",
    zh: "已将 {formulas} 个公式替换为数值（{cells} 个单元格）：{sheets}。",
  },
  "pane.sharing.protected": {
    en: "Protected sheets were left alone: {sheets}.",
    zh: "受保护的工作表未作改动：{sheets}。",
  },
  "pane.sharing.skipped": {
    en: "Left as they are, because they changed (or their sheet went) after Find: {cells}.",
    zh: "以下公式在查找后已更改（或其工作表已删除），保持原样：{cells}。",
  },
  "pane.sharing.pending.one": {
    en: "1 formula was still calculating and was left as it is; try again when it shows a value.",
    zh: "1 个公式仍在计算中，未作改动；请在显示数值后重试。",
  },
  "pane.sharing.pending": {
    en: "{count} formulas were still calculating and were left as they are; try again when they show a value.",
    zh: "{count} 个公式仍在计算中，未作改动；请在显示数值后重试。",
  },
  "pane.sharing.error.not_supported": {
    en: "This Excel lacks features the add-in needs (Excel API 1.12). Nothing was changed.",
    zh: "此版本 Excel 缺少加载项所需的功能（Excel API 1.12）。未作任何更改。",
  },
  "pane.sharing.error.cell_edit_mode": {
    en: "A cell is being edited. Press Enter or Esc in the sheet, then try again. Nothing was changed.",
    zh: "有单元格正在编辑。请在工作表中按 Enter 或 Esc 后重试。未作任何更改。",
  },
  "pane.sharing.error.no_selection": {
    en: "Select cells first (a chart or a shape is selected now). Nothing was changed.",
    zh: "请先选择单元格（当前选中的是图表或形状）。未作任何更改。",
  },
  "pane.sharing.error.read_failed": {
    en: "Excel could not read the cells. Nothing was changed. Try again in a moment.",
    zh: "Excel 无法读取单元格。未作任何更改。请稍后重试。",
  },
  "pane.sharing.error.write_failed": {
    en: "Excel refused the change; the formulas were put back as they were.",
    zh: "Excel 拒绝了此更改；公式已恢复原样。",
  },
  "pane.sharing.error.write_failed_unrestored": {
    en: "Excel refused the change and some formulas could not be put back: check the cells, or close without saving.",
    zh: "Excel 拒绝了此更改，且部分公式未能恢复：请检查单元格，或不保存直接关闭。",
  },
  "pane.autoopen.label": { en: "Open this pane with the workbook", zh: "打开工作簿时显示此窗格" },
  "pane.autoopen.note": {
    en: "Only for people who have the add-in installed; everyone else still sees the sheets, which compute without it.",
    zh: "仅对已安装加载项的用户生效；其他人仍可看到这些工作表，且无需加载项即可计算。",
  },
  "pane.autoopen.on": { en: "The pane will open with this workbook.", zh: "打开此工作簿时将显示此窗格。" },
  "pane.autoopen.off": { en: "The pane will not open by itself.", zh: "打开此工作簿时不会自动显示此窗格。" },
  "pane.autoopen.failed": { en: "Excel did not save this setting. Try again.", zh: "Excel 未能保存此设置，请重试。" },
  list_separator: { en: ", ", zh: "、" },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringId = keyof typeof STRINGS;

/** The string `id` in `lang`, with `{name}` placeholders filled from `vars`. */
export function t(id: StringId, lang: Lang = "en", vars: Record<string, string | number> = {}): string {
  return fill(STRINGS[id][lang], vars);
}
