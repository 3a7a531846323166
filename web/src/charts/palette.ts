/** Chart colours, matching the CSS variables in styles.css. */
export const PALETTE = {
  primary: '#2f6f5e',
  primaryLight: '#b9d6cc',
  text: '#26302c',
  muted: '#6b7772',
  grid: '#e3e8e5',
  /** removals (carbon taken up), apart from the emissions' green so a flow reads as the other direction */
  removal: '#2b7bb9',
  scale: ['#f1f7ea', '#c6e2b3', '#8cc084', '#4f9a68', '#2f6f5e', '#1c4a3f'],
} as const;

/**
 * The page's fonts without the ones that resolve by language (system-ui, -apple-system): ECharts
 * measures a label on a canvas that has no language, so a font chosen by the page's language
 * (a Chinese page's Latin letters from a CJK font) would draw wider than measured and run over.
 */
export const CHART_FONT =
  "'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";
