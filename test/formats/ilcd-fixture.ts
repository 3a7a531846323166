import { writeZip } from './helpers.ts';

/**
 * A small ILCD archive written by hand, laid out as TianGong's (an ILCD/ folder, xml:lang="en"
 * and "zh" names, province locations), so that every number the importer gives can be checked
 * against this file:
 *
 * - unit groups: mass (kg; t = 1000), energy (MJ; kWh = 3.6) and time, whose reference unit "a"
 *   is written with meanValue 365 beside "d" = 1 (as in TianGong), so d must become 1/365 a;
 * - cement (水泥), 1000 kg from SD-CN (Shandong): 90 MJ of electricity, 50 kg of gypsum whose
 *   flow is not in the archive, 800 kg of fossil CO2 to air;
 * - electricity (电力), 1 MJ from SZ-JS-CN (Suzhou, Jiangsu): 0.2 kg of fossil CO2 and 0.001 kg
 *   of methane (biogenic), with a uniform uncertainty 0.15–0.25 on the CO2.
 *
 * So 1 kg of cement is 0.8 + 0.09 × (0.2 + 0.001 × GWP(CH4, biogenic)) kg CO2e.
 */

export const IDS = {
  mass: '93a60a57-a4c8-11da-a746-0800200c9a66',
  energy: '93a60a57-a3c8-11da-a746-0800200c9a66',
  time: 'af638906-3ec7-4314-8de7-f76039f2dd01',
  massProperty: '93a60a56-a3c8-11da-a746-0800200b9a66',
  energyProperty: 'f6811440-ee37-11de-8a39-0800200c9a66',
  timeProperty: 'c0447923-0e60-4b3c-97c2-a86dddd9eea5',
  cement: '11111111-0000-4000-8000-000000000001',
  electricity: '11111111-0000-4000-8000-000000000002',
  co2: '08a91e70-3ddc-11dd-923d-0050c2490048',
  ch4: 'fe0acd60-3ddc-11dd-a8e8-0050c2490048',
  gypsum: '11111111-0000-4000-8000-00000000dead',
  cementProcess: '22222222-0000-4000-8000-000000000001',
  electricityProcess: '22222222-0000-4000-8000-000000000002',
  source: '33333333-0000-4000-8000-000000000001',
  contact: '44444444-0000-4000-8000-000000000001',
};

const COMMON = 'xmlns:common="http://lca.jrc.it/ILCD/Common" version="1.1"';

function unitGroup(id: string, name: string, ref: number, units: [string, string][]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<unitGroupDataSet xmlns="http://lca.jrc.it/ILCD/UnitGroup" ${COMMON}>
  <unitGroupInformation><dataSetInformation><common:UUID>${id}</common:UUID><common:name xml:lang="en">${name}</common:name></dataSetInformation>
  <quantitativeReference><referenceToReferenceUnit>${ref}</referenceToReferenceUnit></quantitativeReference></unitGroupInformation>
  <units>${units.map(([n, v], i) => `<unit dataSetInternalID="${i}"><name>${n}</name><meanValue>${v}</meanValue></unit>`).join('')}</units>
</unitGroupDataSet>`;
}

function flowProperty(id: string, name: string, group: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<flowPropertyDataSet xmlns="http://lca.jrc.it/ILCD/FlowProperty" ${COMMON}>
  <flowPropertiesInformation><dataSetInformation><common:UUID>${id}</common:UUID><common:name xml:lang="en">${name}</common:name></dataSetInformation>
  <quantitativeReference><referenceToReferenceUnitGroup refObjectId="${group}" type="unit group data set"/></quantitativeReference></flowPropertiesInformation>
</flowPropertyDataSet>`;
}

function flow(
  id: string,
  en: string,
  zh: string | undefined,
  type: string,
  property: string,
  classification: string,
  cas = '',
): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<flowDataSet xmlns="http://lca.jrc.it/ILCD/Flow" ${COMMON}>
  <flowInformation><dataSetInformation><common:UUID>${id}</common:UUID>
    <name><baseName xml:lang="en">${en}</baseName>${zh ? `<baseName xml:lang="zh">${zh}</baseName>` : ''}</name>
    <classificationInformation>${classification}</classificationInformation>${cas ? `<CASNumber>${cas}</CASNumber>` : ''}
  </dataSetInformation>
  <quantitativeReference><referenceToReferenceFlowProperty>0</referenceToReferenceFlowProperty></quantitativeReference></flowInformation>
  <modellingAndValidation><LCIMethod><typeOfDataSet>${type}</typeOfDataSet></LCIMethod></modellingAndValidation>
  <flowProperties><flowProperty dataSetInternalID="0"><referenceToFlowPropertyDataSet refObjectId="${property}" type="flow property data set"/><meanValue>1.0</meanValue></flowProperty></flowProperties>
