/**
 * Field paths into a dataset, as comments and the audit trail name them: `factor.value`,
 * `factor.source.title`, `process.exchanges[3].amount`.
 */

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The leaf paths whose values differ between two versions, at most `limit` of them. */
export function changedPaths(a: Json, b: Json, limit = 50): string[] {
  const out: string[] = [];
  const walk = (x: Json, y: Json, path: string) => {
    if (out.length >= limit || JSON.stringify(x) === JSON.stringify(y)) return;
    if (Array.isArray(x) && Array.isArray(y)) {
      for (let i = 0; i < Math.max(x.length, y.length); i++) walk(x[i], y[i], `${path}[${i}]`);
    } else if (isObject(x) && isObject(y)) {
      for (const k of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort())
        walk(x[k], y[k], path ? `${path}.${k}` : k);
    } else out.push(path);
  };
  walk(a, b, '');
  return out;
}

const STEP = /^([^.[\]]+)|\.([^.[\]]+)|\[(\d+)\]/y;

/** The path's steps, or undefined when it is not a well-formed path. */
function steps(path: string): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  STEP.lastIndex = 0;
  while (STEP.lastIndex < path.length) {
    const at = STEP.lastIndex;
    const m = STEP.exec(path);
    if (!m || (at > 0 && m[1] !== undefined)) return undefined;
    out.push(m[3] !== undefined ? Number(m[3]) : (m[1] ?? m[2]));
  }
  return out.length ? out : undefined;
}

/** Whether the path names a field of the value (a missing optional field of a known object counts). */
export function hasPath(value: Json, path: string): boolean {
  const parts = steps(path);
  if (!parts) return false;
  let at: Json = value;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const last = i === parts.length - 1;
    if (typeof p === 'number') {
      if (!Array.isArray(at) || p >= at.length) return false;
      at = at[p];
    } else {
      if (!isObject(at)) return false;
      if (!(p in at)) return last;
      at = at[p];
    }
  }
  return true;
}
