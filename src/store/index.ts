/** The store's public surface: import from here. */
export {
  openStore,
  defaultDataDir,
  MEMORY,
  StoreInUseError,
  type Store,
  type StoreOptions,
  type Queryable,
  type Subscription,
} from './connection.ts';
export { sendNotice, watchStore, type Notice, type NoticeTopic, type NoticeListener } from './notices.ts';
export { migrate, schemaVersion, MIGRATIONS, type Migration } from './migrations.ts';
export {
  saveRelease,
  insertRelease,
  loadRelease,
  loadFactors,
  listReleases,
  getRelease,
  datasetLicences,
  ReleaseExistsError,
  NoSuchReleaseError,
  type ReleaseInput,
  type ReleaseInfo,
  type LoadOptions,
} from './releases.ts';
export { searchFactors, type FactorFilter, type FoundFactor } from './factor-search.ts';
export { diffReleases, type ReleaseDiff, type RecordDiff, type RecordRef, type ChangedRecord } from './diff.ts';
export { exportReleaseJsonLd, jsonLdZip } from './export-jsonld.ts';
export { exportReleaseIlcd, exportReleaseEcoSpold2, ZIP_FORMATS } from './export-formats.ts';
export { exportReleaseCsv, exchangesCsv, factorsCsv, type ReleaseCsv } from './export-csv.ts';
export * from './accounts.ts';
export * from './studies.ts';
export * from './results.ts';
export * from './logins.ts';
export * from './instance.ts';
export { backupPglite, restorePglite, backupPostgres, restorePostgres } from './backup.ts';
export * from './jobs.ts';
export * from './imports.ts';
export * from './report-files.ts';
export * from './pact.ts';
export * from './cobuild.ts';
export { loadScreen, loadQuarantine, screenedProcesses } from './screens.ts';
export * from './labels.ts';
