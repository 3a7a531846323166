import type { Entry, Evidence, StudyInput } from '../model/study.ts';
import { getPcr } from '../rules/pcr/index.ts';
import { studyFromPcr } from '../rules/pcr-study.ts';

/**
 * DEMONSTRATION STUDIES, one per product category rule beside the durian (fresh fruit): a 75 kWh
 * LFP traction battery pack under `eu-battery-ev`, built from a module study that uses a cell
 * study (a three-level bill of materials), a 550 W PV module under `pv-module`, and an electric
 * passenger car under `nev-passenger-vehicle` that uses the pack study. Every activity amount is
 * an illustrative round number, not a measurement of a real plant, and the evidence references
 * are made up to show the workflow. The factors and processes are real, from the pinned releases:
 * China life-cycle electricity and CPCD transport factors of release 2026.1, US LCI processes.
 * What those releases lack is left out and named, never filled with an invented factor: the
 * check then shows these real gaps (LFP cathode and graphite anode active materials, solar glass).
 */

const RELEASES = { lci: 'uslci', factors: '2026.1' } as const;
const YEAR = 2025;
const ILLUSTRATIVE = 'Illustrative amount (demonstration data), not a measurement.';
const LIMITS =
  'Demonstration data, not a real plant: every activity amount is an illustrative round number and the evidence references are made up. Factors and processes are real (China factors release 2026.1, US LCI).';

const grid = (province: string) =>
  ({
    type: 'background',
    dataset: { type: 'factor', release: RELEASES.factors, id: `cn-electricity-footprint/${province}/2024` },
  }) as const;
const uslci = (id: string) =>
  ({ type: 'background', dataset: { type: 'process', release: RELEASES.lci, id } }) as const;
const HEAVY_TRUCK = {
  type: 'background',
  dataset: { type: 'factor', release: RELEASES.factors, id: 'cn-transport-road-heavy-diesel-truck/CN/2022' },
} as const;

/** US LCI processes used here (cradle to gate, per kg). */
const ALUMINIUM_EXTRUSION = '77fe2197-8861-3569-8d85-07151789b1e7'; // Aluminum, extrusion, at plant
const ALUMINIUM_INGOT_MIX = 'a8eb9a6a-e8e6-3da6-a3ab-20dcf68e883a'; // Aluminum ingot, production mix, at plant
const POLYPROPYLENE = '1ba8424c-2bdb-353e-8ea4-5e8d3bd477b8'; // Polypropylene, resin, at plant
const PET = 'e4822728-95ae-3360-9870-c363a214611e'; // Polyethylene terephthalate, resin, at plant, CTR
const COLD_ROLLED_STEEL = 'c378e883-97fc-3714-b923-d7271b8fcbac'; // Cold rolled sheet, steel, at plant
const CAST_IRON = '076898a5-e1ce-3c50-9df4-6445fc0bb6aa'; // Iron, sand casted

const meter = (reference: string): Evidence => ({ type: 'meter-reading', reference });
const invoice = (reference: string): Evidence => ({ type: 'invoice', reference });
const note = (text?: string) => (text ? `${ILLUSTRATIVE} ${text}` : ILLUSTRATIVE);

export const DEMO_PCR_NAMES = {
  cell: '演示：LFP 电芯 280 Ah（Demo: LFP cell 3.2 V 280 Ah）',
  module: '演示：LFP 电池模组 14 芯（Demo: LFP battery module, 14 cells）',
  pack: '演示：75 kWh LFP 动力电池包（Demo: 75 kWh LFP traction battery pack）',
  pv: '演示：550 W 单晶光伏组件（Demo: 550 W mono-Si PV module）',
  car: '演示：纯电动乘用车（Demo: battery electric passenger car）',
} as const;

