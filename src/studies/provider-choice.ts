import type { ProviderChoice } from '../engine/scope.ts';
import { CALCULATION_TEXTS } from '../i18n/calculation.ts';
import { coder, type CodedMessage } from '../i18n/define.ts';

/** One warning per provider choice the linker made among several, coded for the reader's language. */
export function providerChoiceWarning(c: ProviderChoice): CodedMessage {
  return coder(CALCULATION_TEXTS)('calc.provider-choice', {
    candidates: c.candidates.length,
    process: c.processName,
    flow: c.flowName,
    provider: c.chosenProcessName,
    location: c.chosenLocation ?? '',
    rule: c.rule,
  });
}
