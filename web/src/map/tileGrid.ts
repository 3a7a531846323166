/**
 * Tile-grid cartogram of China's 31 provinces: one equal square per province, placed at the
 * row (north → south) and column (west → east) that best keeps its neighbours around it.
 * Equal tiles give every province the same visual weight, which a choropleth of area would not.
 */
export interface Tile {
  row: number;
  col: number;
}

export const TILE_GRID: Readonly<Record<string, Tile>> = {
  'CN-HL': { row: 0, col: 7 },
  'CN-NM': { row: 1, col: 4 },
  'CN-BJ': { row: 1, col: 5 },
  'CN-LN': { row: 1, col: 6 },
  'CN-JL': { row: 1, col: 7 },
  'CN-XJ': { row: 2, col: 1 },
  'CN-GS': { row: 2, col: 2 },
  'CN-NX': { row: 2, col: 3 },
  'CN-SX': { row: 2, col: 4 },
  'CN-HE': { row: 2, col: 5 },
  'CN-TJ': { row: 2, col: 6 },
  'CN-QH': { row: 3, col: 2 },
  'CN-SN': { row: 3, col: 3 },
  'CN-HA': { row: 3, col: 4 },
  'CN-SD': { row: 3, col: 5 },
  'CN-XZ': { row: 4, col: 1 },
  'CN-SC': { row: 4, col: 2 },
  'CN-CQ': { row: 4, col: 3 },
  'CN-HB': { row: 4, col: 4 },
  'CN-AH': { row: 4, col: 5 },
  'CN-JS': { row: 4, col: 6 },
  'CN-SH': { row: 4, col: 7 },
  'CN-YN': { row: 5, col: 2 },
  'CN-GZ': { row: 5, col: 3 },
  'CN-HN': { row: 5, col: 4 },
  'CN-JX': { row: 5, col: 5 },
  'CN-ZJ': { row: 5, col: 6 },
  'CN-GX': { row: 6, col: 3 },
  'CN-GD': { row: 6, col: 4 },
  'CN-FJ': { row: 6, col: 5 },
  'CN-HI': { row: 7, col: 3 },
};

export const GRID_ROWS = 1 + Math.max(...Object.values(TILE_GRID).map((t) => t.row));
export const GRID_COLS = 1 + Math.max(...Object.values(TILE_GRID).map((t) => t.col));
