export interface ImportOptions {
  /** called after each process with the count done and the total */
  onProgress?(done: number, total: number): void;
  /** database name (default: the zip's file name without .zip) */
  name?: string;
  /** data the importer repairs or leaves out instead of failing (e.g. incomplete allocation factors) */
  onWarning?(message: string): void;
}
