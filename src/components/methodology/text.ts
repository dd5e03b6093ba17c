/** The methodology page's prose in both languages (indicator formulas: lib/methodology.ts). */
import type { Lang } from "../../lib/i18n.ts";
import { labelList } from "../../lib/vocabulary.ts";

export interface Section {
  id: string;
  title: string;
  paragraphs: string[];
}

interface MethodologyText {
  title: string;
  lede: string;
  contents: string;
  identityTitle: string;
  identityLead: string;
  earned: string;
  bandsTitle: string;
  bandsLead: string;
  bandColumns: [string, string, string];
  indicatorsTitle: string;
  indicatorsLead: string;
  indicatorColumns: [string, string, string];
  chartsTitle: string;
  chartsLead: string;
  /** Prose sections after the tables, in order. */
  sections: Section[];
}

const zh: MethodologyText = {
  title: "方法说明",
  lede: "本页说明网站上每个数字是怎么来的：数据来源、收入恒等式和收入分档、各项指标的算法、报送率、当年累计数、同比增长的匹配样本，以及数据发布、修订和更正的规则。",
  contents: "本页目录",
  identityTitle: "收入恒等式",
  identityLead:
    "每个村委会每月报送当年累计的集体经济收入，按来源分为五项。每一份报表都必须满足下面的恒等式，不满足的行在上传时被拒收，数据库也会拒绝写入：",
  earned:
    "经营性收入＝总收入－补助收入。网站总把它和总收入并列显示，上级补助不能冒充村集体自己挣的收入。",
  bandsTitle: "收入分档",
  bandsLead:
    "按当期累计总收入把报送的村分为七档。边界值计入较高一档，例如恰好10万元的村计入“10万—30万元”。12月的分档就是全年收入的分档，即文件中常说的“收入超过10万元的村”。",
  bandColumns: ["档次", "不少于", "少于"],
  indicatorsTitle: "指标定义",
  indicatorsLead:
    "以下指标按地区（省、市、县、乡镇、村）和统计月份计算，只统计该地区内的村委会。凡是比率，网站和接口都同时公布分子和分母。",
  indicatorColumns: ["指标", "算法", "单位"],
  chartsTitle: "图表说明",
  chartsLead: "每张图表的“说明”标签页显示的就是下面的定义。",
  sections: [
    {
      id: "coverage",
      title: "报送率",
      paragraphs: [
        "报送率＝当月报送了收入报表的村委会数 ÷ 地区内村委会总数。总收入、中位数、分档和各项占比都只统计报送了的村，所以报送率低的月份，合计数会偏低。页面在每个地区的主要指标里显示报送率和报送村数。",
        "城镇社区（区划代码末三位001—199）是地图上的地区，但不是村集体经济组织，不计入任何村级指标。",
      ],
    },
    {
      id: "year-to-date",
      title: "当年累计数",
      paragraphs: [
        "月报填报的是当年1月到本月的累计数，与我国月度统计的惯例一致。所以10月的数是1—10月累计，12月的数就是全年数。不同年份只比较同一月份的累计数。",
      ],
    },
    {
      id: "growth",
      title: "同比增长（匹配样本）",
      paragraphs: [
        "同比增长只比较本期和上年同期都报送了的村：这些村本期累计收入之和，除以它们上年同期累计收入之和，再减1。这样，新增或缺报的村不会制造虚假的增长或下降。页面同时显示匹配样本的村数。",
      ],
    },
    {
      id: "projects-problems-targets",
      title: "项目、问题清单和任期目标",
      paragraphs: [
        `项目：按状态（${labelList("project_status", "zh")}）和类别（${labelList("project_category", "zh")}）计数；预算和累计投资按元相加；超过计划完工日期仍未完工的项目标为逾期。`,
        "问题清单：每个问题经历“收集—认领—解决—销号”，每一步都有日期。办结率＝（已解决＋已销号）÷ 收集总数。认领用时和解决用时取中位数（天）。未销号且超期的问题按认领部门统计。",
        `任期目标：驻村工作队与村委会签订的目标，分${labelList("target_phase", "zh")}三个阶段，每个目标有基线值、目标值和实际值。状态为${labelList("target_status", "zh")}。工作队只公布人数和派出单位，不公布个人信息。`,
      ],
    },
    {
      id: "rankings",
      title: "比武榜",
      paragraphs: [
        "比武榜把同一上级下的地区按选定指标和统计期排名，并列出与上一期相比的变化。排名前20%的地区标为“擂主”，后10%的标为“约谈”，与各地比武打擂的做法一致。榜单上写明所排的指标和统计期。",
      ],
    },
    {
      id: "revisions",
      title: "发布、修订和更正",
      paragraphs: [
        "数据按“发布”公布：每次发布是某一时刻的数据冻结版本，例如“截至2026年10月进度表的数据”。发布日期至少提前四周列入发布日历。",
        "报表只追加、不改写：更正一个数字，是新增一行报表，注明取代旧行的时间。因此任何一次已发布的数据都可以按当时的样子重新算出，研究者可以引用固定的版本。",
        "已发布的公报或数据如有错误，更正说明连同日期和原因附在原处，永久保留，不删除、不覆盖。每次发布的页面列出与上一次发布相比改动了什么。",
      ],
    },
    {
      id: "units",
      title: "单位和取整",
      paragraphs: [
        "金额以人民币元为整数存储和下载；中文页面以万元（保留两位小数）显示，1亿元以上以亿元显示；英文页面以千元、百万元显示。百分比保留一位小数。下载的CSV和JSON给出未取整的原始数。",
      ],
    },
  ],
};

