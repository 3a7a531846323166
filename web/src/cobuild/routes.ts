/**
 * The co-construction pages under #/cobuild, and the public open data pages under #/open-data.
 * router.ts delegates these paths here.
 */

export type CobuildView =
  | { kind: 'submissions' }
  | { kind: 'submit' }
  | { kind: 'submission'; id: string }
  | { kind: 'aggregates' }
  | { kind: 'releases' }
  | { kind: 'benchmarks' }
  | { kind: 'notifications' };

/** The parts after "cobuild", or undefined when they name no page. */
export function parseCobuildView(parts: string[]): CobuildView | undefined {
  const [first, second] = parts;
  if (parts.length === 0 || (first === 'submissions' && parts.length === 1)) return { kind: 'submissions' };
  if (first === 'submissions' && second && parts.length === 2) return { kind: 'submission', id: second };
  if (parts.length !== 1) return undefined;
  if (
    first === 'submit' ||
    first === 'aggregates' ||
    first === 'releases' ||
    first === 'benchmarks' ||
    first === 'notifications'
  )
    return { kind: first };
  return undefined;
}

export function cobuildHref(view: CobuildView): string {
  switch (view.kind) {
    case 'submissions':
      return '#/cobuild';
    case 'submission':
      return `#/cobuild/submissions/${encodeURIComponent(view.id)}`;
    default:
      return `#/cobuild/${view.kind}`;
  }
}

export function openDataHref(release?: string): string {
  return release ? `#/open-data/${encodeURIComponent(release)}` : '#/open-data';
}