</flowDataSet>`;
}

const emissionToAir =
  '<common:elementaryFlowCategorization><common:category level="0">Emissions</common:category><common:category level="1">Emissions to air</common:category><common:category level="2">Emissions to air, unspecified</common:category></common:elementaryFlowCategorization>';
const productClass = (c: string) =>
  `<common:classification><common:class level="0">${c}</common:class></common:classification>`;

interface ExchangeSpec {
  flow: string;
  name: string;
  direction: 'Input' | 'Output';
  amount: string;
  extra?: string;
}

function processXml(
  id: string,
  en: string,
  zh: string,
  location: string,
  year: number,
  exchanges: ExchangeSpec[],
): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<processDataSet xmlns="http://lca.jrc.it/ILCD/Process" ${COMMON}>
  <processInformation>
    <dataSetInformation><common:UUID>${id}</common:UUID>
      <name><baseName xml:lang="en">${en}</baseName><baseName xml:lang="zh">${zh}</baseName></name>
      <common:generalComment xml:lang="en">${en} in China &amp; its provinces</common:generalComment>
      <common:generalComment xml:lang="zh">${zh}（中国）</common:generalComment>
      <classificationInformation><common:classification><common:class level="1">Construction</common:class><common:class level="0">Materials production</common:class></common:classification></classificationInformation>
    </dataSetInformation>
    <quantitativeReference type="Reference flow(s)"><referenceToReferenceFlow>0</referenceToReferenceFlow></quantitativeReference>
    <time><common:referenceYear>${year}</common:referenceYear><common:dataSetValidUntil>${year + 5}</common:dataSetValidUntil></time>
    <geography><locationOfOperationSupplyOrProduction location="${location}"/></geography>
    <technology><technologyDescriptionAndIncludedProcesses xml:lang="en">Dry process kiln</technologyDescriptionAndIncludedProcesses><technologyDescriptionAndIncludedProcesses xml:lang="zh">干法窑</technologyDescriptionAndIncludedProcesses></technology>
  </processInformation>
  <modellingAndValidation>
    <LCIMethodAndAllocation><typeOfDataSet>Unit process, single operation</typeOfDataSet></LCIMethodAndAllocation>
    <dataSourcesTreatmentAndRepresentativeness><referenceToDataSource type="source data set" refObjectId="${IDS.source}"><common:shortDescription xml:lang="en">Study</common:shortDescription></referenceToDataSource></dataSourcesTreatmentAndRepresentativeness>
    <validation><review type="Dependent internal review"><common:referenceToNameOfReviewerAndInstitution refObjectId="${IDS.contact}" type="contact data set"><common:shortDescription xml:lang="en">Group</common:shortDescription></common:referenceToNameOfReviewerAndInstitution></review></validation>
  </modellingAndValidation>
  <administrativeInformation>
    <dataGenerator><common:referenceToPersonOrEntityGeneratingTheDataSet refObjectId="${IDS.contact}" type="contact data set"/></dataGenerator>
    <publicationAndOwnership><common:copyright>false</common:copyright><common:licenseType>Free of charge for all users and uses</common:licenseType></publicationAndOwnership>
  </administrativeInformation>
  <exchanges>${exchanges
    .map(
      (x, i) => `
    <exchange dataSetInternalID="${i}"><referenceToFlowDataSet type="flow data set" refObjectId="${x.flow}"><common:shortDescription xml:lang="en">${x.name}</common:shortDescription></referenceToFlowDataSet>
      <exchangeDirection>${x.direction}</exchangeDirection><meanAmount>${x.amount}</meanAmount><resultingAmount>${x.amount}</resultingAmount>${x.extra ?? ''}</exchange>`,
    )
    .join('')}
  </exchanges>
</processDataSet>`;
}

