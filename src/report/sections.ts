import { regionLabel } from '../model/provinces.ts';
import { render } from '../i18n/catalogue.ts';
import { quantityText } from '../i18n/units.ts';
import type { Entry, EntryResult, Evidence } from '../model/study.ts';
import { boundaryStages, isElectricity } from '../rules/inventory.ts';
import { dqrLevel, STAGES, stageList } from '../rules/terms.ts';
import type { Ctx } from './context.ts';
import { html, type Html, type Part } from './escape.ts';
import { amount, factor, kg, pct } from './format.ts';
import { fields, section, small, sub, table, text } from './layout.ts';
import { parametersTable } from './analysis.ts';

/** Sections 1, 2 and 4 to 8 and the annex; section 3 is in results.ts. */

export function scopeSection(c: Ctx): Html {
  const { t, study: s, result: r } = c;
  const { included, excluded } = boundaryStages(s);
  const stages = (list: typeof included) => (list.length ? stageList(list, t.lang) : t.none);
  const rows: [string, Part][] = [
    [t.product, s.product.name],
    [t.productDescription, s.product.description || '—'],
    ...(s.product.classification ? [[t.classification, s.product.classification] as [string, Part]] : []),
    [
      s.unit.kind === 'functional' ? t.functional : t.declared,
      html`${quantityText(amount(s.unit.amount), s.unit.unit, t.lang)}${small(s.unit.description)}`,
    ],
    [t.referenceFlow, s.referenceFlow],
    [t.boundary, t.boundaries[s.boundary]],
    [t.stagesIncluded, stages(included)],
    [t.stagesExcluded, stages(excluded)],
    [t.cutoff, text(s.cutoff, t.noneStated)],
    [t.allocation, text(s.allocation, t.noneStated)],
    [t.region, s.region],
    [t.year, String(s.year)],
    [t.method, t.methodAndSet(r)],
  ];
  return section('scope', '1', t.sections.scope, html`<p>${t.goal}</p>${fields(rows)}${parametersTable(c)}`);
}

export function inventorySection(c: Ctx): Html {
  const { t, study: s } = c;
  const groups = STAGES.filter((st) => s.entries.some((e) => e.stage === st)).map(
    (st, i) => html`${sub(`2.${i + 1}`, t.stages[st])}
${table(
  [t.entry, t.kind, t.amount, t.unit, t.region, t.dataSource, t.evidence, t.dataType],
  s.entries.filter((e) => e.stage === st).map((e) => inventoryRow(c, e)),
  { numeric: [2], nowrap: [1, 3, 4, 7] },
)}`,
  );
  return section('inventory', '2', t.sections.inventory, groups.length ? groups : html`<p class="muted">${t.none}</p>`);
}

function inventoryRow(c: Ctx, e: Entry): Part[] {
  const { t } = c;
  const r = c.resultOf(e.id);
  const leg =
    e.transport &&
    t.transportLeg(amount(e.transport.massKg), amount(e.transport.distanceKm), t.modes[e.transport.mode]);
  return [
    html`${e.name}${small(leg)}${small(e.comment)}`,
    t.kinds[e.kind],
    html`${amount(r?.amount ?? e.amount)}${small(e.formula && `${t.formula}${t.colon}${e.formula}`)}`,
    e.unit,
    regionLabel(e.region ?? c.study.region, c.lang),
    sourceCell(c, e, r),
    e.evidence ? evidenceCell(c, e.evidence) : '—',
    r ? (r.primary ? t.primary : t.secondary) : '—',
  ];
}

function sourceCell(c: Ctx, e: Entry, r: EntryResult | undefined): Html {
  const { t } = c;
  const src = e.source;
  if (src.type === 'supplier')
    return html`${t.supplier}${t.colon}${src.supplier}${small(`${factor(src.kgCo2ePerUnit)} ${t.kgCo2e}/${e.unit}`)}`;
  if (src.type === 'direct') return html`${t.directGas}${t.colon}${src.gas}`;
  if (src.type === 'study')
    return html`${t.componentStudy}${t.colon}${r ? render(r.provenance.name, t.lang) : src.studyId}${small(src.studyId)}`;
  if (src.type === 'placeholder') return html`${t.placeholder}`;
  return html`${r ? render(r.provenance.name, t.lang) : src.dataset.id}${small(`${src.dataset.release} · ${src.dataset.id}`)}`;
}

