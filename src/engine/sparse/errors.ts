/**
 * Why a factorization failed, in the original row and column numbers of the matrix, so that
 * callers (engine/lca.ts) can name the processes involved instead of returning NaN.
 */
export class SingularMatrixError extends Error {
  constructor(
    message: string,
    /** columns that cannot be given a pivot (structurally or numerically) */
    readonly columns: number[],
    /** rows left without a column, when the cause is structural */
    readonly rows: number[] = [],
  ) {
    super(message);
    this.name = 'SingularMatrixError';
  }
}

/** A pivot vanished against its column: the solution would be dominated by rounding error. */
export class IllConditionedError extends Error {
  constructor(
    message: string,
    readonly columns: number[],
    readonly rows: number[] = [],
  ) {
    super(message);
    this.name = 'IllConditionedError';
  }
}
