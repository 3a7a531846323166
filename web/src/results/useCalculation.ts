import { useEffect, useRef, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { Job } from '../api/types.ts';

const POLL_MS = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function isActive(job: Job | null): boolean {
  return job?.state === 'queued' || job?.state === 'running';
}

/** Starts a calculation job and follows it until it is done or failed. */
export function useCalculation(studyId: string, onDone: () => void) {
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<unknown>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  async function start() {
    setError(null);
    try {
      let current = await api.calculate(studyId);
      setJob(current);
      while (isActive(current)) {
        await sleep(POLL_MS);
        if (!mounted.current) return;
        current = await api.job(current.id);
        setJob(current);
      }
      if (current.state === 'done') onDone();
    } catch (e) {
      if (mounted.current) setError(e);
    }
  }

  return { job, error, start };
}
