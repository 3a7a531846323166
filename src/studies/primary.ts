import type { Entry, EvidenceType, PrimaryBasis } from '../model/study.ts';

/**
 * Primary data as PACT's primary data share counts it: by where the emission factor comes from,
 * not by how the activity amount was measured. A supplier's own footprint is supplier-specific; a
 * gas emitted or taken up at the site is site-specific when it was measured, metered or follows
 * from purchase records (refrigerant topped up = refrigerant leaked); a background dataset is an
 * industry average or generic value however exactly its amount was invoiced, so it is secondary.
 * A component study's footprint is counted secondary: its own entries decide how much of it is
 * primary, and that share is not carried over yet.
 */

const SITE_EVIDENCE: readonly EvidenceType[] = ['meter-reading', 'measurement', 'invoice'];

export function primaryBasisOf(entry: Entry): PrimaryBasis {
  switch (entry.source.type) {
    case 'supplier':
      return 'supplier-specific';
    case 'direct':
      return entry.evidence && SITE_EVIDENCE.includes(entry.evidence.type) ? 'site-specific' : 'default-estimate';
    case 'background':
      return 'background-dataset';
    case 'study':
      return 'component-study';
    case 'placeholder':
      // never calculated (perUnitOf refuses it); a rule's placeholder stands for a dataset still to choose
      return 'background-dataset';
  }
}

export const isPrimary = (basis: PrimaryBasis): boolean => basis === 'supplier-specific' || basis === 'site-specific';