/** Studies under the general rule: the declared unit is the study's own (one cell, one module). */
function generalStudy(
  name: string,
  product: string,
  description: string,
  entries: Entry[],
  limitations: string,
): StudyInput {
  return {
    name,
    product: { name: product, description: `${description} DEMONSTRATION DATA.` },
    unit: { kind: 'declared', amount: 1, unit: 'piece', description: `one ${product}` },
    referenceFlow: `one ${product}`,
    boundary: 'cradle-to-gate',
    region: 'CN-FJ',
    year: YEAR,
    method: 'ipcc-ar6-gwp100',
    releases: { ...RELEASES },
    cutoff: 'Inputs below 1 % of mass and of the footprint may be left out, 5 % in total at most.',
    allocation: 'None: the plant line makes this one product.',
    electricity:
      'Grid electricity from meters, with the MEE life-cycle factor of the province (2024). No green electricity certificates.',
    limitations: `${LIMITS} ${limitations}`,
    entries,
  };
}

/** 3.2 V 280 Ah prismatic LFP cell, about 5.4 kg: the materials the pinned releases cover. */
export function cellStudy(): StudyInput {
  return generalStudy(
    DEMO_PCR_NAMES.cell,
    'LFP cell 3.2 V 280 Ah',
    'Prismatic lithium iron phosphate cell, 0.896 kWh nominal, made in Fujian.',
    [
      {
        id: 'can-and-foil',
        stage: 'raw-materials',
        kind: 'material',
        name: 'Aluminium can, lid and cathode foil 铝壳与正极铝箔',
        amount: 0.75,
        unit: 'kg',
        source: uslci(ALUMINIUM_EXTRUSION),
        evidence: invoice('DEMO-BOM-CELL-280-01'),
        comment: note('US LCI extrusion stands for the can and the rolled foil.'),
      },
      {
        id: 'separator',
        stage: 'raw-materials',
        kind: 'material',
        name: 'Separator film (PP) 隔膜',
        amount: 0.1,
        unit: 'kg',
        source: uslci(POLYPROPYLENE),
        evidence: invoice('DEMO-BOM-CELL-280-02'),
        comment: note('Resin only; film making is not covered by the process.'),
      },
    ],
    'The cell is incomplete on purpose: LFP cathode active material (about 2.1 kg), graphite anode (about 1.0 kg), copper foil and electrolyte have no dataset in the pinned releases (US LCI, China factors 2026.1) and are left out, not guessed; the pack check names them. Cell production electricity is metered and entered on the pack study.',
  );
}

/** A module of 14 cells in series with steel end plates and straps. */
export function moduleStudy(cellId: string): StudyInput {
  return generalStudy(
    DEMO_PCR_NAMES.module,
    'LFP battery module (14 cells)',
    'Module of 14 LFP cells, 12.5 kWh nominal, steel end plates and straps.',
    [
      {
        id: 'cells',
        stage: 'raw-materials',
        kind: 'material',
        name: 'LFP cells 电芯',
        amount: 14,
        unit: 'piece',
        source: { type: 'study', studyId: cellId },
        evidence: invoice('DEMO-BOM-MOD-14-01'),
        comment: note('Component study: the cell.'),
      },
      {
        id: 'end-plates',
        stage: 'raw-materials',
        kind: 'material',
        name: 'Steel end plates and straps 钢端板与绑带',
        amount: 3,
        unit: 'kg',
        source: uslci(COLD_ROLLED_STEEL),
        evidence: invoice('DEMO-BOM-MOD-14-02'),
        comment: note(),
      },
      {
        id: 'module-electricity',
        stage: 'manufacturing',
        kind: 'energy',
        name: 'Module line electricity 模组产线用电',
        amount: 5,
        unit: 'kWh',
        source: grid('CN-FJ'),
        evidence: meter('DEMO-METER-MOD-01'),
        comment: note(),
      },
    ],
    'Busbars, wiring and adhesives are left out (below the cut-off).',
  );
}

/** Fills the rule's placeholders: each mandatory item gets the entries that answer it; an item with none stays a named gap. */
function fill(study: StudyInput, answers: Record<string, Entry[]>, extra: Entry[] = []): StudyInput {
  const entries = study.entries.flatMap((e) => {
    const requirement = e.pcr?.requirement;
    if (!requirement || e.source.type !== 'placeholder') return [e];
    return (answers[requirement] ?? []).map((a) => ({ ...a, pcr: { stage: e.pcr?.stage, requirement } }));
  });
  return { ...study, entries: [...entries, ...extra] };
}

const PACK_KG = 480;

