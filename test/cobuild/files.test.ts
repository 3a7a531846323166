import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { DatasetWorkbookError, datasetTemplate } from '../../src/cobuild/excel.ts';
import { datasetsFromFile } from '../../src/cobuild/files.ts';
import { ImportError } from '../../src/formats/errors.ts';
import { render } from '../../src/i18n/catalogue.ts';
import { factorsCsv } from '../../src/store/index.ts';
import { HAINAN, SEED } from './fixtures.ts';

/** Datasets from the files organisations upload: factor CSV in the release layout, the Excel template. */

test('factor CSV as a release exports it, with production volume and sharing columns added', async () => {
  const exported = factorsCsv([HAINAN, SEED.find((f) => f.id === 'cn-electricity-footprint/CN-GD/2024')!], '2026.1');
  const [header, ...rows] = exported.trimEnd().split('\r\n');
  const csv = [
    `${header},production_volume,production_unit,sharing`,
    `${rows[0]},2000000,MWh,public`,
    `${rows[1]},,,`,
  ].join('\r\n');
  const inputs = await datasetsFromFile(new TextEncoder().encode(csv), 'plants.csv', { technology: 'grid mix' });
  assert.equal(inputs.length, 2);
  const json = (x: unknown) => JSON.parse(JSON.stringify(x));
  assert.deepEqual(
    json(inputs[0].dataset),
    { type: 'factor', factor: { ...HAINAN, technology: 'grid mix' } },
    'the factor as exported, with the missing technology filled in',
  );
  assert.deepEqual(inputs[0].meta, {
    sharing: 'public',
    productionVolume: { amount: 2e6, unit: 'MWh' },
    note: undefined,
  });
  assert.equal(inputs[1].meta.sharing, 'confidential');
  assert.equal(inputs[1].meta.productionVolume, undefined);
  const broken = csv.replace(`,${HAINAN.value},`, ',about 0.4,');
  await assert.rejects(
    datasetsFromFile(new TextEncoder().encode(broken), 'plants.csv'),
    (e: unknown) =>
      e instanceof ImportError &&
      /plants\.csv: line 2 \(cn-electricity-footprint\/CN-HI\/2024\): field "value": expected a number/.test(
        e.message,
      ) &&
      // its words render in Chinese
      render(e.text!, 'zh') ===
        'plants.csv：line 2 (cn-electricity-footprint/CN-HI/2024)：字段「value」：应为数值，实际为 "about 0.4"',
  );
});

test('the Excel template: a filled row is a factor with its pedigree rated; problems are listed by row and column, each once', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await datasetTemplate()) as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  const header = (sheet.getRow(1).values as string[]).slice(1).map((h) => h.split(' ').at(-1)!);
  const row = (v: Record<string, string | number>) => header.map((h) => v[h] ?? null);
  const clinker = {
    series: 'material-cement-clinker',
    name: 'Cement clinker, dry process with preheater',
    kind: 'material',
    value: 855,
    unit: 'kg CO2e/t',
    per_unit: 't',
    gases: 'CO2e',
    gwp_set: 'AR6',
    region: 'CN-AH',
    year: 2024,
    technology: 'NSP kiln',
    source_title: 'Plant monitoring 2024',
    publisher: 'Anhui plant',
    reliability: '2',
    completeness: '1',
    temporal: '1',
    geographical: '1',
    technological: '3',
    production_volume: 4.2e6,
    production_unit: 't',
    sharing: 'confidential',
  };
  sheet.addRow(row(clinker));
  sheet.addRow(row({ ...clinker, value: 'n/a', region: '' }));
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  await assert.rejects(datasetsFromFile(bytes, 'clinker.xlsx'), (e: unknown) => {
    assert.ok(e instanceof DatasetWorkbookError);
    assert.deepEqual(
      e.issues.map((i) => [i.row, i.column, i.message]),
      [
        [3, 'E (数值 value)', 'expected a number, got "n/a"'],
        [3, 'J (地区 region)', 'required'],
      ],
    );
    assert.deepEqual(
      e.issues.map((i) => render(i, 'zh')),
      ['应为数值，实际为 "n/a"', '必填'],
    );
    assert.deepEqual([e.kind, e.code, render(e.text!, 'zh')], ['invalid', 'bad-workbook', '工作簿中有 2 处问题']);
    return true;
  });
  sheet.spliceRows(3, 1);
  const [input] = await datasetsFromFile(new Uint8Array(await wb.xlsx.writeBuffer()), 'clinker.xlsx');
  const f = input.dataset.type === 'factor' ? input.dataset.factor : assert.fail();
  assert.equal(f.id, 'material-cement-clinker/CN-AH/2024');
  assert.equal(f.value, 855);
  assert.equal(f.dataQuality.dqr, (3 + 1 + 1 + 2) / 4);
  assert.deepEqual(input.meta.productionVolume, { amount: 4.2e6, unit: 't' });
});

test('an ILCD zip (as TianGong publishes) is accepted: one process dataset per data set, its Chinese name, province and cut-offs kept', async () => {
  const { ilcdFixture, IDS } = await import('../formats/ilcd-fixture.ts');
  const { readFileSync } = await import('node:fs');
  const inputs = await datasetsFromFile(new Uint8Array(readFileSync(ilcdFixture())), 'cement-ilcd.zip', {
    sharing: 'public',
  });
  assert.equal(inputs.length, 2);
  const cement = inputs
    .map((i) => (i.dataset.type === 'process' ? i.dataset : assert.fail()))
    .find((d) => d.process.id === IDS.cementProcess)!;
  assert.deepEqual(
    [cement.process.nameZh, cement.process.location, cement.process.leftOut?.[0].name],
    ['水泥生产 ; 熟料 ; 干法', 'CN-SD', 'Gypsum'],
  );
  assert.deepEqual(cement.flows.map((f) => f.name).sort(), ['Cement', 'Electricity', 'carbon dioxide (fossil)']);
  assert.equal(inputs[0].meta.sharing, 'public');
});
