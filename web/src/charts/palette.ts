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