function evidenceCell(c: Ctx, ev: Evidence): Html {
  return html`${c.t.evidenceTypes[ev.type]}${c.t.colon}${ev.reference}${small([ev.date, ev.note].filter(Boolean).join(' · '))}`;
}

export function qualitySection(c: Ctx): Html {
  const { t, result: r } = c;
  const pedigree = (e: (typeof r.entries)[number]) => {
    const given = c.entryOf(e.entryId)?.pedigree;
    const p = given ?? e.pedigree;
    if (!p) return '—';
    const scores = [p.reliability, p.completeness, p.temporal, p.geographical, p.technological].join('-');
    return given ? scores : html`${scores}${small(t.pedigreeDefault)}`;
  };
  const evidence = (id: string) => {
    const ev = c.entryOf(id)?.evidence;
    return ev ? t.evidenceTypes[ev.type] : '—';
  };
  return section(
    'quality',
    '4',
    t.sections.quality,
    html`${fields([
      [t.overallDqr, `${r.dqr.toFixed(1)} (${dqrLevel(r.dqrLevel, t.lang)})`],
      [t.primaryShare, pct(r.primaryDataShare)],
    ])}
<p class="note">${t.dqrNote}</p>
<p class="note">${t.primaryShareNote}</p>
${table(
  [t.entry, t.stage, t.dataType, t.dqr, t.pedigree, t.evidence],
  r.entries.map((e) => [
    e.name,
    t.stages[e.stage],
    html`${e.primary ? t.primary : t.secondary}${small(e.primaryBasis && t.primaryBasis[e.primaryBasis])}`,
    e.dqr.toFixed(1),
    pedigree(e),
    evidence(e.entryId),
  ]),
  { numeric: [3], nowrap: [1, 2, 4] },
)}`,
  );
}

export function uncertaintySection(c: Ctx): Html {
  const { t } = c;
  const u = c.result.uncertainty;
  const unit = ` ${t.kgCo2e}`;
  const body = u
    ? fields([
        [t.uncertaintyMethod, t.uncertaintyMethodText],
        [t.iterations, String(u.iterations)],
        [t.seed, String(u.seed)],
        [t.mean, kg(u.mean) + unit],
        [t.sd, kg(u.sd) + unit],
        [t.median, kg(u.p50) + unit],
        [t.interval, `${kg(u.p2_5)} – ${kg(u.p97_5)}${unit}`],
      ])
    : html`<p class="muted">${t.notAssessed}</p>`;
  return section('uncertainty', '5', t.sections.uncertainty, body);
}

export function electricitySection(c: Ctx): Html {
  const { t, study: s } = c;
  const rows = s.entries.filter(isElectricity).map((e) => {
    const p = c.resultOf(e.id)?.provenance;
    return [
      e.name,
      quantityText(amount(e.amount), e.unit, t.lang),
      p ? render(p.name, t.lang) : '—',
      p?.region ?? '—',
      p?.year === undefined ? '—' : String(p.year),
      p ? `${factor(p.kgCo2ePerUnit)} ${t.kgCo2e}/${p.perUnit}` : '—',
      p ? render(p.source, t.lang) : '—',
    ];
  });
  return section(
    'electricity',
    '7',
    t.sections.electricity,
    html`${fields([[t.treatment, text(s.electricity, t.noneStated)]])}
${rows.length ? table([t.entry, t.amount, t.dataset, t.region, t.dataYear, t.factor, t.source], rows, { cls: 'dense', numeric: [1, 5], nowrap: [3, 4] }) : html`<p>${t.noElectricity}</p>`}`,
  );
}

