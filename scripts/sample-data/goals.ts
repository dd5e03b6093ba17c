/**
 * Term-target templates (任期目标): a title with its numbers, the metric it is measured
 * by, a baseline and a target, and the measures (措施) it breaks into. Products come from
 * names.ts, so a Wuzhou team grows 六堡茶 and a Changzhi one 小米.
 */
import type { Product } from "./names.ts";
import type { Rng } from "./random.ts";

export type TargetCategory =
  "industry" | "infrastructure" | "livelihood" | "ecology" | "governance" | "other";

export interface Goal {
  title: string;
  category: TargetCategory;
  metric: string;
  unit: string;
  baseline: number;
  target: number;
  /** Precision of the metric (1 = whole numbers, 0.1 = one decimal). */
  step: number;
  /** The most the metric can reach (100%, or "one service centre"). */
  cap?: number;
  measures: string[];
}

export const GENERIC_MEASURES = [
  "召开村民代表大会议定实施方案",
  "争取派出单位帮扶资金",
  "党员干部包片推进",
  "每月向派出单位报告进度",
];

/** Draws a goal: a kind by weight, then its numbers, then the title that quotes them. */
export function drawGoal(rng: Rng, products: Product[]): Goal {
  const p = rng.pick(products);
  const kind = rng.weighted([
    ["product", 5],
    ["road", 1.5],
    ["canal", 1],
    ["solar", 1],
    ["jobs", 1.5],
    ["training", 1],
    ["housing", 0.8],
    ["toilets", 1],
    ["trees", 0.8],
    ["sewage", 0.8],
    ["disputes", 0.8],
    ["cadres", 0.8],
    ["centre", 0.5],
    ["square", 0.5],
    ["events", 0.6],
  ] as const);
  const n = (baseline: number, target: number) => ({ baseline, target });
  switch (kind) {
    case "product": {
      if (p.kind === "animal") {
        const v = n(rng.int(0, 30) * 10, 0);
        v.target = v.baseline + rng.int(4, 20) * 50;
        return {
          title: `发展${p.name}养殖 ${v.target} ${p.unit}以上`,
          category: "industry",
          metric: `${p.name}存栏`,
          unit: p.unit as string,
          ...v,
          step: 1,
          measures: [
            "建设标准化圈舍",
            `引进${p.name}良种`,
            "开展防疫技术培训",
            "合作社统一收购销售",
          ],
        };
      }
      if (p.kind === "processed") {
        const v = n(rng.int(0, 20), 0);
        v.target = v.baseline + rng.int(20, 80);
        return {
          title: `${p.name}加工年产值达到 ${v.target} 万元`,
          category: "industry",
          metric: `${p.name}加工年产值`,
          unit: "万元",
          ...v,
          step: 0.1,
          measures: ["改造加工车间", "申请食品生产许可", "对接电商平台销售"],
        };
      }
      const v = n(rng.int(0, 20) * 10, 0);
      v.target = v.baseline + rng.int(2, 12) * 50;
      const farmed = p.kind === "aquatic" ? "养殖" : "种植";
      return {
        title: `发展${p.name}${farmed} ${v.target} 亩以上`,
        category: "industry",
        metric: `${p.name}${farmed}面积`,
        unit: "亩",
        ...v,
        step: 1,
        measures: [
          `成立${p.name}专业合作社`,
          "流转撂荒地集中连片发展",
          `邀请农技专家开展${p.name}技术培训`,
          "与龙头企业签订保底收购协议",
        ],
      };
    }
    case "road":
    case "canal": {
      const target = rng.int(15, 80) / 10;
      const what =
        kind === "road"
          ? ["硬化村屯道路", "道路硬化里程"]
          : ["新建（修复）灌溉渠道", "灌溉渠道里程"];
      return {
        title: `${what[0]} ${target} 公里`,
        category: "infrastructure",
        metric: what[1] as string,
        unit: "公里",
        baseline: 0,
        target,
        step: 0.1,
        measures: ["争取交通水利项目资金", "群众投工投劳", "组织质量监督验收"],
      };
    }
    case "solar": {
      const target = rng.int(5, 30) * 10;
      return {
        title: `建成村级光伏电站 ${target} 千瓦`,
        category: "industry",
        metric: "光伏装机容量",
        unit: "千瓦",
        baseline: 0,
        target,
        step: 1,
        measures: ["利用村部和学校屋顶建设", "申请并网接入", "发电收益纳入村集体收入"],
      };
    }
    case "jobs": {
      const v = n(rng.int(0, 30), 0);
      v.target = v.baseline + rng.int(20, 80);
      return {
        title: `新增稳定就业 ${v.target} 人`,
        category: "livelihood",
        metric: "稳定就业人数",
        unit: "人",
        ...v,
        step: 1,
        measures: ["建设就业帮扶车间", "组织劳务输出对接", "开发村级公益性岗位"],
      };
    }
    case "training": {
      const target = rng.int(10, 40) * 10;
      return {
        title: `开展实用技能培训 ${target} 人次`,
        category: "livelihood",
        metric: "培训人次",
        unit: "人次",
        baseline: 0,
        target,
        step: 1,
        measures: ["开设农民夜校", "邀请技术能手现场教学"],
      };
    }
    case "housing": {
      const target = rng.int(5, 30);
      return {
        title: `完成农村危房改造 ${target} 户`,
        category: "livelihood",
        metric: "危房改造户数",
        unit: "户",
        baseline: 0,
        target,
        step: 1,
        measures: ["逐户排查鉴定", "落实改造补助资金", "组织竣工验收"],
      };
    }
    case "toilets": {
      const v = n(rng.int(0, 50), 0);
      v.target = v.baseline + rng.int(30, 150);
      return {
        title: `完成农村户厕改造 ${v.target} 户`,
        category: "ecology",
        metric: "户厕改造户数",
        unit: "户",
        ...v,
        step: 1,
        measures: ["统一采购三格式化粪池", "党员示范带动", "建立管护机制"],
      };
    }
    case "trees": {
      const target = rng.int(5, 40) * 10;
      return {
        title: `植树造林 ${target} 亩`,
        category: "ecology",
        metric: "造林面积",
        unit: "亩",
        baseline: 0,
        target,
        step: 1,
        measures: ["组织义务植树", "落实林木管护责任"],
      };
    }
    case "sewage": {
      const v = n(rng.int(20, 60), rng.int(80, 95));
      return {
        title: `生活污水处理覆盖率达到 ${v.target}%`,
        category: "ecology",
        metric: "生活污水处理覆盖率",
        unit: "%",
        ...v,
        step: 1,
        cap: 100,
        measures: ["建设污水收集管网", "建设人工湿地处理设施"],
      };
    }
    case "disputes": {
      const v = n(rng.int(80, 90), rng.int(95, 98));
      return {
        title: `矛盾纠纷调处率达到 ${v.target}%`,
        category: "governance",
        metric: "矛盾纠纷调处率",
        unit: "%",
        ...v,
        step: 1,
        cap: 100,
        measures: ["建立矛盾纠纷排查台账", "设立村级调解室", "推行积分制管理"],
      };
    }
    case "cadres": {
      const v = n(rng.int(0, 2), 0);
      v.target = v.baseline + rng.int(2, 5);
      return {
        title: `培养村级后备干部 ${v.target} 名`,
        category: "governance",
        metric: "后备干部人数",
        unit: "名",
        ...v,
        step: 1,
        measures: ["从返乡青年中选育", "安排跟岗锻炼"],
      };
    }
    case "centre":
      return {
        title: "建成村级综合服务中心 1 个",
        category: "governance",
        metric: "综合服务中心",
        unit: "个",
        baseline: 0,
        target: 1,
        step: 1,
        cap: 1,
        measures: ["争取项目资金改造村部", "设立便民服务窗口"],
      };
    case "square":
      return {
        title: "建设村级文化广场 1 处",
        category: "other",
        metric: "文化广场",
        unit: "处",
        baseline: 0,
        target: 1,
        step: 1,
        cap: 1,
        measures: ["盘活闲置地块", "配套健身器材"],
      };
    default: {
      const target = rng.int(6, 24);
      return {
        title: `组织村级文体活动 ${target} 场`,
        category: "other",
        metric: "文体活动场次",
        unit: "场",
        baseline: 0,
        target,
        step: 1,
        measures: ["组建村文艺队", "开展“村晚”和村BA活动"],
      };
    }
  }
}
