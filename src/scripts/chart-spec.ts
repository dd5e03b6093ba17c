/** What the server hands a chart: plain data only, so it can be embedded as JSON. */
export interface ChartSpec {
  type: "line" | "bar";
  labels: string[];
  datasets: { label: string; data: (number | null)[] }[];
  /** How axis ticks and tooltips show values: money (yuan) or a count. */
  unit: "money" | "count";
  /** Stack the bars (income by source). */
  stacked?: boolean;
  /**
   * Colours: by default a sequence (years, the latest darkest); "categories" gives each line
   * its own colour and dash (the regions of a comparison, up to six).
   */
  palette?: "categories";
}