const en: MethodologyText = {
  title: "Methodology",
  lede: "Where every figure on this site comes from: the data, the income identity and bands, how each indicator is computed, coverage, year-to-date figures, matched-sample growth, and how releases, revisions and corrections work.",
  contents: "On this page",
  identityTitle: "The income identity",
  identityLead:
    "Each village committee reports its year-to-date collective income every month, split into five sources. Every return must satisfy this identity; rows that do not are refused at upload, and the database refuses to store them:",
  earned:
    "Income excluding subsidies = total − subsidies. It is always shown beside the total, so that transfers cannot pass for income the village earned.",
  bandsTitle: "Income bands",
  bandsLead:
    "Reporting villages are grouped into seven bands by year-to-date income. A value on a boundary belongs to the higher band: exactly ¥100,000 is in ¥100k–300k. December's bands are the year's, the figures official documents quote.",
  bandColumns: ["Band", "From", "Below"],
  indicatorsTitle: "Indicators",
  indicatorsLead:
    "These are computed for each region (province, city, county, township, village) and month, over the village committees in the region. Every ratio is published with its numerator and denominator, on the pages and in the API.",
  indicatorColumns: ["Indicator", "How it is computed", "Unit"],
  chartsTitle: "Charts",
  chartsLead: "Each chart's “About” tab shows the definition below.",
  sections: [
    {
      id: "coverage",
      title: "Coverage",
      paragraphs: [
        "Coverage = village committees that filed a return for the month ÷ all village committees in the region. Totals, medians, bands and shares count only the villages that reported, so totals are low in months with low coverage. Every region's headline figures show coverage and the number reporting.",
        "Urban communities (division-code suffix 001–199) are regions on the map but not village collectives, and are left out of every village indicator.",
      ],
    },
    {
      id: "year-to-date",
      title: "Year-to-date figures",
      paragraphs: [
        "Monthly returns state income from January to the month, as Chinese monthly statistics do: October's figure covers January–October, and December's is the year's. Years are compared month for month.",
      ],
    },
    {
      id: "growth",
      title: "Growth on a year earlier (matched sample)",
      paragraphs: [
        "Growth compares only the villages that reported both in the period and twelve months earlier: their total now divided by their total a year earlier, minus one. Villages that start or stop reporting therefore cannot create growth or decline. The number of villages in the matched sample is shown with it.",
      ],
    },
    {
      id: "projects-problems-targets",
      title: "Projects, problem lists and term targets",
      paragraphs: [
        `Projects are counted by status (${labelList("project_status", "en", "or")}) and category (${labelList("project_category", "en", "or")}); budgets and amounts invested are summed in yuan; a project past its planned completion date and not completed is marked overdue.`,
        "Problems go through collected → claimed → resolved → closed, each step dated. Resolution rate = (resolved + closed) ÷ collected. Days to claim and to resolve are medians. Open problems past their due date are counted by the claiming department.",
        `Term targets are signed by resident work teams with village committees and go through ${labelList("target_phase", "en")} phases, each with a baseline, a target and an actual value. Status is ${labelList("target_status", "en", "or")}. Work teams are shown by size and dispatching unit only, never personal data.`,
      ],
    },
    {
      id: "rankings",
      title: "League tables",
      paragraphs: [
        "League tables rank the regions under the same parent on a chosen indicator and period, with the change since the previous period. The top 20% are marked as leaders and the bottom 10% as called in for a talk, as in the local competitions. Each table states the indicator and period it ranks.",
      ],
    },
    {
      id: "revisions",
      title: "Releases, revisions and corrections",
      paragraphs: [
        "Figures are published in releases: a release is the data frozen as of a moment, such as “data as of the October 2026 bulletin”. Release dates are announced in the release calendar at least four weeks ahead.",
        "Returns are only ever appended: a correction is a new row that supersedes the old one from a recorded time. Any published release can therefore be recomputed exactly as it was, and researchers can cite a fixed version.",
        "When a published bulletin or release was wrong, a correction with its date and reason is appended to it and stays there for good; nothing is deleted or overwritten. Each release's page lists what changed since the previous one.",
      ],
    },
    {
      id: "units",
      title: "Units and rounding",
      paragraphs: [
        "Money is stored and downloaded as whole yuan. Chinese pages show 万元 (ten thousands, two decimals) and 亿元 from a hundred million; English pages show thousands and millions of yuan. Percentages have one decimal. CSV and JSON downloads carry the unrounded values.",
      ],
    },
  ],
};

export const METHODOLOGY_TEXT: Record<Lang, MethodologyText> = { zh, en };
