import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateFormula, FormulaError, parseFormula } from '../../src/engine/formula.ts';

test('formulas follow precedence, associativity and functions', () => {
  assert.equal(evaluateFormula('1 + 2 * 3', {}), 7);
  assert.equal(evaluateFormula('(1 + 2) * 3', {}), 9);
  assert.equal(evaluateFormula('2 ^ 3 ^ 2', {}), 512);
  assert.equal(evaluateFormula('-2 ^ 2', {}), -4);
  assert.equal(evaluateFormula('10 - 4 - 3', {}), 3);
  assert.equal(evaluateFormula('12 / 4 / 3', {}), 1);
  assert.equal(evaluateFormula('min(8, years) * 1.5e2', { years: 10 }), 1200);
  assert.equal(evaluateFormula('max(1, 2, 3) + abs(-2) + sqrt(16) + round(2.5) + ln(exp(1))', {}), 13);
  // a 75 kWh pack, 60 cycles a year over 8 years: 36,000 kWh over its service life
  assert.equal(
    evaluateFormula('capacity_kWh * cycles_per_year * years', { capacity_kWh: 75, cycles_per_year: 60, years: 8 }),
    36000,
  );
});

test('a formula names the parameters it reads', () => {
  assert.deepEqual(parseFormula('a * b + a / c_2').names, ['a', 'b', 'c_2']);
});

test('bad formulas are refused with the character at fault', () => {
  const cases: [string, RegExp][] = [
    ['1 +', /unexpected end of formula/],
    ['(1 + 2', /missing "\)"/],
    ['2 ** 3', /unexpected "\*" at character 4/],
    ['process.exit(1)', /unexpected "\."/],
    ['alert(1)', /unknown function "alert"/],
    ['min()', /unexpected "\)"/],
    ['sqrt(1, 2)', /takes 1 argument/],
    ['1 / 0', /evaluates to Infinity/],
    ['x * 2', /unknown parameter "x"/],
    ['constructor', /unknown parameter "constructor"/],
    ['x'.repeat(501), /longer than 500/],
  ];
  for (const [f, re] of cases)
    assert.throws(
      () => evaluateFormula(f, {}),
      (e: unknown) => e instanceof FormulaError && re.test(e.message),
      f,
    );
});
