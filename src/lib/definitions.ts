/**
 * What each chart and indicator means, in each language: shown in every chart card's
 * "about" tab and on the methodology page, so a definition is written once.
 */
import type { Lang } from "./i18n.ts";

export interface Definition {
  definition: string;
  unit: string;
  source: string;
  method: string;
}

const SOURCE = {
  zh: "各村（村委会）按月报送的农村集体经济收入报表；样例数据为随机生成。",
  en: "Monthly collective-income returns of village committees; the sample data is randomly generated.",
};

export const CHART_DEFINITIONS: Record<
  "income" | "bands" | "sources" | "coverage",
  Record<Lang, Definition>
> = {
  income: {
    zh: {
      definition:
        "村集体经济收入的当年累计数：经营收入、发包及上交收入、投资收益、补助收入和其他收入之和。",
      unit: "万元（按年累计）",
      source: SOURCE.zh,
      method:
        "每月把当月报送的各村委会累计收入相加；12月的数即全年收入。未报送的村不计入当月合计，所以各月合计还受报送率影响。",
    },
    en: {
      definition:
        "Year-to-date collective income of the village committees: operating, contracting, investment, subsidy and other income.",
      unit: "¥ thousand, year to date",
      source: SOURCE.en,
      method:
        "Each month, the year-to-date totals of the villages that reported are added up; December's figure is the year's. Villages that did not report are left out, so the sums also move with coverage.",
    },
  },
  bands: {
    zh: {
      definition:
        "按当期累计收入把报送的村分为七档：0（空壳村）、不足5万元（薄弱村）、5万—10万、10万—30万、30万—50万、50万—100万、100万元以上。",
      unit: "村（个）",
      source: SOURCE.zh,
      method:
        "边界值计入较高一档，例如恰好10万元计入“10万—30万元”。12月为全年收入的分档，即文件中常说的“收入超过10万元的村”。",
    },
    en: {
      definition:
        "Reporting villages by year-to-date income band: nil (shell villages), under ¥50k (weak), ¥50k–100k, ¥100k–300k, ¥300k–500k, ¥500k–1m, ¥1m or more.",
      unit: "Villages",
      source: SOURCE.en,
      method:
        "A value on a boundary belongs to the higher band (exactly ¥100k is in ¥100k–300k). December gives the year's picture that official documents quote.",
    },
  },
  sources: {
    zh: {
      definition:
        "收入按来源分为经营收入、发包及上交收入、投资收益、补助收入、其他收入；经营性收入＝总收入－补助收入。",
      unit: "万元（按年累计）",
      source: SOURCE.zh,
      method: "各来源分别相加。把补助收入单列，是为了不让上级补助冒充村集体自己挣的收入。",
    },
    en: {
      definition:
        "Income by source: operating, contracting and remittances, investment, subsidies, other. Income excluding subsidies = total − subsidies.",
      unit: "¥ thousand, year to date",
      source: SOURCE.en,
      method:
        "Each source is summed over reporting villages. Subsidies are shown apart so that transfers cannot pass for income the village earned.",
    },
  },
  coverage: {
    zh: {
      definition: "报送率＝当月报送了收入报表的村委会数 ÷ 村委会总数（不含城镇社区）。",
      unit: "%",
      source: SOURCE.zh,
      method: "只统计村委会（区划代码末三位200—399）；城镇社区不计。",
    },
    en: {
      definition:
        "Coverage = village committees that filed a return for the month ÷ all village committees (urban communities excluded).",
      unit: "%",
      source: SOURCE.en,
      method: "Only village committees (division-code suffix 200–399) are counted.",
    },
  },
};
