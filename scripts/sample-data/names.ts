/**
 * Plausible Chinese names for the invented records: supporting and dispatching units
 * (后盾单位 / 派出单位), claiming departments, and each area's local products, so that a
 * Wuzhou project grows 六堡茶 and a Changzhi one grows 小米.
 */
import type { ProblemCategory } from "./problems.ts";
import type { Rng } from "./random.ts";
import type { RegionIndex } from "./regions.ts";

/** How each province's own departments are styled: 广西 is an autonomous region. */
const PROVINCE_STYLE: Record<string, string> = {
  "14": "山西省",
  "37": "山东省",
  "45": "自治区",
  "52": "贵州省",
};
/** Guangxi and Guizhou are on China Southern Grid; Shanxi and Shandong on State Grid. */
const SOUTHERN_GRID = new Set(["45", "52"]);

/** Units that send work teams or back projects, for a place (any code under a county). */
export function unitsFor(idx: RegionIndex, code: string): string[] {
  const province = PROVINCE_STYLE[code.slice(0, 2)] as string;
  const city = idx.get(code.slice(0, 4)).name;
  const countyName = idx.get(code.slice(0, 6)).name;
  // Development zones have no county bureaus of their own: use the city's.
  const county = /开发区$/.test(countyName) ? city : countyName;
  const grid = SOUTHERN_GRID.has(code.slice(0, 2)) ? `${city}供电局` : `国网${city}供电公司`;
  return [
    `${province}农业农村厅`,
    `${province}财政厅`,
    `${province}自然资源厅`,
    `${province}交通运输厅`,
    `${province}卫生健康委员会`,
    `${city}委组织部`,
    `${city}财政局`,
    `${city}农业农村局`,
    `${city}交通运输局`,
    `${city}住房和城乡建设局`,
    `${city}人民医院`,
    `${city}供销合作社`,
    grid,
    `${county}财政局`,
    `${county}农业农村局`,
    `${county}水利局`,
    `${county}自然资源局`,
    `${county}教育局`,
    `${county}人民医院`,
    `${county}市场监督管理局`,
    `中国农业银行${countyName}支行`,
    `中国邮政储蓄银行${countyName}支行`,
    `中国移动${city}分公司`,
  ];
}

/** The department that claims a problem of each category (generic, so counts add up). */
export function departmentFor(category: ProblemCategory, rng: Rng): string {
  switch (category) {
    case "land":
      return "县自然资源局";
    case "water":
      return "县水利局";
    case "power":
      return "供电公司";
    case "funding":
      return "县财政局";
    case "approval":
      return rng.pick(["县发展改革局", "县行政审批局", "县生态环境局"]);
    case "technology":
      return "县农业农村局";
    case "market":
      return rng.pick(["县商务局", "县农业农村局"]);
    case "people":
      return "县人力资源社会保障局";
    default:
      return "乡镇人民政府";
  }
}

export interface Product {
  name: string;
  /** crop: grown on 亩; animal: kept by head (unit); aquatic: farmed on 亩 of water. */
  kind: "crop" | "animal" | "aquatic" | "processed";
  unit?: string;
}

const crop = (name: string): Product => ({ name, kind: "crop" });
const animal = (name: string, unit: string): Product => ({ name, kind: "animal", unit });

export const PRODUCTS: Record<string, Product[]> = {
  "4504": [
    crop("六堡茶"),
    crop("砂糖橘"),
    crop("沃柑"),
    crop("肉桂"),
    crop("八角"),
    crop("百香果"),
    crop("油茶"),
    crop("蚕桑"),
    animal("黑山羊", "只"),
    animal("三黄鸡", "羽"),
  ],
  "4513": [
    crop("甘蔗"),
    crop("蚕桑"),
    crop("砂糖橘"),
    crop("红心柚"),
    crop("香芋"),
    crop("金秀红茶"),
    crop("林下中药材"),
    animal("黑山羊", "只"),
    animal("肉牛", "头"),
  ],
  "1404": [
    crop("小米"),
    crop("党参"),
    crop("连翘"),
    crop("核桃"),
    crop("黄梨"),
    crop("辣椒"),
    { name: "食用菌", kind: "processed" },
    crop("设施蔬菜"),
    animal("肉牛", "头"),
    animal("生猪", "头"),
  ],
  "3705": [
    crop("黄河口大米"),
    crop("冬枣"),
    crop("设施蔬菜"),
    crop("芦笋"),
    crop("盐碱地大豆"),
    { name: "大闸蟹", kind: "aquatic" },
    { name: "南美白对虾", kind: "aquatic" },
    animal("奶牛", "头"),
  ],
  "370681": [
    crop("苹果"),
    crop("大樱桃"),
    crop("葡萄"),
    crop("设施蔬菜"),
    { name: "粉丝", kind: "processed" },
    { name: "海参", kind: "aquatic" },
  ],
  "520122": [
    crop("生态茶"),
    crop("辣椒"),
    crop("精品水果"),
    crop("中药材"),
    crop("蔬菜"),
    { name: "食用菌", kind: "processed" },
    animal("林下鸡", "羽"),
    animal("生猪", "头"),
  ],
};