/** The pack on a heavy truck for `km`. */
function packByTruck(
  id: string,
  stage: Entry['stage'],
  name: string,
  km: number,
  reference: string,
  comment: string,
): Entry {
  const transport = { massKg: PACK_KG, distanceKm: km, mode: 'road', refrigerated: false } as const;
  return {
    id,
    stage,
    kind: 'transport',
    name,
    amount: (PACK_KG / 1000) * km,
    unit: 't*km',
    transport,
    source: HEAVY_TRUCK,
    evidence: { type: 'estimate', reference },
    comment: note(comment),
  };
}

/** 75 kWh LFP pack (6 modules, 84 cells) for an M1 car, 8-year / 160 000 km warranty: E_total = 75 × 60 × 8 = 36 000 kWh. */
export function packStudy(moduleId: string): StudyInput {
  const base = studyFromPcr(getPcr('eu-battery-ev'), {
    name: DEMO_PCR_NAMES.pack,
    product: {
      name: 'LFP traction battery pack 75 kWh',
      description:
        'Lithium iron phosphate pack for an M1 passenger car: 6 modules of 14 cells, aluminium housing, made in Ningde (Fujian). DEMONSTRATION DATA.',
    },
    parameters: { capacity_kWh: 75, cycles_per_year: 60, warranty_years: 8, warranty_km: 160_000, km_per_year: 15_000 },
    releases: { ...RELEASES },
    region: 'CN-FJ',
    year: YEAR,
    lang: 'en',
  });
  const filled = fill(base, {
    'bill-of-materials': [
      {
        id: 'modules',
        stage: 'raw-materials',
        kind: 'material',
        name: 'Battery modules 电池模组',
        amount: 6,
        unit: 'piece',
        source: { type: 'study', studyId: moduleId },
        evidence: invoice('DEMO-BOM-PACK-75-01'),
        comment: note('Component study: the module, which uses the cell study.'),
      },
      {
        id: 'housing',
        stage: 'raw-materials',
        kind: 'material',
        name: 'Aluminium pack housing 铝合金箱体',
        amount: 45,
        unit: 'kg',
        source: uslci(ALUMINIUM_EXTRUSION),
        evidence: invoice('DEMO-BOM-PACK-75-02'),
        comment: note(),
      },
    ],
    'cell-production-electricity': [
      {
        id: 'cell-electricity',
        stage: 'manufacturing',
        kind: 'energy',
        name: 'Cell plant electricity for 84 cells 电芯生产用电',
        amount: 84 * 30,
        unit: 'kWh',
        source: grid('CN-FJ'),
        evidence: meter('DEMO-METER-CELL-PLANT'),
        comment: note('30 kWh per cell: electrode coating and drying, formation; metered at the cell plant.'),
      },
    ],
    'pack-assembly-electricity': [
      {
        id: 'pack-electricity',
        stage: 'manufacturing',
        kind: 'energy',
        name: 'Pack assembly electricity 电池包组装用电',
        amount: 60,
        unit: 'kWh',
        source: grid('CN-FJ'),
        evidence: meter('DEMO-METER-PACK-01'),
        comment: note(),
      },
    ],
    'distribution-transport': [
      packByTruck(
        'to-car-plant',
        'distribution',
        'Truck Ningde → Shanghai car plant 电池包运至整车厂',
        900,
        'Ningde to Shanghai, about 900 km by road',
        'A 480 kg pack.',
      ),
    ],
    'end-of-life-recycling': [
      packByTruck(
        'to-recycler',
        'end-of-life',
        'Spent pack to the recycler 废电池运至回收厂',
        600,
        'collection point to a recycler in Hunan, about 600 km',
        'The recycling process itself has no dataset in the pinned releases: only the transport is counted.',
      ),
    ],
  });
  return {
    ...filled,
    limitations: `${LIMITS} Not conforming on purpose: LFP cathode and graphite anode active materials have no dataset in the pinned releases and are left out, not guessed (the check names them); the cell study lists what else it leaves out. The battery management system and cables are left out; the recycling process is represented by its transport only, without recycling credits.`,
  };
}

