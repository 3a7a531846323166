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
  | { kind: 'notifications' }
  | { kind: 'screen'; release?: string };

/** The parts after "cobuild", or undefined when they name no page. */
export function parseCobuildView(parts: string[]): CobuildView | undefined {
  const [first, second] = parts;
  if (parts.length === 0 || (first === 'submissions' && parts.length === 1)) return { kind: 'submissions' };
  if (first === 'submissions' && second && parts.length === 2) return { kind: 'submission', id: second };
  if (first === 'screen' && parts.length <= 2) return { kind: 'screen', release: second };
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
    case 'screen':
      return view.release ? `#/cobuild/screen/${encodeURIComponent(view.release)}` : '#/cobuild/screen';
    default:
      return `#/cobuild/${view.kind}`;
  }
}

/** The open data page, of a release, with its datasets searched for `q` (a process id finds that process). */
export function openDataHref(release?: string, q?: string): string {
  if (!release) return '#/open-data';
  return `#/open-data/${encodeURIComponent(release)}${q ? `/${encodeURIComponent(q)}` : ''}`;
}
