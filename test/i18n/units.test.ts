import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quantityText, unitWord } from '../../src/i18n/units.ts';

test('a unit reads in words in the reader’s language, English in the plural unless one', () => {
  assert.equal(quantityText('1', 'kg', 'zh'), '1 千克');
  assert.equal(quantityText('1', 'kg', 'en'), '1 kilogram');
  assert.equal(quantityText('2.5', 'kWh', 'en'), '2.5 kilowatt hours');
  assert.equal(quantityText('1,200', 't*km', 'zh'), '1,200 吨公里');
});

test('a unit the catalogue does not know reads as written', () => {
  assert.equal(quantityText('3', 'bushel', 'zh'), '3 bushel');
  assert.equal(unitWord('constructor', 'en'), 'constructor');
});
