import { parentPort } from 'node:worker_threads';
import type { CodedMessageData } from '../model/message.ts';
import type { Study, StudyResult } from '../model/study.ts';
import { buildBackground, type Background, type BackgroundInputs } from '../studies/background.ts';
import { calculateStudy } from '../studies/calculate.ts';
import { componentFootprints } from '../studies/components.ts';

/**
 * A calculation thread: builds backgrounds from the inputs the main thread read from the store,
 * keeps the few most recent (keyed by store and releases), and calculates studies on them, so the
 * factorisation, the scores and a Monte Carlo of 20,000 draws never hold up the main thread's
 * event loop. Progress goes back as messages; so does the result or the error.
 */

export type ToThread = {
  id: number;
  type: 'calculate';
  key: string;
  study: Study;
  /** the component studies the entries use, at any depth (checked and calculated here) */
  components: Study[];
  iterations: number;
  seed: number;
  inputs?: BackgroundInputs;
};

export type FromThread =
  | { id: number; type: 'need-background' }
  | { id: number; type: 'progress'; fraction: number; message: CodedMessageData }
  | { id: number; type: 'result'; result: StudyResult }
  | { id: number; type: 'error'; name: string; message: string };

const MAX_BACKGROUNDS = Math.max(1, Number(process.env.TANJI_BACKGROUND_CACHE ?? 4) || 4);
const backgrounds = new Map<string, Background>();
const port = parentPort!;

function background(key: string, inputs: BackgroundInputs | undefined): Background | undefined {
  let bg = backgrounds.get(key);
  if (bg) backgrounds.delete(key);
  else if (inputs) bg = buildBackground(inputs);
  else return undefined;
  backgrounds.set(key, bg);
  if (backgrounds.size > MAX_BACKGROUNDS) backgrounds.delete(backgrounds.keys().next().value!);
  return bg;
}

port.on('message', async (m: ToThread) => {
  const send = (msg: FromThread) => port.postMessage(msg);
  try {
    const bg = background(m.key, m.inputs);
    if (!bg) return send({ id: m.id, type: 'need-background' });
    const byId = new Map(m.components.map((s) => [s.id, s]));
    const components = await componentFootprints(async (id) => byId.get(id), m.study, bg, {
      iterations: m.iterations,
      seed: m.seed,
    });
    const result = calculateStudy(m.study, bg, {
      iterations: m.iterations,
      seed: m.seed,
      components,
      onProgress: (fraction, message) => send({ id: m.id, type: 'progress', fraction, message }),
    });
    send({ id: m.id, type: 'result', result });
  } catch (e) {
    const err = e as Error;
    send({
      id: m.id,
      type: 'error',
      name: err.name === 'Error' ? err.constructor.name : err.name,
      message: err.message,
    });
  }
});
