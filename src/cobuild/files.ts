import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFactorsCsv } from '../factors/import-csv.ts';
import { parseCsvText } from '../factors/csv.ts';
import { importDatabase } from '../formats/index.ts';
import { zipDirectory } from '../formats/zip.ts';
import { processDataset } from './datasets.ts';
import { parseDatasetWorkbook } from './excel.ts';
import { SharingSchema, type ProductionVolume, type Sharing, type SubmissionInput } from './model.ts';
import { applyDefaults, type MetadataDefaults } from './validate.ts';

/**
 * Datasets from an uploaded file: the Excel submission template, factors as CSV in the layout a
 * release exports, or unit processes as an openLCA JSON-LD or EcoSpold2 zip (each process becomes
 * one submission with the flows it uses). The importers read files, so the upload is written to a
 * private temporary directory for the duration of the import. Metadata the datasets lack can be
 * supplied for all of them at once.
 */

export interface UploadOptions extends MetadataDefaults {
  /** for datasets whose file does not say */
  sharing?: Sharing;
  /** applied to every dataset of the file that has none */
  productionVolume?: ProductionVolume;
}

/** A zip by its first bytes ("PK", also an empty archive's end record), or by its name: then a file that is not one is refused as such. */
const isZip = (b: Uint8Array, name: string) =>
  (b.length > 1 && b[0] === 0x50 && b[1] === 0x4b) || /\.(zip|xlsx)$/i.test(name);

const isWorkbook = (b: Uint8Array, file: string) => zipDirectory(b, file).some((e) => e.name === 'xl/workbook.xml');

async function withTempFile<T>(data: Uint8Array, name: string, use: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'tanji-upload-'));
  try {
    // the name only picks the importer's messages and the database name: keep it to a safe base name
    const path = join(dir, name.replace(/[^\w.\-\u4e00-\u9fff]+/g, '_').slice(-100) || 'upload');
    await writeFile(path, data);
    return await use(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Extra columns a factor CSV may carry beside the release layout. */
function csvMeta(
  text: string,
  file: string,
): { sharing?: Sharing; productionVolume?: ProductionVolume; note?: string }[] {
  return parseCsvText(text, file).rows.map(({ values: v }) => ({
    sharing: v.sharing ? SharingSchema.parse(v.sharing) : undefined,
    productionVolume: v.production_volume
      ? { amount: Number(v.production_volume), unit: v.production_unit ?? '' }
      : undefined,
    note: v.note || undefined,
  }));
}

export async function datasetsFromFile(
  data: Uint8Array,
  fileName: string,
  opts: UploadOptions = {},
): Promise<SubmissionInput[]> {
  let inputs: SubmissionInput[];
  if (isZip(data, fileName) && isWorkbook(data, fileName)) inputs = await parseDatasetWorkbook(data, opts.sharing);
  else if (isZip(data, fileName)) {
    const db = await withTempFile(data, fileName.endsWith('.zip') ? fileName : `${fileName}.zip`, (path) =>
      importDatabase(path),
    );
    inputs = db.processes.map((p) => ({
      dataset: processDataset(db, p),
      meta: { sharing: opts.sharing ?? 'confidential' },
    }));
  } else {
    const text = new TextDecoder().decode(data);
    const factors = await withTempFile(data, fileName.endsWith('.csv') ? fileName : `${fileName}.csv`, async (path) =>
      importFactorsCsv(path),
    );
    const extra = csvMeta(text, fileName);
    inputs = factors.map((factor, i) => ({
      dataset: { type: 'factor', factor },
      meta: {
        sharing: extra[i]?.sharing ?? opts.sharing ?? 'confidential',
        productionVolume: extra[i]?.productionVolume,
        note: extra[i]?.note,
      },
    }));
  }
  return inputs.map((input) => ({
    dataset: applyDefaults(input.dataset, opts),
    meta: { ...input.meta, productionVolume: input.meta.productionVolume ?? opts.productionVolume },
  }));
}
