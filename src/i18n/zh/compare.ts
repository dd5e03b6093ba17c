/**
 * The words of the compare page (src/components/compare/).
 * Part of the Chinese dictionary (zh.ts spreads it in); en/compare.ts has the same keys.
 */
export const zhCompare = {
  // The comparison page (src/components/compare/, src/views/compare-*.ts) and its links.
  "compare.nav": "地区比较",
  "compare.title": "地区比较",
  "compare.titleOf": "比较：{names}",
  "compare.description": "把最多{max}个地区（任何级别）放在一起，比较主要指标和历年同期收入。",
  "compare.lede":
    "把最多{max}个地区放在一起比较，可以是不同级别，例如一个县和一个村。指标和数字与各地区页、数据接口相同。",
  "compare.empty":
    "还没有选择要比较的地区。用下面的搜索框找到地区后点“加入比较”，或在任何地区页点“加入比较”。最多{max}个，可以是不同级别。",
  "compare.problemTitle": "无法显示这个比较",
  "compare.regions": "比较的地区（{n}个）",
  "compare.code": "区划代码 {code}",
  "compare.remove": "移出比较",
  "compare.noPeriods": "这些地区都还没有集体经济收入数据。",
  "compare.headline": "主要指标 · {span}",
  "compare.caption": "{span}各地区主要指标；数字下方为分子/分母或说明",
  "compare.col.indicator": "指标",
  "compare.villageNote":
    "单个村只比较集体经济收入合计、经营性收入和同比增长，与村的地区页相同；其余指标只适用于有多个村的地区。",
  "compare.income": "集体经济收入",
  "compare.noData": "该期无数据",
  "compare.notForVillage": "单个村不适用",
  "compare.growthBasis": "可比村本期 {current} / 上年同期 {previous}",
  "compare.series": "{name} {code}",
  "compare.chart.title": "历年同期累计收入",
  "compare.chart.summary": "{span}集体经济收入：{list}。",
  "compare.chart.item": "{name}{money}",
  "compare.invalid":
    "“{codes}”不是有效的统计用区划代码：区划代码是2、4、6、9或12位数字，例如 450422。",
  "compare.tooMany": "最多只能同时比较{max}个地区，这里有{n}个。请去掉一些：",
  "compare.unknown": "没有区划代码为 {codes} 的地区。",
  "compare.duplicates": "重复的区划代码 {codes} 只比较一次。",
  "compare.noPeriod": "比较的地区都没有{period}的数据；{range}",
  "compare.periodRange": "有数据的期间：{first}至{last}。",
  "compare.fix.removeInvalid": "去掉无效的代码",
  "compare.fix.keepFirst": "只保留前{max}个",
  "compare.fix.remove": "去掉 {code}",
  "compare.fix.latest": "查看最近一期",
  "compare.add.heading": "添加地区",
  "compare.search.label": "搜索要加入比较的地区",
  "compare.search.submit": "搜索",
  "compare.search.found": "找到 {n} 个地区：",
  "compare.addLink": "加入比较",
  "compare.already": "已在比较中",
  "compare.full": "已有{max}个地区，请先移出一个",
  "compare.fromRegion.add": "加入比较",
  "compare.fromRegion.view": "返回比较（{n}个地区）",
} as const;