/** 550 W mono-Si PERC module, 2.28 m², 27 kg: cradle to gate through the four stages of the rule. */
export function pvStudy(): StudyInput {
  const base = studyFromPcr(getPcr('pv-module'), {
    name: DEMO_PCR_NAMES.pv,
    product: {
      name: 'Mono-Si PV module 550 W',
      description:
        '144 half-cell mono-crystalline silicon module, 550 W at STC, glass/backsheet, aluminium frame. Polysilicon from Xinjiang, wafers from Inner Mongolia, cells and module in Jiangsu. DEMONSTRATION DATA.',
    },
    parameters: { peak_power_W: 550 },
    releases: { ...RELEASES },
    region: 'CN-JS',
    year: YEAR,
    lang: 'en',
  });
  const filled = fill(
    base,
    {
      'polysilicon-electricity': [
        {
          id: 'polysilicon',
          stage: 'manufacturing',
          kind: 'energy',
          name: 'Polysilicon electricity (Xinjiang) 多晶硅生产用电',
          amount: 66,
          unit: 'kWh',
          source: grid('CN-XJ'),
          evidence: meter('DEMO-METER-POLY-XJ'),
          comment: note('About 1.1 kg of polysilicon at 60 kWh/kg (modified Siemens process).'),
        },
      ],
      'wafer-electricity': [
        {
          id: 'ingot-wafer',
          stage: 'manufacturing',
          kind: 'energy',
          name: 'Ingot pulling and wafering electricity (Inner Mongolia) 拉晶切片用电',
          amount: 30,
          unit: 'kWh',
          source: grid('CN-NM'),
          evidence: meter('DEMO-METER-WAFER-NM'),
          comment: note(),
        },
      ],
      'cell-electricity': [
        {
          id: 'cell',
          stage: 'manufacturing',
          kind: 'energy',
          name: 'Cell line electricity (Jiangsu) 电池片生产用电',
          amount: 20,
          unit: 'kWh',
          source: grid('CN-JS'),
          evidence: meter('DEMO-METER-CELL-JS'),
          comment: note(),
        },
      ],
      'module-frame': [
        {
          id: 'frame',
          stage: 'raw-materials',
          kind: 'material',
          name: 'Aluminium frame 铝边框',
          amount: 2.5,
          unit: 'kg',
          source: uslci(ALUMINIUM_EXTRUSION),
          evidence: invoice('DEMO-BOM-PV-550-02'),
          comment: note(),
        },
      ],
      'module-electricity': [
        {
          id: 'module-line',
          stage: 'manufacturing',
          kind: 'energy',
          name: 'Module line electricity (Jiangsu) 组件层压与装框用电',
          amount: 8,
          unit: 'kWh',
          source: grid('CN-JS'),
          evidence: meter('DEMO-METER-MODULE-JS'),
          comment: note(),
        },
      ],
    },
    [
      {
        id: 'backsheet',
        stage: 'raw-materials',
        kind: 'material',
        name: 'PET backsheet 背板',
        amount: 0.7,
        unit: 'kg',
        source: uslci(PET),
        evidence: invoice('DEMO-BOM-PV-550-03'),
        pcr: { stage: 'module' },
        comment: note('Resin only.'),
      },
    ],
  );
  return {
    ...filled,
    limitations: `${LIMITS} Not conforming on purpose: solar glass (about 22 kg), metallurgical-grade silicon, EVA, silver paste and the junction box have no dataset in the pinned releases and are left out, not guessed; the check names the missing glass. Only electricity is counted for polysilicon, ingot/wafer and cell.`,
  };
}

