/** The words of chart sharing and embedding: the keys of zh/embed.ts, in English (en.ts spreads it in). */
import type { zhEmbed } from "../zh/embed.ts";

export const enEmbed = {
  "embed.heading": "{region}: {chart}",
  "embed.source": "Source: {site}. {source} Licence: {licence}.",
  "embed.period": "Period: {period}",
  "embed.updated": "data updated {date}",
  "embed.viewAll": "See all figures for {region} on Village Ledger",
  "embed.problemTitle": "This chart cannot be shown",
  "embed.unknownChart":
    "There is no chart called “{chart}”. Charts that can be embedded: {charts}.",
  "embed.notForRegion":
    "The page of {region} ({code}) has no such chart: village pages have no income-band or reporting chart.",
  "embed.share.heading": "Share and embed",
  "embed.share.link": "Permanent link to this chart (the period stays {period})",
  "embed.share.code": "Embed code: paste it into your web page to show this chart with its table",
  "embed.share.copyLink": "Copy link",
  "embed.share.copyCode": "Copy embed code",
  "embed.share.copied": "Copied",
  "embed.share.copyFailed": "Could not copy: select the text and copy it yourself",
  "embed.share.images": "Download as an image:",
  "embed.share.svg": "SVG (vector)",
  "embed.share.png": "PNG (picture)",
  "embed.share.pngFailed": "The PNG could not be made; please use the SVG instead.",
} as const satisfies { readonly [K in keyof typeof zhEmbed]: string };
