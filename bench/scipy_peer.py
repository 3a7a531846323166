"""The peer in `npm run bench`: scipy's SuperLU (scipy.sparse.linalg.splu, Brightway's default
solver) on the very matrices Tanji solves, timed inside Python so process start-up and file
parsing are not counted. Prints one JSON object of seconds per case and peak memory."""
import json
import resource
import sys

import numpy as np
import scipy.io
import scipy.sparse as sp
import scipy.sparse.linalg as spla

from peer_timing import median_time


def load(d, name):
    return sp.csc_matrix(scipy.io.mmread(f"{d}/{name}.mtx"))


def main():
    cfg = json.loads(sys.argv[1])
    out = {}
    d = cfg["uslci"]
    A, B, C = load(d, "A"), load(d, "B"), load(d, "C")
    c = np.asarray(C.todense()).ravel()
    n = A.shape[0]
    f = np.zeros(n)
    f[cfg["column"]] = 1.0

    def one_lca():
        lu = spla.splu(A)
        s = lu.solve(f)
        return c @ (B @ s)

    out["uslci-one-lca"] = median_time(one_lca, cfg["repeats"])

    def all_scores_adjoint():
        lu = spla.splu(A)
        return lu.solve(B.T @ c, trans="T")

    out["uslci-all-scores"] = median_time(all_scores_adjoint, cfg["repeats"])

    def all_scores_per_process():
        # what LCA tools do today: one forward solve per product (as a block of right-hand sides)
        lu = spla.splu(A)
        S = lu.solve(np.eye(n))
        return c @ (B @ S)

    out["uslci-all-scores-per-process"] = median_time(all_scores_per_process, 3)

    rng = np.random.default_rng(1)
    base = A.data.copy()
    bbase = B.data.copy()

    def monte_carlo():
        # Brightway's loop: new values, a new factorization every iteration, one solve
        for _ in range(cfg["iterations"]):
            a = sp.csc_matrix((base * rng.lognormal(0.0, 0.05, base.size), A.indices, A.indptr), shape=A.shape)
            b = sp.csc_matrix((bbase * rng.lognormal(0.0, 0.05, bbase.size), B.indices, B.indptr), shape=B.shape)
            s = spla.splu(a).solve(f)
            c @ (b @ s)

    out["uslci-montecarlo-1000"] = median_time(monte_carlo, 1)

    big = cfg.get("scaled")
    if big:
        A2, B2, C2 = load(big, "A"), load(big, "B"), load(big, "C")
        c2 = np.asarray(C2.todense()).ravel()
        f2 = np.zeros(A2.shape[0])
        f2[cfg["scaledColumn"]] = 1.0

        def scaled():
            s = spla.splu(A2).solve(f2)
            return c2 @ (B2 @ s)

        out["scaled-31-provinces-one-lca"] = median_time(scaled, max(1, cfg["repeats"] // 4))
        out["scaledSize"] = A2.shape[0]
    out["peakRssMiB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))


main()
