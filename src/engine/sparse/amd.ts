/**
 * Approximate minimum degree ordering (Amestoy, Davis and Duff) on the quotient graph, for one
 * diagonal block of B + Bᵀ. Eliminated variables become elements instead of cliques, so memory
 * stays at the size of the graph whatever the fill; external degrees are bounded from the set
 * differences |Le \ Lk|; indistinguishable variables are merged into supervariables, variables
 * left adjacent only to the new element are eliminated with it (mass elimination), and elements
 * covered by the new one are absorbed.
 *
 * Rows denser than max(16, 10·√n) (hubs such as grid electricity in a large database) are
 * ordered last, as in AMD.
 */

/** neighbours[v]: the vertices adjacent to v, no self loops, each edge given both ways. */
export function approximateMinimumDegree(neighbours: number[][]): Int32Array {
  const n = neighbours.length;
  const order = new Int32Array(n);
  let placed = 0;
  const dense = Math.max(16, 10 * Math.sqrt(n));
  /** supervariable weight; 0 once absorbed or eliminated */
  const nv = new Int32Array(n).fill(1);
  const degree = new Int32Array(n);
  /** elements adjacent to a variable, and the variables an element still covers */
  const elems: number[][] = Array.from({ length: n }, () => []);
  const vars: number[][] = neighbours.map((a) => a.slice());
  const covers: number[][] = Array.from({ length: n }, () => []);
  const elemWeight = new Int32Array(n);
  const aliveElement = new Uint8Array(n);
  /** variables merged into or eliminated with each principal, in order */
  const members: number[][] = Array.from({ length: n }, () => []);
  const head = new Int32Array(n + 1).fill(-1);
  const next = new Int32Array(n).fill(-1);
  const prev = new Int32Array(n).fill(-1);
  const inList = new Uint8Array(n);
  const insert = (v: number) => {
    const d = degree[v];
    prev[v] = -1;
    next[v] = head[d];
    if (head[d] >= 0) prev[head[d]] = v;
    head[d] = v;
    inList[v] = 1;
  };
  const remove = (v: number) => {
    if (!inList[v]) return;
    if (prev[v] >= 0) next[prev[v]] = next[v];
    else head[degree[v]] = next[v];
    if (next[v] >= 0) prev[next[v]] = prev[v];
    inList[v] = 0;
  };
  const denseLast: number[] = [];
  let eliminated = 0;
  for (let v = n - 1; v >= 0; v--) {
    if (neighbours[v].length > dense) {
      nv[v] = 0;
      denseLast.push(v);
      eliminated++;
    }
  }
  for (let v = n - 1; v >= 0; v--) {
    if (nv[v] === 0) continue;
    vars[v] = vars[v].filter((u) => nv[u] > 0);
    degree[v] = vars[v].length;
    insert(v);
  }
  const stamp = new Int32Array(n);
  let mark = 0;
  /** w[e] − mark = |Le \ Lk| while w[e] ≥ mark */
  const w = new Float64Array(n);
  let minDeg = 0;
  while (placed + denseLast.length < n) {
    while (minDeg < n && head[minDeg] < 0) minDeg++;
    const k = head[minDeg];
    remove(k);
    // Lk: the variables of k's elements and k's own variables
    mark++;
    stamp[k] = mark;
    const Lk: number[] = [];
    let dk = 0;
    const take = (i: number) => {
      if (nv[i] <= 0 || stamp[i] === mark) return;
      stamp[i] = mark;
      Lk.push(i);
      dk += nv[i];
    };
    for (const e of elems[k]) {
      if (!aliveElement[e]) continue;
      for (const i of covers[e]) take(i);
      aliveElement[e] = 0;
      covers[e] = [];
    }
    for (const i of vars[k]) take(i);
    elems[k] = [];
    vars[k] = [];
    const nvk0 = nv[k];
    eliminated += nvk0;
    // scan 1: |Le \ Lk| for every element touching Lk
    const wBase = 4 * n + 1;
    const wMark = mark * wBase;
    for (const i of Lk) {
      remove(i);
      for (const e of elems[i]) {
        if (!aliveElement[e]) continue;
        if (w[e] >= wMark) w[e] -= nv[i];
        else w[e] = wMark + elemWeight[e] - nv[i];
      }
    }
    // scan 2: new element lists, pruned variable lists, degree bounds, hashes
    const hashOf = new Map<number, number[]>();
    const survivors: number[] = [];
    for (const i of Lk) {
      let d = 0;
      let h = k;
      const keptElems = [k];
      for (const e of elems[i]) {
        if (!aliveElement[e]) continue;
        const ext = w[e] - wMark;
        if (ext > 0) {
          d += ext;
          keptElems.push(e);
          h += e;
        } else {
          aliveElement[e] = 0;
          covers[e] = [];
        }
      }
      const keptVars: number[] = [];
      for (const j of vars[i]) {
        if (nv[j] <= 0 || stamp[j] === mark) continue;
        d += nv[j];
        keptVars.push(j);
        h += j;
      }
      elems[i] = keptElems;
      vars[i] = keptVars;
      if (d === 0) {
        // only element k is left: i is eliminated together with k
        members[k].push(i, ...members[i]);
        members[i] = [];
        eliminated += nv[i];
        dk -= nv[i];
        nv[i] = 0;
        elems[i] = [];
        continue;
      }
      degree[i] = Math.min(degree[i], d);
      const bucket = hashOf.get(h % n);
      if (bucket) bucket.push(i);
      else hashOf.set(h % n, [i]);
      survivors.push(i);
    }
    // supervariables: variables with identical element and variable lists
    for (const bucket of hashOf.values()) {
      if (bucket.length < 2) continue;
      for (let a = 0; a < bucket.length; a++) {
        const i = bucket[a];
        if (nv[i] <= 0) continue;
        let setI: Set<number> | null = null;
        for (let b = a + 1; b < bucket.length; b++) {
          const j = bucket[b];
          if (nv[j] <= 0 || elems[j].length !== elems[i].length || vars[j].length !== vars[i].length) continue;
          setI ??= new Set([...elems[i].map((e) => -1 - e), ...vars[i]]);
          if (!elems[j].every((e) => setI!.has(-1 - e)) || !vars[j].every((v) => setI!.has(v))) continue;
          members[i].push(j, ...members[j]);
          members[j] = [];
          nv[i] += nv[j];
          nv[j] = 0;
          elems[j] = [];
          vars[j] = [];
        }
      }
    }
    // the new element k, and the degrees of the variables it covers
    const cover: number[] = [];
    const remaining = n - eliminated;
    for (const i of survivors) {
      if (nv[i] <= 0) continue;
      cover.push(i);
      degree[i] = Math.max(0, Math.min(degree[i] + dk - nv[i], remaining - nv[i]));
      insert(i);
      if (degree[i] < minDeg) minDeg = degree[i];
    }
    covers[k] = cover;
    elemWeight[k] = dk;
    aliveElement[k] = cover.length > 0 ? 1 : 0;
    nv[k] = 0;
    order[placed++] = k;
    for (const m of members[k]) order[placed++] = m;
    members[k] = [];
  }
  for (const v of denseLast) order[placed++] = v;
  return order;
}
