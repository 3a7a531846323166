/**
 * The Excel inventory: a template a practitioner fills in, and the parser that turns it into study
 * entries. The workbook's layout is in study-excel/columns.ts; see README.md.
 */
export { studyTemplate } from './study-excel/template.ts';
export { parseStudyWorkbook, StudyWorkbookError, type WorkbookIssue } from './study-excel/parse.ts';