export function limitationsSection(c: Ctx): Html {
  const { t, study: s, result: r } = c;
  const warnings = r.warnings.length
    ? html`<ul>${r.warnings.map((w) => html`<li>${render(w, c.lang)}</li>`)}</ul>`
    : html`<p class="muted">${t.none}</p>`;
  return section(
    'limitations',
    '8',
    t.sections.limitations,
    html`${sub('8.1', t.limitations)}${text(s.limitations, t.noneStated)}
${sub('8.2', t.calcWarnings)}${warnings}
${sub('8.3', t.valueChoices)}${fields([
      [t.boundary, t.boundaries[s.boundary]],
      [t.gwpSet, t.methodAndSet(r)],
      [t.cutoff, text(s.cutoff, t.noneStated)],
      [t.allocation, text(s.allocation, t.noneStated)],
      [t.electricity, text(s.electricity, t.noneStated)],
    ])}`,
  );
}

export function complianceSection(c: Ctx): Html {
  const { t, compliance: items, lang } = c;
  const count = (status: string) => items.filter((i) => i.status === status).length;
  return section(
    'compliance',
    '12',
    t.sections.compliance,
    html`<p>${t.summary(count('ok'), count('warning'), count('missing'))}</p>
${table(
  [t.clause, t.requirement, t.statusLabel, t.finding],
  items.map((i) => [
    i.clause,
    i.title[lang],
    html`<span class="status ${i.status}">${t.status[i.status]}</span>`,
    i.message[lang],
  ]),
  { cls: 'checklist', nowrap: [0, 2] },
)}`,
  );
}

export function annexSection(c: Ctx): Html {
  const { t, result: r, study: s } = c;
  const used = new Map<string, { e: EntryResult; by: string[] }>();
  for (const e of r.entries) {
    const p = e.provenance;
    if (p.type !== 'factor' && p.type !== 'process') continue;
    const key = `${p.type}|${p.release ?? ''}|${p.id ?? render(p.name, 'en')}`;
    const seen = used.get(key);
    if (seen) seen.by.push(e.name);
    else used.set(key, { e, by: [e.name] });
  }
  const datasets = [...used.values()].map(({ e: { provenance: p }, by }) => [
    html`<span class="tag">${t.provenanceType[p.type]}</span> ${render(p.name, t.lang)}${small([p.release, p.id].filter(Boolean).join(' · '))}${(
      p.screenFlags ?? []
    ).map((f) => small(`${t.screenFlagged}: ${render(f, t.lang)}`))}`,
    render(p.source, t.lang),
    p.year === undefined ? '—' : String(p.year),
    p.region ?? '—',
    p.gwpSet ?? '—',
    `${factor(p.kgCo2ePerUnit)} ${t.kgCo2e}/${p.perUnit}`,
    by.join('; '),
  ]);
  const suppliers = s.entries.flatMap((e) =>
    e.source.type === 'supplier'
      ? [
          [
            e.source.supplier,
            e.name,
            `${factor(e.source.kgCo2ePerUnit)} ${t.kgCo2e}/${e.unit}`,
            evidenceCell(c, e.source.evidence),
          ],
        ]
      : [],
  );
  return section(
    'annex',
    t.annexNum,
    t.sections.annex,
    html`${fields([
      [t.lciRelease, r.releases.lci],
      [t.factorRelease, r.releases.factors],
    ])}
${sub('A.1', t.datasetsUsed)}
${datasets.length ? table([t.dataset, t.source, t.dataYear, t.region, t.gwp, t.factor, t.usedBy], datasets, { cls: 'dense', numeric: [5], nowrap: [2, 3, 4] }) : html`<p class="muted">${t.noDatasets}</p>`}
${sub('A.2', t.supplierData)}
${suppliers.length ? table([t.supplier, t.entry, t.factor, t.statement], suppliers, { numeric: [2] }) : html`<p class="muted">${t.none}</p>`}`,
  );
}
