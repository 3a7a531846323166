import { render } from '../i18n/catalogue.ts';
import { HEADLINE_STANDARDS, headlineOf } from '../model/headline.ts';
import type { SensitivityCase } from '../model/study.ts';
import { tornadoChart } from './chart.ts';
import type { Ctx } from './context.ts';
import { html, type Html } from './escape.ts';
import { amount, dateTime, factor, kg, pct } from './format.ts';
import { fields, section, small, sub, table, text } from './layout.ts';

/**
 * The parts of the report ISO 14067 clause 7 asks for beyond the inventory and its results: the
 * CFP headline with removals apart, sensitivity and scenarios, interpretation and conclusions,
 * the greenhouse gases considered, and verification.
 */

/** The CFP and the values beside it, each labelled with the standard that defines it. */
export function headlineTable(c: Ctx): Html {
  const { t, result: r } = c;
  const h = r.headline ?? headlineOf(r);
  const row = (label: string, v: number, std: string, strong = false) => [
    strong ? html`<strong>${label}</strong>` : label,
    strong ? html`<strong>${kg(v)}</strong>` : kg(v),
    std,
  ];
  return table(
    [t.headline.value, t.kgCo2e, t.headline.definedBy],
    [
      row(t.headline.cfp, h.cfp, HEADLINE_STANDARDS.cfp, true),
      row(t.headline.emissions, h.emissions, HEADLINE_STANDARDS.emissions),
      row(t.headline.uptake, h.removals.biogenicUptake, HEADLINE_STANDARDS.removals),
      row(t.headline.landManagement, h.removals.landManagement, HEADLINE_STANDARDS.removals),
      row(t.headline.pactExcluding, h.pact.v3.excludingBiogenicUptake, HEADLINE_STANDARDS.pactExcluding),
      row(t.headline.pactIncluding, h.pact.v3.includingBiogenicUptake, HEADLINE_STANDARDS.pactIncluding),
    ],
    { cls: 'headline-table', numeric: [1] },
  );
}

const caseLabel = (c: Ctx, s: SensitivityCase) => `${c.t.sensitivity.kinds[s.kind]}: ${s.name}`;

export function sensitivitySection(c: Ctx): Html {
  const { t, result: r } = c;
  const sens = r.sensitivity;
  const cases = sens?.cases ?? [];
  const oat = cases.length
    ? html`<p class="note">${t.sensitivity.oatNote}</p>
${tornadoChart(
  cases
    .slice(0, 12)
    .map((s) => ({ label: s.name.length > 22 ? `${s.name.slice(0, 21)}…` : s.name, low: s.cfpLow, high: s.cfpHigh })),
  sens!.baseCfp,
  t.sensitivity.tornado,
)}
${table(
  [
    t.sensitivity.input,
    t.sensitivity.range,
    t.sensitivity.basis,
    t.sensitivity.low,
    t.sensitivity.high,
    t.sensitivity.swing,
  ],
  cases.map((s) => [
    caseLabel(c, s),
    html`${amount(s.low)} – ${amount(s.high)} ${s.unit}${small(`${t.sensitivity.base}${t.colon}${amount(s.base)}`)}`,
    t.sensitivity.bases[s.rangeBasis],
    kg(s.cfpLow),
    kg(s.cfpHigh),
    sens!.baseCfp === 0 ? '—' : pct(Math.abs(s.cfpHigh - s.cfpLow) / Math.abs(sens!.baseCfp)),
  ]),
  { cls: 'dense', numeric: [3, 4, 5] },
)}`
    : html`<p class="muted">${t.sensitivity.none}</p>`;
  const h = r.headline ?? headlineOf(r);
  const scenarios = r.scenarios?.length
    ? table(
        [
          t.sensitivity.scenario,
          t.sensitivity.changed,
          t.headline.emissions,
          t.lines.biogenicRemovals,
          t.carbonFootprint,
        ],
        [
          [html`<strong>${t.sensitivity.base}</strong>`, '—', kg(h.emissions), kg(h.removals.total), kg(h.cfp)],
          ...r.scenarios.map((s) => {
            const changed = Object.entries(s.values).filter(([k, v]) => r.parameters?.[k] !== v);
            return [
              html`${s.name}${small(s.description)}`,
              changed.map(([k, v]) => `${k} = ${amount(v)}`).join('; ') || '—',
              kg(s.total),
              kg(s.removals),
              kg(s.total + s.removals),
            ];
          }),
        ],
        { numeric: [2, 3, 4] },
      )
    : html`<p class="muted">${t.sensitivity.noScenarios}</p>`;
  const contributions = r.uncertainty?.contributions ?? [];
  const variance = contributions.length
    ? html`<p class="note">${t.sensitivity.varianceNote}</p>
${table(
  [t.sensitivity.input, t.share],
  contributions.slice(0, 15).map((v) => [`${t.sensitivity.kinds[v.kind]}: ${render(v.name, t.lang)}`, pct(v.share)]),
  { numeric: [1] },
)}`
    : html`<p class="muted">${t.notAssessed}</p>`;
  return section(
    'sensitivity',
    '6',
    t.sections.sensitivity,
    html`${sub('6.1', t.sensitivity.oat)}${oat}
${sub('6.2', t.sensitivity.scenarios)}${scenarios}
${sub('6.3', t.sensitivity.variance)}${variance}`,
  );
}

