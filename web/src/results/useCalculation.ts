import { useEffect, useRef, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { followJob, JobFailedError } from '../api/jobs.ts';
import type { Job } from '../api/types.ts';

export { isActive } from '../api/jobs.ts';

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
      const done = await followJob(await api.calculate(studyId), setJob, () => mounted.current);
      if (done.state === 'done') onDone();
    } catch (e) {
      // a failed calculation shows as the job's state and reason, as before
      if (mounted.current && !(e instanceof JobFailedError)) setError(e);
    }
  }

  return { job, error, start };
}
