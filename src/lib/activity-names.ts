/**
 * The Chinese names of the categories and channels of projects, problems and targets:
 * one list for the pages (src/components/activity/strings.ts) and for uploads, which
 * accept these names as people write them (src/lib/upload/new-items.ts).
 */
export const PROJECT_CATEGORY_ZH = {
  industry: "产业",
  infrastructure: "基础设施",
  livelihood: "民生",
  ecology: "生态",
  other: "其他",
};

export const PROBLEM_CATEGORY_ZH = {
  land: "用地",
  water: "用水",
  power: "用电",
  funding: "资金",
  approval: "报批",
  technology: "技术",
  market: "市场",
  people: "人才",
  other: "其他",
};

export const PROBLEM_CHANNEL_ZH = {
  matchmaking: "项目对接会",
  direct_line: "书记直通车",
  visit: "走访",
  other: "其他",
};

export const TARGET_CATEGORY_ZH = {
  industry: "产业",
  infrastructure: "基础设施",
  livelihood: "民生",
  ecology: "生态",
  governance: "治理",
  other: "其他",
};
