import { z } from 'zod';
import type { PactEvents } from '../pact/events.ts';
import { PermanentJobError, RetryLaterError, type Handler } from './worker.ts';
import { jobMessage as coded } from './messages.ts';

/**
 * The `pact-event` job: one attempt at delivering a received PACT event (src/pact/events.ts).
 * The event row keeps what the company sees (attempts, last error, next attempt); the job retries
 * on the event's own backoff and ends failed with the reason once the 72 h rule gives up.
 */

export const PactEventParamsSchema = z.object({
  /** the pact_events row */
  event: z.number().int().positive(),
  /** the receiving host's events endpoint, sent as the answer's source */
  source: z.string().max(2000).default(''),
});

export function pactDelivery(events: PactEvents): Handler {
  return async ({ job }) => {
    const { event, source } = PactEventParamsSchema.parse(job.params);
    const outcome = await events.deliver(event, source);
    if (outcome.state === 'retry') throw new RetryLaterError(outcome.reason, outcome.inMs);
    if (outcome.state === 'gave-up') throw new PermanentJobError(outcome.reason);
    return { message: coded('job.event-delivered', { event: String(event) }), output: { event } };
  };
}
