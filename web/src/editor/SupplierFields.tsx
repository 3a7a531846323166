import type { GhgLine } from '../../../src/model/method.ts';
import type { EvidenceType } from '../../../src/model/study.ts';
import { useI18n } from '../i18n/context.tsx';
import { EVIDENCE_TYPES } from '../lib/enums.ts';
import type { DraftField, EntryDraft } from '../study/entryDraft.ts';

interface SupplierFieldsProps {
  value: EntryDraft['supplier'];
  unit: string;
  lines: GhgLine[];
  invalid: (field: DraftField) => true | undefined;
  onChange: (value: EntryDraft['supplier']) => void;
}

/** A supplier's own footprint needs the statement it comes from. */
export function SupplierFields({ value, unit, lines, invalid, onChange }: SupplierFieldsProps) {
  const { t } = useI18n();
  const set = (patch: Partial<EntryDraft['supplier']>) => onChange({ ...value, ...patch });
  return (
    <>
      <label className="field span-2">
        <span>{t('supplier.name')} *</span>
        <input
          value={value.supplier}
          onChange={(e) => set({ supplier: e.target.value })}
          aria-invalid={invalid('supplier')}
          data-testid="supplier-name"
        />
      </label>
      <label className="field">
        <span>
          {t('supplier.value')} (kg CO2e/{unit || '…'}) *
        </span>
        <input
          inputMode="decimal"
          value={value.kgCo2ePerUnit}
          onChange={(e) => set({ kgCo2ePerUnit: e.target.value })}
          aria-invalid={invalid('kgCo2ePerUnit')}
          data-testid="supplier-value"
        />
      </label>
      <label className="field">
        <span>{t('supplier.line')}</span>
        <select
          value={value.line}
          onChange={(e) => set({ line: e.target.value as GhgLine })}
          data-testid="supplier-line"
        >
          {lines.map((l) => (
            <option key={l} value={l}>
              {t(`line.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('supplier.evidenceType')}</span>
        <select
          value={value.evidenceType}
          onChange={(e) => set({ evidenceType: e.target.value as EvidenceType })}
          data-testid="supplier-evidence-type"
        >
          {EVIDENCE_TYPES.map((ev) => (
            <option key={ev} value={ev}>
              {t(`evidence.${ev}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field span-3">
        <span>{t('supplier.evidenceReference')} *</span>
        <input
          value={value.evidenceReference}
          placeholder={t('entry.evidenceReferenceHint')}
          onChange={(e) => set({ evidenceReference: e.target.value })}
          aria-invalid={invalid('supplierEvidence')}
          data-testid="supplier-evidence-ref"
        />
      </label>
    </>
  );
}