export function ilcdFixtureEntries(): Record<string, string> {
  return {
    'ILCD/ILCDLocations.xml':
      '<?xml version="1.0"?><ILCDLocations xmlns="http://lca.jrc.it/ILCD/Locations"><location value="SD-CN">Shandong (山东), China (中国)</location><location value="SZ-JS-CN">Suzhou (苏州), Jiangsu (江苏), China (中国)</location></ILCDLocations>',
    [`ILCD/unitgroups/${IDS.mass}.xml`]: unitGroup(IDS.mass, 'Units of mass', 0, [
      ['kg', '1.0'],
      ['t', '1000.0'],
    ]),
    [`ILCD/unitgroups/${IDS.energy}.xml`]: unitGroup(IDS.energy, 'Units of energy', 0, [
      ['MJ', '1'],
      ['kWh', '3.6'],
    ]),
    [`ILCD/unitgroups/${IDS.time}.xml`]: unitGroup(IDS.time, 'Units of time', 1, [
      ['d', '1'],
      ['a', '365.0'],
    ]),
    [`ILCD/flowproperties/${IDS.massProperty}.xml`]: flowProperty(IDS.massProperty, 'Mass', IDS.mass),
    [`ILCD/flowproperties/${IDS.energyProperty}.xml`]: flowProperty(
      IDS.energyProperty,
      'Net calorific value',
      IDS.energy,
    ),
    [`ILCD/flowproperties/${IDS.timeProperty}.xml`]: flowProperty(IDS.timeProperty, 'Time', IDS.time),
    [`ILCD/flows/${IDS.cement}.xml`]: flow(
      IDS.cement,
      'Cement',
      '水泥',
      'Product flow',
      IDS.massProperty,
      productClass('Materials production'),
    ),
    [`ILCD/flows/${IDS.electricity}.xml`]: flow(
      IDS.electricity,
      'Electricity',
      '电力',
      'Product flow',
      IDS.energyProperty,
      productClass('Energy carriers and technologies'),
    ),
    [`ILCD/flows/${IDS.co2}.xml`]: flow(
      IDS.co2,
      'carbon dioxide (fossil)',
      undefined,
      'Elementary flow',
      IDS.massProperty,
      emissionToAir,
      '000124-38-9',
    ),
    [`ILCD/flows/${IDS.ch4}.xml`]: flow(
      IDS.ch4,
      'methane (biogenic)',
      undefined,
      'Elementary flow',
      IDS.massProperty,
      emissionToAir,
      '74-82-8',
    ),
    [`ILCD/sources/${IDS.source}.xml`]: `<?xml version="1.0"?><sourceDataSet xmlns="http://lca.jrc.it/ILCD/Source" ${COMMON}><sourceInformation><dataSetInformation><common:UUID>${IDS.source}</common:UUID><common:shortName xml:lang="en">Li et al. 2020</common:shortName><sourceCitation>Li, Wang: Cement in Shandong. J. Clean. Prod. (2020)</sourceCitation></dataSetInformation></sourceInformation></sourceDataSet>`,
    [`ILCD/contacts/${IDS.contact}.xml`]: `<?xml version="1.0"?><contactDataSet xmlns="http://lca.jrc.it/ILCD/Contact" ${COMMON}><contactInformation><dataSetInformation><common:UUID>${IDS.contact}</common:UUID><common:name xml:lang="en">Tiangong LCI Data Working Group</common:name><common:name xml:lang="zh">天工LCI数据团队</common:name></dataSetInformation></contactInformation></contactDataSet>`,
    [`ILCD/processes/${IDS.cementProcess}.xml`]: processXml(
      IDS.cementProcess,
      'Cement production ; clinker ; dry process',
      '水泥生产 ; 熟料 ; 干法',
      'SD-CN',
      2019,
      [
        { flow: IDS.cement, name: 'Cement', direction: 'Output', amount: '1000.0' },
        { flow: IDS.electricity, name: 'Electricity', direction: 'Input', amount: '90' },
        { flow: IDS.gypsum, name: 'Gypsum', direction: 'Input', amount: '50' },
        { flow: IDS.co2, name: 'carbon dioxide (fossil)', direction: 'Output', amount: '800' },
      ],
    ),
    [`ILCD/processes/${IDS.electricityProcess}.xml`]: processXml(
      IDS.electricityProcess,
      'Electricity production ; coal',
      '电力生产 ; 燃煤',
      'SZ-JS-CN',
      2021,
      [
        { flow: IDS.electricity, name: 'Electricity', direction: 'Output', amount: '1' },
        {
          flow: IDS.co2,
          name: 'carbon dioxide (fossil)',
          direction: 'Output',
          amount: '0.2',
          extra:
            '<uncertaintyDistributionType>uniform</uncertaintyDistributionType><minimumAmount>0.25</minimumAmount><maximumAmount>0.15</maximumAmount>',
        },
        { flow: IDS.ch4, name: 'methane (biogenic)', direction: 'Output', amount: '0.001' },
      ],
    ),
  };
}

export function ilcdFixture(entries: Record<string, string> = ilcdFixtureEntries()): string {
  return writeZip('china-cement-ilcd.zip', entries);
}
