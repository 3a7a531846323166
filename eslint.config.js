// The import layering of src/ as a rule a tool holds (each folder's README says what it may import):
// model → engine → formats/factors/rules/screen/report → store → studies/labels/admin/cobuild/pact → jobs/ops → server/cli.
import tseslint from 'typescript-eslint';

const FOLDERS = [
  'model',
  'engine',
  'formats',
  'factors',
  'rules',
  'screen',
  'report',
  'i18n',
  'store',
  'studies',
  'labels',
  'admin',
  'cobuild',
  'pact',
  'jobs',
  'ops',
  'server',
  'cli',
];

/** folder → the other src/ folders it may import from */
const MAY_IMPORT = {
  model: [],
  i18n: [],
  engine: ['model', 'i18n'],
  formats: ['model', 'engine/sparse', 'i18n'],
  factors: ['model', 'engine', 'formats/errors', 'i18n'],
  rules: ['model', 'engine', 'i18n'],
  screen: ['model', 'engine', 'formats', 'factors', 'i18n'],
  report: ['model', 'rules', 'i18n'],
  store: ['model', 'engine', 'formats', 'factors/csv', 'screen', 'i18n'],
  studies: ['model', 'engine', 'factors', 'formats', 'rules', 'screen', 'i18n', 'store'],
  labels: ['model', 'engine', 'factors', 'formats', 'rules', 'report', 'i18n', 'store', 'studies'],
  admin: ['model', 'i18n', 'store'],
  cobuild: ['model', 'engine', 'factors', 'formats', 'rules', 'i18n', 'store', 'studies'],
  pact: ['model', 'formats', 'i18n', 'store', 'studies'],
  ops: ['model', 'i18n', 'store'],
  jobs: [
    'model',
    'engine',
    'factors',
    'formats',
    'rules',
    'screen',
    'report',
    'i18n',
    'store',
    'studies',
    'labels',
    'cobuild',
    'pact',
    'ops',
  ],
  server: FOLDERS.filter((f) => f !== 'server' && f !== 'cli'),
  cli: FOLDERS.filter((f) => f !== 'cli'),
};

/** Pure folders run in the browser too: no Node built-in. */
const PURE = new Set(['model', 'engine', 'i18n']);

const forbidden = (folder) => {
  const allowed = MAY_IMPORT[folder];
  const groups = FOLDERS.filter((f) => f !== folder && !allowed.includes(f)).map((f) => {
    // a folder allowed only in part (engine/sparse) forbids its other files
    const part = allowed.find((a) => a.startsWith(`${f}/`));
    return part ? [`**/${f}/*`, `!**/${part}`, `!**/${part}/**`, `!**/${part}.ts`] : [`**/${f}/**`, `**/${f}/*`];
  });
  const patterns = groups.map((group) => ({
    group,
    message: `src/${folder} may import only ${allowed.length ? allowed.join(', ') : 'nothing from the project'} (see src/${folder}/README.md)`,
  }));
  if (PURE.has(folder))
    patterns.push({
      group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads'],
      message: `src/${folder} is pure: no Node built-ins (it runs in the browser)`,
    });
  return patterns;
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', '**/*.js'] },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
  },
  ...Object.keys(MAY_IMPORT).map((folder) => ({
    files: [`src/${folder}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: forbidden(folder) }] },
  })),
  // the web app runs in the browser and talks to the server over HTTP: of src/ it takes types and pure code only (web/README.md)
  {
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/src/store/**',
                '**/src/server/**',
                '**/src/cli/**',
                '**/src/jobs/**',
                '**/src/ops/**',
                '**/src/admin/**',
                '**/src/pact/**',
              ],
              allowTypeImports: true,
              message: 'web/ talks to the server over HTTP: from this folder it may import types only (web/README.md)',
            },
            {
              group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads'],
              message: 'web/ runs in the browser: no Node built-ins',
            },
          ],
        },
      ],
    },
  },
);
