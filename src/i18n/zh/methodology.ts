/**
 * The methodology page's words (src/components/methodology/MethodologyPage.astro), with how
 * each indicator is computed (src/lib/methodology.ts gives each indicator its unit). Part
 * of the Chinese dictionary (zh.ts spreads it in); en/methodology.ts has the same keys.
 */
export const zhMethodology = {
  "methodology.title": "方法说明",
  "methodology.lede":
    "本页说明网站上每个数字是怎么来的：数据来源、收入恒等式和收入分档、各项指标的算法、报送率、报送及时率、当年累计数、同比增长的匹配样本，以及数据发布、修订和更正的规则。",
  "methodology.contents": "本页目录",
  "methodology.identity.title": "收入恒等式",
  "methodology.identity.lead":
    "每个村委会每月报送当年累计的集体经济收入，按来源分为五项。每一份报表都必须满足下面的恒等式，不满足的行在上传时被拒收，数据库也会拒绝写入：",
  "methodology.identity.total": "总收入",
  "methodology.identity.earned":
    "经营性收入＝总收入－补助收入。网站总把它和总收入并列显示，上级补助不能冒充村集体自己挣的收入。",
  "methodology.bands.title": "收入分档",
  "methodology.bands.lead":
    "按当期累计总收入把报送的村分为七档。边界值计入较高一档，例如恰好10万元的村计入“10万—30万元”。12月的分档就是全年收入的分档，即文件中常说的“收入超过10万元的村”。",
  "methodology.bands.band": "档次",
  "methodology.bands.from": "不少于",
  "methodology.bands.below": "少于",
  "methodology.indicators.title": "指标定义",
  "methodology.indicators.lead":
    "以下指标按地区（省、市、县、乡镇、村）和统计月份计算，只统计该地区内的村委会。凡是比率，网站和接口都同时公布分子和分母。",
  "methodology.indicators.unit": "单位：{unit}",
  "methodology.charts.title": "图表说明",
  "methodology.charts.lead": "每张图表的“说明”标签页显示的就是下面的定义。",
  "methodology.charts.income": "收入走势",
  "methodology.charts.bands": "收入分档",
  "methodology.charts.sources": "收入来源",
  "methodology.charts.coverage": "报送率",
  "methodology.coverage.title": "报送率",
  "methodology.coverage.p1":
    "报送率＝当月报送了收入报表的村委会数 ÷ 地区内村委会总数。总收入、中位数、分档和各项占比都只统计报送了的村，所以报送率低的月份，合计数会偏低。页面在每个地区的主要指标里显示报送率和报送村数。",
  "methodology.coverage.p2":
    "城镇社区（区划代码末三位001—199）是地图上的地区，但不是村集体经济组织，不计入任何村级指标。",
  "methodology.punctuality.title": "报送及时率",
  "methodology.punctuality.p1":
    "报送及时率＝按时报送的村委会数 ÷ 地区内村委会总数。每月的报表应在次月10日（北京时间）当天或之前报送；截止日是网站的一项配置，默认为10日。是否按时，看这个村这一期报表首次报送的时间：此后的补报和更正是新增的一行，不改变首次报送的时间。",
  "methodology.punctuality.p2":
    "截止日之后才首次报送的为迟报，迟报天数是首次报送的日期（北京时间）比截止日晚的日历天数；页面显示迟报村数和平均迟报天数。截止日已过仍没有报表的村为未报；截止日未到时，还没有报送的村只是尚未报送，不算未报。报送率只看有没有报表，报送及时率还看什么时候报的：迟报的村计入报送率，不计入报送及时率。",
  "methodology.punctuality.p3":
    "每次发布按冻结时已有的报表计算，发布以后才补报的村在该次发布中仍是未报。每期公报的提醒函列出迟报的村和迟报天数，以及有迟报、未报村的乡镇；开放数据 reporting-punctuality 给出每个地区每月的按时、迟报、未报村数。",
  "methodology.yearToDate.title": "当年累计数",
  "methodology.yearToDate.p1":
    "月报填报的是当年1月到本月的累计数，与我国月度统计的惯例一致。所以10月的数是1—10月累计，12月的数就是全年数。不同年份只比较同一月份的累计数。",
  "methodology.growth.title": "同比增长（匹配样本）",
  "methodology.growth.p1":
    "同比增长只比较本期和上年同期都报送了的村：这些村本期累计收入之和，除以它们上年同期累计收入之和，再减1。这样，新增或缺报的村不会制造虚假的增长或下降。页面同时显示匹配样本的村数。",
  "methodology.activity.title": "项目、问题清单和任期目标",
  "methodology.activity.p1":
    "项目：按状态（{statuses}）和类别（{categories}）计数；预算和累计投资按元相加；超过计划完工日期仍未完工的项目标为逾期。",
  "methodology.activity.p2":
    "问题清单：每个问题经历“收集—认领—解决—销号”，每一步都有日期。办结率＝（已解决＋已销号）÷ 收集总数。认领用时和解决用时取中位数（天）。未销号且超期的问题按认领部门统计。",
  "methodology.activity.p3":
    "任期目标：驻村工作队与村委会签订的目标，分{phases}三个阶段，每个目标有基线值、目标值和实际值。状态为{targetStatuses}。工作队只公布人数和派出单位，不公布个人信息。",
  "methodology.rankings.title": "比武榜",
  "methodology.rankings.p1":
    "比武榜把同一上级下的地区按选定指标和统计期排名，并列出与上一期相比的变化。排名前20%的地区标为“擂主”，后10%的标为“约谈”，与各地比武打擂的做法一致。榜单上写明所排的指标和统计期。",
  "methodology.revisions.title": "发布、修订和更正",
  "methodology.revisions.p1":
    "数据按“发布”公布：每次发布是某一时刻的数据冻结版本，例如“截至2026年10月进度表的数据”。发布日期至少提前四周列入发布日历。",
  "methodology.revisions.p2":
    "报表只追加、不改写：更正一个数字，是新增一行报表，注明取代旧行的时间。因此任何一次已发布的数据都可以按当时的样子重新算出，研究者可以引用固定的版本。",
  "methodology.revisions.p3":
    "已发布的公报或数据如有错误，更正说明连同日期和原因附在原处，永久保留，不删除、不覆盖。每次发布的页面列出与上一次发布相比改动了什么。",
  "methodology.units.title": "单位和取整",
  "methodology.units.p1":
    "金额以人民币元为整数存储和下载；中文页面以万元（保留两位小数）显示，1亿元以上以亿元显示；英文页面以千元、百万元显示。百分比保留一位小数。下载的CSV和JSON给出未取整的原始数。",
  // How each indicator is computed, and the units they are given in.
  "methodology.formula.villages": "地区内村委会的个数（区划代码末三位200—399），不含城镇社区。",
  "methodology.formula.reporting": "当月报送了收入报表的村委会数；分母为村委会数。",
  "methodology.formula.coverage": "报送村数 ÷ 村委会数。",
  "methodology.formula.income_total": "报送村当年累计总收入之和；未报送的村不计入。",
  "methodology.formula.income_median":
    "把报送村的累计总收入从小到大排列后居中的数；村数为偶数时取中间两个数的平均。",
  "methodology.formula.income_mean": "集体经济收入合计 ÷ 报送村数。",
  "methodology.formula.earned_income":
    "集体经济收入合计 − 补助收入合计，与总收入并列显示，补助不能冒充村集体挣的收入。",
  "methodology.formula.share_ge_10w":
    "当期累计收入达到10万元及以上的报送村数 ÷ 报送村数。恰好等于10万元的村计入。",
  "methodology.formula.share_ge_30w":
    "当期累计收入达到30万元及以上的报送村数 ÷ 报送村数。恰好等于30万元的村计入。",
  "methodology.formula.share_ge_50w":
    "当期累计收入达到50万元及以上的报送村数 ÷ 报送村数。恰好等于50万元的村计入。",
  "methodology.formula.share_ge_100w":
    "当期累计收入达到100万元及以上的报送村数 ÷ 报送村数。恰好等于100万元的村计入。",
  "methodology.formula.weak_villages":
    "当期累计收入不足5万元的报送村数（含收入为0的空壳村）；分母为报送村数。",
  "methodology.formula.subsidy_share": "补助收入合计 ÷ 集体经济收入合计。",
  "methodology.formula.yoy_growth":
    "只比较当期和上年同期都报送了的村（匹配样本）：这些村本期累计收入之和 ÷ 它们上年同期累计收入之和 − 1。",
  "methodology.formula.reported_on_time":
    "报送截止日（默认为次月10日，北京时间，可配置）当天或之前首次报送了当月报表的村委会数 ÷ 村委会数。之后补报或更正不改变首次报送的时间；截止日后首次报送的为迟报，记迟报天数；截止日已过仍未报送的为未报。",
  "methodology.unit.yuan": "元（页面以万元、亿元显示）",
  "methodology.unit.villages": "个",
  "methodology.unit.percent": "%",
} as const;
