import { define } from './define.ts';

/**
 * Why a file cannot be read (src/formats, and the factor CSV and workbook readers built on it).
 * `import.at` names where, in the file, the problem is; the problem is one of the other codes,
 * passed as its nested `problem` param so that both render in the reader's language. Names of
 * files, entries, fields and values stay as the file writes them.
 */

/** "A, B or C" from "A|B|C" */
const orList = (options: string) => {
  const list = String(options).split('|');
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list.at(-1)}` : list[0]!;
};
const zhList = (options: string) => String(options).split('|').join('、');

export const FORMAT_TEXTS = {
  'import.at': define<{ file: string; record: string; field: string; problem: string }>({
    en: (p) =>
      [p.file, p.record, p.field === '' ? '' : `field "${p.field}"`, p.problem].filter((s) => s !== '').join(': '),
    zh: (p) =>
      [p.file, p.record, p.field === '' ? '' : `字段「${p.field}」`, p.problem].filter((s) => s !== '').join('：'),
  }),

  // a field's value
  'import.expected-number': define<{ value: string }>({
    en: (p) => `expected a number, got ${p.value}`,
    zh: (p) => `应为数值，实际为 ${p.value}`,
  }),
  'import.expected-text': define<{ value: string }>({
    en: (p) => `expected a text, got ${p.value}`,
    zh: (p) => `应为文本，实际为 ${p.value}`,
  }),
  'import.expected-boolean': define<{ value: string }>({
    en: (p) => `expected true or false, got ${p.value}`,
    zh: (p) => `应为 true 或 false，实际为 ${p.value}`,
  }),
  'import.expected-object': define<{ value: string }>({
    en: (p) => `expected an object, got ${p.value}`,
    zh: (p) => `应为对象，实际为 ${p.value}`,
  }),
  'import.expected-list': define<{ value: string }>({
    en: (p) => `expected a list, got ${p.value}`,
    zh: (p) => `应为列表，实际为 ${p.value}`,
  }),
  'import.expected-one-of': define<{ options: string; value: string }>({
    en: (p) => `expected ${orList(p.options)}, got "${p.value}"`,
    zh: (p) => `应为 ${zhList(p.options)} 之一，实际为「${p.value}」`,
  }),
  'import.not-in-model': define<{ problem: string }>({
    en: (p) => `${p.problem}`,
    zh: (p) => `不符合数据模型：${p.problem}`,
  }),

  // the archive and its documents
  'import.unknown-format': define<{ folders: string; count: number }>({
    en: (p) =>
      `not a known LCI database format: expected .spold files (EcoSpold2), processes/*.json (openLCA JSON-LD) or processes/*.xml (ILCD), but it holds ${p.folders}${p.count > 8 ? `, ... (${p.count} in all)` : ''}`,
    zh: (p) =>
      `不是可识别的 LCI 数据库格式：应含 .spold 文件（EcoSpold2）、processes/*.json（openLCA JSON-LD）或 processes/*.xml（ILCD），但其中包含 ${p.folders}${p.count > 8 ? ` 等（共 ${p.count} 项）` : ''}`,
  }),
  'import.unknown-format-empty': define({
    en: () =>
      'not a known LCI database format: expected .spold files (EcoSpold2), processes/*.json (openLCA JSON-LD) or processes/*.xml (ILCD), but it is empty',
    zh: () =>
      '不是可识别的 LCI 数据库格式：应含 .spold 文件（EcoSpold2）、processes/*.json（openLCA JSON-LD）或 processes/*.xml（ILCD），但文件是空的',
  }),
  'import.not-ilcd': define({
    en: () => 'no processes/*.xml data sets: not an ILCD archive',
    zh: () => '没有 processes/*.xml 数据集：不是 ILCD 数据包',
  }),
  'import.not-jsonld': define({
    en: () => 'no processes/*.json entries: not an openLCA JSON-LD zip',
    zh: () => '没有 processes/*.json 条目：不是 openLCA JSON-LD 压缩包',
  }),
  'import.not-ecospold2': define({
    en: () => 'no .spold entries: not an EcoSpold2 zip',
    zh: () => '没有 .spold 条目：不是 EcoSpold2 压缩包',
  }),
  'import.not-json': define<{ detail: string }>({
    en: (p) => `not valid JSON (${p.detail})`,
    zh: (p) => `不是有效的 JSON（${p.detail}）`,
  }),
  'import.not-xml': define({
    en: () => 'not an XML document',
    zh: () => '不是 XML 文档',
  }),
  'import.xml-malformed': define<{ detail: string }>({
    en: (p) => `not well-formed XML (${p.detail})`,
    zh: (p) => `XML 格式不正确（${p.detail}）`,
  }),
  'import.xml-malformed-at': define<{ reason: string; line: number; column: number }>({
    en: (p) => `not well-formed XML: ${p.reason} (line ${p.line}, column ${p.column})`,
    zh: (p) => `XML 格式不正确：${p.reason}（第 ${p.line} 行，第 ${p.column} 列）`,
  }),
  'import.xml-declaration': define<{ declaration: 'DOCTYPE' | 'ENTITY' }>({
    en: (p) =>
      `refused: the document declares a ${p.declaration === 'DOCTYPE' ? 'DTD (<!DOCTYPE>)' : 'entity (<!ENTITY>)'}; these are never fetched or expanded`,
    zh: (p) =>
      `已拒绝：文档声明了${p.declaration === 'DOCTYPE' ? ' DTD（<!DOCTYPE>）' : '实体（<!ENTITY>）'}；此类声明一律不获取、不展开`,
  }),
  'import.no-root': define({
    en: () => 'no root element',
    zh: () => '没有根元素',
  }),

  // ILCD and openLCA JSON-LD references
  'import.no-unit-with-id': define<{ id: string }>({
    en: (p) => `no unit with dataSetInternalID ${p.id}`,
    zh: (p) => `没有 dataSetInternalID 为 ${p.id} 的单位`,
  }),
  'import.reference-unit-zero': define<{ unit: string }>({
    en: (p) => `the reference unit "${p.unit}" has meanValue 0`,
    zh: (p) => `参考单位「${p.unit}」的 meanValue 为 0`,
  }),
  'import.unit-group-missing': define<{ id: string }>({
    en: (p) => `unit group ${p.id} is not in the archive`,
    zh: (p) => `数据包中没有单位组 ${p.id}`,
  }),
  'import.no-flow-property-with-id': define<{ id: string }>({
    en: (p) => `no flow property with dataSetInternalID ${p.id}`,
    zh: (p) => `没有 dataSetInternalID 为 ${p.id} 的流属性`,
  }),
  'import.flow-property-missing': define<{ id: string }>({
    en: (p) => `flow property ${p.id} is not in the archive`,
    zh: (p) => `数据包中没有流属性 ${p.id}`,
  }),
  'import.unknown-unit-group': define<{ id: string }>({
    en: (p) => `unknown unit group ${p.id}`,
    zh: (p) => `未知的单位组 ${p.id}`,
  }),
  'import.unknown-flow-property': define<{ id: string }>({
    en: (p) => `unknown flow property ${p.id}`,
    zh: (p) => `未知的流属性 ${p.id}`,
  }),
  'import.no-reference-property': define({
    en: () => 'no reference flow property',
    zh: () => '没有参考流属性',
  }),
  'import.no-reference-unit': define({
    en: () => 'no reference unit',
    zh: () => '没有参考单位',
  }),
  'import.unknown-allocation-method': define<{ method: string }>({
    en: (p) => `unknown allocation method ${p.method}`,
    zh: (p) => `未知的分配方法 ${p.method}`,
  }),
  'import.reference-count': define<{ count: number }>({
    en: (p) => `expected exactly one quantitative reference, found ${p.count}`,
    zh: (p) => `应有且仅有一个定量参考，实际有 ${p.count} 个`,
  }),
  'import.unknown-flow': define<{ id: string; name: string }>({
    en: (p) => `unknown flow ${p.id}${p.name === '' ? '' : ` "${p.name}"`}`,
    zh: (p) => `未知的流 ${p.id}${p.name === '' ? '' : `「${p.name}」`}`,
  }),
  'import.flow-lacks-property': define<{ flow: string; id: string }>({
    en: (p) => `flow "${p.flow}" has no flow property ${p.id}`,
    zh: (p) => `流「${p.flow}」没有流属性 ${p.id}`,
  }),
  'import.unit-not-in-group': define<{ unit: string; group: string }>({
    en: (p) => `unknown unit ${p.unit} (not in unit group ${p.group})`,
    zh: (p) => `未知的单位 ${p.unit}（不在单位组 ${p.group} 中）`,
  }),
  'import.unknown-distribution': define<{ value: string }>({
    en: (p) => `unknown distribution ${p.value}`,
    zh: (p) => `未知的分布类型 ${p.value}`,
  }),
  'import.unknown-allocation-type': define<{ value: string }>({
    en: (p) => `unknown allocation type ${p.value}`,
    zh: (p) => `未知的分配类型 ${p.value}`,
  }),

  // EcoSpold2 exchanges
  'import.unknown-unit': define<{ unit: string }>({
    en: (p) => `unknown unit "${p.unit}"`,
    zh: (p) => `未知的单位「${p.unit}」`,
  }),
  'import.one-group': define({
    en: () => 'expected exactly one of outputGroup and inputGroup',
    zh: () => 'outputGroup 与 inputGroup 应有且仅有一个',
  }),
  'import.group-invalid': define<{ group: string; exchange: string }>({
    en: (p) => `group ${p.group} is not valid for an ${p.exchange}`,
    zh: (p) => `分组 ${p.group} 不适用于 ${p.exchange}`,
  }),
  'import.unit-conflict': define<{ id: string; flow: string; unit: string; other: string }>({
    en: (p) => `flow ${p.id} "${p.flow}" is measured in ${p.unit} elsewhere; ${p.other} cannot be converted to it`,
    zh: (p) => `流 ${p.id}「${p.flow}」在别处以 ${p.unit} 计量，${p.other} 无法换算为该单位`,
  }),
  'import.kind-conflict': define<{ id: string; flow: string }>({
    en: (p) => `flow ${p.id} "${p.flow}" is used both as an elementary and an intermediate exchange`,
    zh: (p) => `流 ${p.id}「${p.flow}」既用作基本流交换，又用作中间流交换`,
  }),

  // zip archives
  'import.zip-truncated': define({
    en: () => 'the zip file is truncated (its directory at the end is missing): upload or copy it again',
    zh: () => 'zip 文件不完整（缺少末尾的目录）：请重新上传或复制',
  }),
  'import.not-zip': define({
    en: () => 'not a readable zip file (no zip directory found): check that the file is the archive you meant',
    zh: () => '不是可读取的 zip 文件（找不到 zip 目录）：请确认所选文件是要导入的压缩包',
  }),
  'import.zip64-damaged': define({
    en: () => 'the zip64 directory record is damaged',
    zh: () => 'zip64 目录记录已损坏',
  }),
  'import.zip-empty': define({
    en: () => 'the zip file is empty: it holds no files',
    zh: () => 'zip 文件是空的：其中没有任何文件',
  }),
  'import.zip-too-many': define<{ count: number; limit: number }>({
    en: (p) => `the zip holds ${p.count} entries, more than the ${p.limit} accepted`,
    zh: (p) => `zip 中有 ${p.count} 个条目，超过允许的 ${p.limit} 个`,
  }),
  'import.zip-directory-damaged': define<{ index: number; count: number }>({
    en: (p) => `the zip directory is damaged at entry ${p.index} of ${p.count} (truncated or not a zip)`,
    zh: (p) => `zip 目录在第 ${p.index} 个条目（共 ${p.count} 个）处损坏（文件不完整或不是 zip）`,
  }),
  'import.entry-missing': define({
    en: () => 'the entry is missing from the archive (truncated or damaged zip)',
    zh: () => '压缩包中缺少该条目（zip 不完整或已损坏）',
  }),
  'import.entry-cut-off': define({
    en: () => 'the entry is cut off (the zip file is truncated)',
    zh: () => '该条目被截断（zip 文件不完整）',
  }),
  'import.entry-encrypted': define({
    en: () => 'the entry is encrypted; Tanji reads only unencrypted zips',
    zh: () => '该条目已加密；碳迹只读取未加密的 zip',
  }),
  'import.entry-overflows': define<{ size: number }>({
    en: (p) => `the entry inflates to more than the ${p.size} bytes its header declares`,
    zh: (p) => `该条目解压后超过其文件头声明的 ${p.size} 字节`,
  }),
  'import.entry-corrupt': define<{ detail: string }>({
    en: (p) => `the entry is corrupt (${p.detail})`,
    zh: (p) => `该条目已损坏（${p.detail}）`,
  }),
  'import.entry-method': define<{ method: number }>({
    en: (p) => `the entry is compressed with method ${p.method}; only stored and deflated entries are read`,
    zh: (p) => `该条目使用压缩方法 ${p.method}；只能读取未压缩（stored）或 deflate 压缩的条目`,
  }),
  'import.entry-larger': define<{ size: number }>({
    en: (p) => `the entry holds more than the ${p.size} bytes its header declares`,
    zh: (p) => `该条目的内容超过其文件头声明的 ${p.size} 字节`,
  }),
  'import.entry-short': define<{ actual: number; size: number }>({
    en: (p) => `the entry holds ${p.actual} bytes, not the ${p.size} its header declares (damaged zip)`,
    zh: (p) => `该条目只有 ${p.actual} 字节，而非其文件头声明的 ${p.size} 字节（zip 已损坏）`,
  }),
  'import.entry-too-big': define<{ size: number; limit: number }>({
    en: (p) => `the entry declares ${p.size} bytes, more than the ${p.limit} accepted for one file`,
    zh: (p) => `该条目声明 ${p.size} 字节，超过单个文件允许的 ${p.limit} 字节`,
  }),
  'import.zip-too-big': define<{ total: number; limit: number }>({
    en: (p) => `the zip inflates to ${p.total} bytes, more than the ${p.limit} accepted`,
    zh: (p) => `zip 解压后共 ${p.total} 字节，超过允许的 ${p.limit} 字节`,
  }),
  'import.file-unreadable': define<{ reason: string }>({
    en: (p) => `cannot read the file${p.reason === '' ? '' : ` (${p.reason})`}`,
    zh: (p) => `无法读取该文件${p.reason === '' ? '' : `（${p.reason}）`}`,
  }),

  // workbooks: a cell, a row, the sheet
  'workbook.unreadable': define<{ problem: string }>({
    en: (p) => `not a readable .xlsx workbook: ${p.problem}`,
    zh: (p) => `不是可读取的 .xlsx 工作簿：${p.problem}`,
  }),
  'workbook.unreadable-detail': define<{ detail: string }>({
    en: (p) => `not a readable .xlsx workbook (${p.detail})`,
    zh: (p) => `不是可读取的 .xlsx 工作簿（${p.detail}）`,
  }),
  'workbook.no-sheet': define<{ sheets: string; found: string }>({
    en: (p) =>
      `no sheet ${String(p.sheets)
        .split('|')
        .map((s) => `"${s}"`)
        .join(' or ')}; the workbook has ${p.found}`,
    zh: (p) =>
      `没有名为${String(p.sheets)
        .split('|')
        .map((s) => `「${s}」`)
        .join('或')}的工作表；工作簿中的工作表为 ${p.found}`,
  }),
  'workbook.no-header': define<{ rows: number; examples: string }>({
    en: (p) => `no header row in the first ${p.rows} rows; expected column titles such as ${p.examples}`,
    zh: (p) => `前 ${p.rows} 行中没有表头行；应有 ${p.examples} 等列标题`,
  }),
  'workbook.duplicate-column': define<{ column: string }>({
    en: (p) => `names the same column as ${p.column}; keep one`,
    zh: (p) => `与 ${p.column} 是同一列；请只保留一列`,
  }),
  'workbook.missing-columns': define<{ columns: string }>({
    en: (p) => `the header has no column ${p.columns}`,
    zh: (p) => `表头缺少列 ${p.columns}`,
  }),
  'workbook.missing-dataset-columns': define<{ count: number; columns: string }>({
    en: (p) => `missing column${p.count === 1 ? '' : 's'} ${p.columns}`,
    zh: (p) => `缺少 ${p.count} 个必填列：${p.columns}`,
  }),
  'workbook.duplicate-id': define<{ id: string; row: number }>({
    en: (p) => `the id "${p.id}" is also the id of row ${p.row}`,
    zh: (p) => `编号「${p.id}」与第 ${p.row} 行的编号重复`,
  }),
  'workbook.formula-without-value': define({
    en: () => 'the formula has no computed value; open and save the file in Excel or WPS',
    zh: () => '公式没有计算结果；请用 Excel 或 WPS 打开并保存该文件',
  }),
  'workbook.cell-error': define<{ error: string }>({
    en: (p) => `the cell shows the error ${p.error}`,
    zh: (p) => `单元格显示错误 ${p.error}`,
  }),
  'workbook.cell-unreadable': define<{ value: string }>({
    en: (p) => `unreadable cell ${p.value}`,
    zh: (p) => `无法读取的单元格 ${p.value}`,
  }),
  'workbook.expected-yes-no': define<{ value: string }>({
    en: (p) => `expected yes or no (是/否), got ${p.value}`,
    zh: (p) => `应为“是”或“否”（yes/no），实际为 ${p.value}`,
  }),
  'workbook.unknown-value': define<{ value: string; allowed: string }>({
    en: (p) => `unknown value ${p.value}; allowed: ${p.allowed}`,
    zh: (p) => `未知的取值 ${p.value}；可选值：${p.allowed}`,
  }),
  'workbook.required': define({
    en: () => 'required',
    zh: () => '必填',
  }),
  'workbook.required-for-source': define<{ type: string }>({
    en: (p) => `required for source type "${p.type}"`,
    zh: (p) => `来源类型为「${p.type}」时必填`,
  }),
  'workbook.required-for-kind': define<{ kind: string }>({
    en: (p) => `required for kind "${p.kind}"`,
    zh: (p) => `类型为「${p.kind}」时必填`,
  }),
  'workbook.required-with-evidence': define({
    en: () => 'required with the other evidence columns',
    zh: () => '已填写其他证据列时必填',
  }),
  'workbook.at-least': define<{ minimum: number }>({
    en: (p) => `must be at least ${p.minimum}`,
    zh: (p) => `不得小于 ${p.minimum}`,
  }),
  'workbook.greater-than': define<{ minimum: number }>({
    en: (p) => `must be greater than ${p.minimum}`,
    zh: (p) => `必须大于 ${p.minimum}`,
  }),
  'workbook.only-for-kind': define<{ kind: string }>({
    en: (p) => `only for kind "${p.kind}"; leave it empty`,
    zh: (p) => `仅用于类型为「${p.kind}」的行；请留空`,
  }),
  'workbook.only-for-source': define<{ type: string }>({
    en: (p) => `only for source type "${p.type}"; leave it empty`,
    zh: (p) => `仅用于来源类型为「${p.type}」的行；请留空`,
  }),
  'workbook.transport-amount': define<{ tkm: number }>({
    en: (p) => `a transport amount is mass/1000 × distance = ${p.tkm} t*km; leave it empty or correct it`,
    zh: (p) => `运输量应为 质量/1000 × 距离 = ${p.tkm} t*km；请留空或改正`,
  }),
  'workbook.transport-unit': define<{ unit: string }>({
    en: (p) => `a transport amount is in t*km, not ${p.unit}`,
    zh: (p) => `运输量的单位是 t*km，而不是 ${p.unit}`,
  }),
  'workbook.volume-without-unit': define({
    en: () => 'a production volume needs its unit',
    zh: () => '填写了年产量，还须填写产量单位',
  }),
  'workbook.no-rows': define({
    en: () => 'the sheet has no dataset rows',
    zh: () => '该工作表中没有数据集行',
  }),
  'import.inventory-problems': define<{ count: number }>({
    en: (p) => `${p.count} problem${p.count === 1 ? '' : 's'} in the inventory`,
    zh: (p) => `清单中有 ${p.count} 处问题`,
  }),

  'import.workbook-problems': define<{ count: number }>({
    en: (p) => `${p.count} problem${p.count === 1 ? '' : 's'} in the workbook`,
    zh: (p) => `工作簿中有 ${p.count} 处问题`,
  }),

  // factor CSV files
  'import.csv-unreadable': define<{ detail: string }>({
    en: (p) => `${p.detail}`,
    zh: (p) => `CSV 文件无法解析：${p.detail}`,
  }),
  'import.csv-missing-columns': define<{ columns: string }>({
    en: (p) => `missing column(s) ${p.columns}; export a release as CSV for the layout`,
    zh: (p) => `缺少列 ${p.columns}；可将某个发布版本导出为 CSV 作为格式参照`,
  }),
  'import.csv-pedigree': define<{ value: string }>({
    en: (p) => `expected "(r;c;t;g;t)" with scores 1 to 5, got "${p.value}"`,
    zh: (p) => `应为「(r;c;t;g;t)」格式、每项 1 至 5 分，实际为「${p.value}」`,
  }),
  'import.csv-duplicate-id': define<{ id: string }>({
    en: (p) => `"${p.id}" appears twice`,
    zh: (p) => `「${p.id}」出现了两次`,
  }),
  'import.derived-without-method': define({
    en: () => 'a derived factor must say how it was derived',
    zh: () => '推导得出的因子必须说明推导方法',
  }),
};
