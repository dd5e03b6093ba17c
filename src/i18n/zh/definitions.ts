/**
 * What each chart means (src/lib/definitions.ts): shown in every chart card's "about" tab
 * and on the methodology page, so a definition is written once. Part of the Chinese
 * dictionary (zh.ts spreads it in); en/definitions.ts has the same keys.
 */
export const zhDefinitions = {
  "definitions.source": "各村（村委会）按月报送的农村集体经济收入报表；样例数据为随机生成。",
  "definitions.income.definition":
    "村集体经济收入的当年累计数：经营收入、发包及上交收入、投资收益、补助收入和其他收入之和。",
  "definitions.income.unit": "万元（按年累计）",
  "definitions.income.method":
    "每月把当月报送的各村委会累计收入相加；12月的数即全年收入。未报送的村不计入当月合计，所以各月合计还受报送率影响。",
  "definitions.bands.definition":
    "按当期累计收入把报送的村分为七档：0（空壳村）、不足5万元（薄弱村）、5万—10万、10万—30万、30万—50万、50万—100万、100万元以上。",
  "definitions.bands.unit": "村（个）",
  "definitions.bands.method":
    "边界值计入较高一档，例如恰好10万元计入“10万—30万元”。12月为全年收入的分档，即文件中常说的“收入超过10万元的村”。",
  "definitions.sources.definition":
    "收入按来源分为经营收入、发包及上交收入、投资收益、补助收入、其他收入；经营性收入＝总收入－补助收入。",
  "definitions.sources.unit": "万元（按年累计）",
  "definitions.sources.method":
    "各来源分别相加。把补助收入单列，是为了不让上级补助冒充村集体自己挣的收入。",
  "definitions.coverage.definition":
    "报送率＝当月报送了收入报表的村委会数 ÷ 村委会总数（不含城镇社区）。",
  "definitions.coverage.unit": "%",
  "definitions.coverage.method": "只统计村委会（区划代码末三位200—399）；城镇社区不计。",
} as const;