export function parametersTable(c: Ctx): Html | false {
  const { t, study: s } = c;
  if (!s.parameters?.length) return false;
  return html`${sub('1.1', t.parametersTitle)}
${table(
  [t.parameter, t.amount, t.unit, t.sensitivity.range, t.source],
  s.parameters.map((p) => [
    html`${p.name}${small(p.description)}`,
    amount(p.value),
    p.unit,
    p.uncertainty
      ? `${amount(p.uncertainty.low)} – ${amount(p.uncertainty.high)}`
      : p.min !== undefined && p.max !== undefined
        ? `${amount(p.min)} – ${amount(p.max)}`
        : '—',
    p.uncertainty?.source ?? '—',
  ]),
  { cls: 'dense', numeric: [1] },
)}`;
}

export function interpretationSection(c: Ctx): Html {
  const { t, result: r, study: s } = c;
  const h = r.headline ?? headlineOf(r);
  const top = r.hotspots
    .slice(0, 3)
    .map((id) => c.resultOf(id))
    .filter((e) => e !== undefined && e.total !== 0)
    .map((e) => `${e!.name} (${pct(e!.share)})`);
  const sensitive = (r.sensitivity?.cases ?? []).slice(0, 3).map((x) => x.name);
  const points = [
    top.length > 0 && t.interpretation.hotspots(top.join(t.lang === 'zh' ? '、' : ', ')),
    sensitive.length > 0 && t.interpretation.sensitive(sensitive.join(t.lang === 'zh' ? '、' : ', ')),
    r.uncertainty && t.interpretation.interval(kg(r.uncertainty.p2_5), kg(r.uncertainty.p97_5)),
    t.interpretation.primary(pct(r.primaryDataShare)),
    h.removals.total !== 0 && t.interpretation.removals(kg(h.removals.total)),
  ].filter((p): p is string => typeof p === 'string');
  return section(
    'interpretation',
    '9',
    t.sections.interpretation,
    html`${sub('9.1', t.interpretation.derived)}<ul>${points.map((p) => html`<li>${p}</li>`)}</ul>
${sub('9.2', t.interpretation.practitioner)}${text(s.conclusions ?? '', t.noneStated)}`,
  );
}

export function ghgSection(c: Ctx): Html {
  const { t, result: r } = c;
  const gases = c.gases ?? [];
  return section(
    'ghg',
    '10',
    t.sections.ghg,
    html`<p>${t.ghg.intro(t.methodAndSet(r))}</p>
${
  gases.length
    ? table(
        [t.ghg.gas, t.ghg.gwp],
        gases.map((g) => [g.gas, factor(g.gwp100)]),
        { numeric: [1] },
      )
    : ''
}
<p class="note">${t.ghg.fromDatasets}</p>`,
  );
}

export function verificationSection(c: Ctx): Html {
  const { t } = c;
  const v = c.verification;
  const verifiers = v?.verifiers.length
    ? v.verifiers.map((x) => `${x.name} (${x.organisation})`).join('; ')
    : t.verification.noVerifiers;
  const statements = v?.statements.length
    ? v.statements.map(
        (st) => html`<p class="text">${st.text}</p>${small(`${st.verifier} · ${dateTime(st.date, t.lang)}`)}`,
      )
    : html`<p class="muted">${t.verification.none}</p>`;
  return section(
    'verification',
    '11',
    t.sections.verification,
    html`${fields([[t.verification.verifiers, verifiers]])}${sub('11.1', t.verification.statement)}${statements}`,
  );
}
