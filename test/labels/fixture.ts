import type { Benchmark, UnsignedCredential } from '../../src/model/credential.ts';
import { gradeStatement } from '../../src/labels/grading.ts';

/** A small benchmark and an unsigned credential written out by hand, for the pure label tests. */

export const BENCHMARK: Benchmark = {
  id: 'fresh-durian',
  title: { zh: '鲜榴莲', en: 'Fresh durian' },
  declaredUnit: 'kg',
  distribution: { kind: 'published', source: 'test figures', values: [2], verified: false },
  grading: { basis: 'value', bounds: [1, 1.6, 2.4, 3.2] },
  version: 1,
  publishedAt: '2026-01-01T00:00:00.000Z',
  publishedBy: 'steward',
};

export async function unsignedCredential(did: string, value = 1.8): Promise<UnsignedCredential> {
  const id = '0b5d1c6e-7a4f-4c1e-9a53-2f1d2c3b4a59';
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: `urn:uuid:${id}`,
    type: ['VerifiableCredential', 'ProductCarbonFootprintCredential'],
    issuer: { id: did, name: '测试认证中心 Test Certification' },
    validFrom: '2026-01-01T00:00:00.000Z',
    validUntil: '2029-01-01T00:00:00.000Z',
    credentialStatus: {
      id: `https://tanji.example/api/registry/revocations/${did}#${id}`,
      type: 'TanjiRevocationList',
      revocationList: `https://tanji.example/api/registry/revocations/${did}`,
    },
    credentialSubject: {
      id: `urn:tanji:label:${id}`,
      type: 'ProductCarbonFootprint',
      product: {
        name: '海南榴莲 <Hainan> durian & "Musang"',
        description: '',
        region: 'CN-HI',
        company: { id: 'c1', name: '演示果业 Demo Orchard' },
      },
      study: {
        id: 's1',
        version: 3,
        name: 'durian',
        boundary: 'cradle-to-gate',
        referenceFlow: '1 kg',
        year: 2025,
        cutoff: '1 %',
        limitations: '',
        entries: 9,
      },
      footprint: {
        value,
        unit: 'kg CO2e',
        declaredUnit: { amount: 1, unit: 'kg', description: '' },
        removals: -0.25,
        lines: { fossil: value, biogenic: 0, landUseChange: 0, aircraft: 0, biogenicRemovals: -0.25 },
        byStage: [{ stage: 'raw-materials', name: { zh: '原材料', en: 'Raw materials' }, value }],
      },
      result: {
        hash: 'a'.repeat(64),
        computedAt: '2026-01-01T00:00:00.000Z',
        method: 'ipcc-ar6-gwp100',
        gwpSet: 'AR6',
        releases: { lci: 'uslci', factors: '2026.1' },
        primaryDataShare: 0.4,
        dqr: 2.1,
      },
      standard: 'ISO 14067:2018 / GB/T 24067-2024',
      pcr: { id: 'gbt-24067', version: '2024', title: { zh: '通则', en: 'General' }, conforms: true, findings: [] },
      grade: await gradeStatement(value, BENCHMARK),
      verification: { verifier: 'Wang Fang', statement: 'reviewed' },
      verificationPage: `https://tanji.example/#/verify/${id}`,
    },
  };
}
