/**
 * The words of the XLSX downloads (src/services/xlsx-export.ts): sheet names and the About
 * sheet. Part of the Chinese dictionary (zh.ts spreads it in); en/xlsx.ts has the same keys.
 */
export const zhXlsx = {
  "xlsx.chartDownload":
    "下载上表中的数字：{xlsx}（Excel 工作簿，金额以万元显示）、{csv}（可用 Excel、WPS 打开）或 {json}。",
  "xlsx.sheet.data": "数据",
  "xlsx.sheet.about": "说明",
  "xlsx.about.contents": "内容",
  "xlsx.about.filters": "筛选条件",
  "xlsx.about.noFilters": "无（全部数据）",
  "xlsx.about.rows": "行数",
  "xlsx.about.version": "版本",
  "xlsx.about.release": "{release} 月度发布版，冻结于 {frozen}；以后的更正不会改变它。",
  "xlsx.about.live": "最新数据（不是固定的发布版本）：数据版本 {version}，更新于 {updated}。",
  "xlsx.about.source": "来源",
  "xlsx.about.sourceText": "村务公开台账 {url}",
  "xlsx.about.address": "下载地址",
  "xlsx.about.licence": "许可",
  "xlsx.about.licenceText": "知识共享署名 4.0（CC BY 4.0）{url}",
  "xlsx.about.cite": "引用",
  "xlsx.about.sample": "样例数据",
  "xlsx.about.cells": "单元格",
  "xlsx.about.cellsText":
    "金额的值是整数元（与 CSV 相同，可直接计算），按万元显示，四位小数即精确到元；比例的值是小数，按百分数显示；区划代码是文本，不会变成 4.50422E+11；日期是日期单元格。",
  "xlsx.about.columns": "各列说明",
  "xlsx.unit.money": "元（显示为万元）",
  "xlsx.unit.ratio": "比例（显示为百分数）",
  "xlsx.unit.count": "个",
  "xlsx.chart.region": "地区",
  "xlsx.chart.regionText": "{name}（{code}）",
  "xlsx.chart.summary": "摘要",
  "xlsx.chart.dataSource": "数据来源",
  "xlsx.chart.citation":
    "村务公开台账：{region}（{code}）{chart}，{period}，最新数据。{url}，CC BY 4.0。",
} as const;
