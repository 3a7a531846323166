import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { jobCounts, type Store } from '../store/index.ts';

/**
 * Prometheus metrics of this process (prom-client): HTTP request latency by route, jobs run and
 * their duration by kind and outcome, and, read from the store when scraped, jobs per kind and
 * state (shared by every process) and the store's connection pool. Served at /metrics.
 */

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'tanji_' });

const requests = new Histogram({
  name: 'tanji_http_request_duration_seconds',
  help: 'HTTP request latency by method, route pattern and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

const jobsRun = new Counter({
  name: 'tanji_jobs_run_total',
  help: 'jobs this process ran, by kind and outcome',
  labelNames: ['kind', 'outcome'],
  registers: [registry],
});
const jobsRunning = new Gauge({
  name: 'tanji_jobs_running_here',
  help: 'jobs running in this process',
  labelNames: ['kind'],
  registers: [registry],
});
const jobSeconds = new Histogram({
  name: 'tanji_job_duration_seconds',
  help: 'time from claim to end of a job in this process, by kind',
  labelNames: ['kind'],
  buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800],
  registers: [registry],
});

export function observeRequest(method: string, route: string, status: number, seconds: number): void {
  requests.observe({ method, route, status: String(status) }, seconds);
}

export function jobStarted(kind: string): void {
  jobsRunning.inc({ kind });
}

export function jobFinished(kind: string, outcome: string, seconds: number): void {
  jobsRunning.dec({ kind });
  jobsRun.inc({ kind, outcome });
  jobSeconds.observe({ kind }, seconds);
}

const watched = new Set<Store>();

/** Adds the store's job table and pool to what /metrics reports. */
export function watchStore(store: Store): void {
  watched.add(store);
}

export function unwatchStore(store: Store): void {
  watched.delete(store);
}

new Gauge({
  name: 'tanji_jobs',
  help: 'jobs in the store by kind and state (all processes)',
  labelNames: ['kind', 'state'],
  registers: [registry],
  async collect() {
    this.reset();
    for (const store of watched)
      for (const r of await jobCounts(store)) this.set({ kind: r.kind, state: r.state }, r.count);
  },
});

new Gauge({
  name: 'tanji_store_pool_connections',
  help: 'connections of the store pool (PostgreSQL server), by state',
  labelNames: ['state'],
  registers: [registry],
  collect() {
    this.reset();
    for (const store of watched) {
      const s = store.poolStats?.();
      if (!s) continue;
      this.set({ state: 'total' }, s.total);
      this.set({ state: 'idle' }, s.idle);
      this.set({ state: 'waiting' }, s.waiting);
    }
  },
});
