/**
 * The words of chart sharing and embedding: the embed pages (/embed/{code}/{chart}), the
 * share block of a chart's download tab, and the SVG images drawn on the server. Part of
 * the Chinese dictionary (zh.ts spreads it in); en/embed.ts has the same keys.
 */
export const zhEmbed = {
  "embed.heading": "{region}：{chart}",
  "embed.source": "来源：{site}。{source}许可：{licence}。",
  "embed.period": "统计期：{period}",
  "embed.updated": "数据更新于 {date}",
  "embed.viewAll": "在村务公开台账查看{region}的全部数据",
  "embed.problemTitle": "无法显示这张图",
  "embed.unknownChart": "没有名为“{chart}”的图。可以嵌入的图：{charts}。",
  "embed.notForRegion": "{region}（{code}）的页面没有这张图：村级页面没有收入分档图和报送情况图。",
  "embed.share.heading": "分享与嵌入",
  "embed.share.link": "这张图的固定链接（统计期固定为{period}）",
  "embed.share.code": "嵌入代码：复制到你的网页中，显示这张图和它的数据表",
  "embed.share.copyLink": "复制链接",
  "embed.share.copyCode": "复制嵌入代码",
  "embed.share.copied": "已复制",
  "embed.share.copyFailed": "无法自动复制，请选中后手动复制",
  "embed.share.images": "下载图片：",
  "embed.share.svg": "SVG 矢量图",
  "embed.share.png": "PNG 图片",
  "embed.share.pngFailed": "PNG 图片生成失败，请改用 SVG 矢量图。",
} as const;
