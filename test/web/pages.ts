import { DEMO_USERS } from '../../src/server/demo.ts';

/**
 * Every page of the web app, by who can open it: the one list the language sweep walks. A page
 * added later is one line here. `ready` is a test id that shows once the page has its data.
 */

export interface PageVisit {
  hash: string;
  ready?: string;
}

const [practitioner, verifier, admin, steward] = DEMO_USERS;

export const PAGES_BY_ACCOUNT: { email: string; password: string; pages: PageVisit[] }[] = [
  { email: '', password: '', pages: [{ hash: '#/login' }, { hash: '#/open-data' }, { hash: '#/electricity-map' }] },
  {
    email: practitioner.email,
    password: practitioner.password,
    pages: [
      { hash: '#/studies' },
      { hash: '#/studies/new' },
      { hash: '#/studies/{durian}' },
      { hash: '#/studies/{durian}/results', ready: 'hotspot-table' },
      { hash: '#/portfolio', ready: 'portfolio-table' },
      { hash: '#/supply-chain' },
      { hash: '#/cobuild' },
    ],
  },
  { email: verifier.email, password: verifier.password, pages: [{ hash: '#/studies' }] },
  {
    email: steward.email,
    password: steward.password,
    pages: [
      { hash: '#/cobuild' },
      { hash: '#/cobuild/aggregates' },
      { hash: '#/cobuild/benchmarks' },
      { hash: '#/cobuild/releases' },
    ],
  },
  { email: admin.email, password: admin.password, pages: [{ hash: '#/admin', ready: 'user-table' }] },
];
