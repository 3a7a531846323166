import type { ReactNode } from 'react';

/** A table cell with a name and, under it in small print, what identifies it (an id, a version, a release). */
export function NameCell({ children, detail }: { children: ReactNode; detail: ReactNode }) {
  return (
    <td>
      {children}
      <div className="small muted">{detail}</div>
    </td>
  );
}