/** Compact battery electric car (M1, 1 650 kg) with the demo pack, 200 000 km at 15 kWh/100 km. */
export function carStudy(packId: string): StudyInput {
  const rule = getPcr('nev-passenger-vehicle');
  const base = studyFromPcr(rule, {
    name: DEMO_PCR_NAMES.car,
    product: {
      name: 'Battery electric passenger car (M1)',
      description:
        'Compact five-seat battery electric car, 1 650 kg, with the 75 kWh LFP demo pack, assembled in Shanghai. DEMONSTRATION DATA.',
    },
    parameters: { lifetime_km: 200_000, electricity_kWh_per_100km: 15 },
    releases: { ...RELEASES },
    region: 'CN-SH',
    year: YEAR,
    lang: 'en',
  });
  const driving = base.entries.find((e) => e.pcr?.requirement === 'driving-electricity')!;
  const filled = fill(base, {
    'traction-battery': [
      {
        id: 'pack',
        stage: 'raw-materials',
        kind: 'material',
        // the pack study declares per kWh of lifetime energy; one pack delivers 36 000 of them
        name: 'Traction battery pack 75 kWh 动力电池包',
        amount: 75 * 60 * 8,
        unit: 'kWh',
        source: { type: 'study', studyId: packId },
        evidence: invoice('DEMO-BOM-CAR-01'),
        comment: note('One pack, counted as its 36 000 kWh of lifetime energy (the unit of the pack study).'),
      },
    ],
    'vehicle-materials': [
      {
        id: 'body-steel',
        stage: 'raw-materials',
        kind: 'material',
        name: 'Steel body and chassis 车身与底盘钢材',
        amount: 750,
        unit: 'kg',
        source: uslci(COLD_ROLLED_STEEL),
        evidence: invoice('DEMO-BOM-CAR-02'),
        comment: note(),
      },
      {
        id: 'aluminium-parts',
        stage: 'raw-materials',
        kind: 'material',
        name: 'Cast aluminium parts 铝铸件',
        amount: 120,
        unit: 'kg',
        source: uslci(ALUMINIUM_INGOT_MIX),
        evidence: invoice('DEMO-BOM-CAR-03'),
        comment: note('Ingot only; casting is not covered by the process.'),
      },
      {
        id: 'plastics',
        stage: 'raw-materials',
        kind: 'material',
        name: 'Polypropylene trim and bumpers 聚丙烯内饰与保险杠',
        amount: 110,
        unit: 'kg',
        source: uslci(POLYPROPYLENE),
        evidence: invoice('DEMO-BOM-CAR-04'),
        comment: note('Resin only.'),
      },
    ],
    'assembly-electricity': [
      {
        id: 'assembly',
        stage: 'manufacturing',
        kind: 'energy',
        name: 'Stamping, welding, paint and assembly electricity 整车制造用电',
        amount: 700,
        unit: 'kWh',
        source: grid('CN-SH'),
        evidence: meter('DEMO-METER-CAR-SH'),
        comment: note(),
      },
    ],
    'driving-electricity': [
      {
        id: 'driving',
        stage: 'use',
        kind: 'energy',
        name: 'Charging electricity over the lifetime 使用阶段充电用电',
        amount: driving.amount,
        formula: driving.formula,
        unit: 'kWh',
        source: grid('CN'),
        evidence: { type: 'calculation', reference: 'electricity_kWh_per_100km / 100 × lifetime_km' },
        comment: note('China average life-cycle grid factor; charging losses are in the consumption figure.'),
      },
    ],
    'maintenance-parts': [
      {
        id: 'brake-discs',
        stage: 'use',
        kind: 'material',
        name: 'Replacement brake discs 更换制动盘',
        amount: 28,
        unit: 'kg',
        source: uslci(CAST_IRON),
        evidence: { type: 'estimate', reference: 'one set of four discs over the lifetime' },
        comment: note(),
      },
    ],
  });
  return {
    ...filled,
    limitations: `${LIMITS} The car inherits the pack study's gaps (cathode and anode active materials). Glass, tyres, electronics, the e-motor's copper and magnets and fluids have no dataset in the pinned releases and are left out; tyres and fluids in maintenance likewise. Distribution to the dealer and the vehicle's end of life are not modelled in this demonstration (no entries), so those stages show zero. Steel and aluminium are US LCI processes, not Chinese mills.`,
  };
}

/**
 * The demo studies by rule, components first so that each parent can name them: `ensure` finds a
 * study by name or creates it, calculates it when it never was, and gives its id (the server's
 * demo setup passes it), so a restarted demo completes what is missing and creates nothing twice.
 */
export async function ensurePcrDemo(ensure: (input: StudyInput) => Promise<string>): Promise<void> {
  const cell = await ensure(cellStudy());
  const module = await ensure(moduleStudy(cell));
  const pack = await ensure(packStudy(module));
  await ensure(pvStudy());
  await ensure(carStudy(pack));
}
