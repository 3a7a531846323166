import { unitGroupOf } from '../../../src/cobuild/datasets.ts';
import type { ProcessDataset } from '../../../src/cobuild/model.ts';
import type { Exchange, Unit } from '../../../src/model/lci.ts';

/**
 * A process submission's exchanges as the reviser edits them: the flow, the amount in a unit of
 * the flow's unit group, and the provider, as strings while typed. Applied to the dataset, an
 * amount is converted to the flow's reference unit (the unit every exchange amount is in) and the
 * amount as entered is kept in originalAmount/originalUnit, as importers do. Exchanges left as
 * they were stay exactly as they were; the server validates the rest.
 */

export interface ExchangeDraft {
  flowId: string;
  amount: string;
  unit: string;
  /** blank: linked by the default rule */
  providerId: string;
}

/** The units the flow's amounts may be entered in: its flow property's unit group; none when the dataset lacks them. */
export function unitsOf(d: ProcessDataset, flowId: string): Unit[] {
  const flow = d.flows.find((f) => f.id === flowId);
  return (flow && unitGroupOf(d, flow)?.units) ?? [];
}

function flowUnit(d: ProcessDataset, flowId: string): string {
  return d.flows.find((f) => f.id === flowId)?.unit ?? '';
}

/** As the data gives it: in the original unit when that is a unit of the flow's group, else in the flow's unit. */
export function exchangeDraft(d: ProcessDataset, e: Exchange): ExchangeDraft {
  const original =
    e.originalAmount !== undefined &&
    e.originalUnit !== undefined &&
    unitsOf(d, e.flowId).some((u) => u.name === e.originalUnit);
  return {
    flowId: e.flowId,
    amount: String(original ? e.originalAmount : e.amount),
    unit: original ? e.originalUnit! : flowUnit(d, e.flowId),
    providerId: e.providerId ?? '',
  };
}

export function exchangeDrafts(d: ProcessDataset): ExchangeDraft[] {
  return d.process.exchanges.map((e) => exchangeDraft(d, e));
}

/** A draft whose flow changed: its amount is kept, in the new flow's unit. */
export function withFlow(d: ProcessDataset, draft: ExchangeDraft, flowId: string): ExchangeDraft {
  return { ...draft, flowId, unit: flowUnit(d, flowId) };
}

const same = (a: ExchangeDraft, b: ExchangeDraft) =>
  a.flowId === b.flowId && a.amount === b.amount && a.unit === b.unit && a.providerId === b.providerId;

function edited(d: ProcessDataset, e: Exchange, draft: ExchangeDraft): Exchange {
  const { originalAmount: _amount, originalUnit: _unit, providerId: _provider, ...rest } = e;
  const entered = draft.amount.trim() === '' ? Number.NaN : Number(draft.amount);
  const units = unitsOf(d, draft.flowId);
  const unit = units.find((u) => u.name === draft.unit);
  const reference = units.find((u) => u.name === flowUnit(d, draft.flowId));
  const converted = unit && reference && unit !== reference;
  const exchange: Exchange = {
    ...rest,
    flowId: draft.flowId,
    amount: converted ? (entered * unit.factor) / reference.factor : entered,
  };
  if (converted) Object.assign(exchange, { originalAmount: entered, originalUnit: unit.name });
  if (draft.providerId.trim()) exchange.providerId = draft.providerId.trim();
  return exchange;
}

export function applyExchangeDrafts(d: ProcessDataset, drafts: readonly ExchangeDraft[]): ProcessDataset {
  const exchanges = d.process.exchanges.map((e, i) =>
    same(drafts[i], exchangeDraft(d, e)) ? e : edited(d, e, drafts[i]),
  );
  return { ...d, process: { ...d.process, exchanges } };
}
