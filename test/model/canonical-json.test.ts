import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalJson } from '../../src/model/canonical-json.ts';

test('canonical JSON sorts keys by UTF-16 code units and writes numbers as ECMAScript does (RFC 8785)', () => {
  // RFC 8785 3.2.3's sorting example: keys in code-unit order, not by locale
  const sorted = canonicalJson({
    '\u20ac': 'Euro Sign',
    '\r': 'Carriage Return',
    '\ufb33': 'Hebrew Letter Dalet With Dagesh',
    '1': 'One',
    '\ud83d\ude00': 'Emoji: Grinning Face',
    '\u0080': 'Control',
    '\u00f6': 'Latin Small Letter O With Diaeresis',
  });
  // (read from the text: JSON.parse would enumerate the integer-like key "1" first)
  const order = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'].map((k) =>
    sorted.indexOf(`${JSON.stringify(k)}:`),
  );
  assert.ok(
    order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!)),
    sorted,
  );
  // RFC 8785 appendix B number forms
  assert.equal(
    canonicalJson([1e21, 1e-7, 0.000001, -0, 333333333.3333333, 4.5]),
    '[1e+21,1e-7,0.000001,0,333333333.3333333,4.5]',
  );
  assert.equal(
    canonicalJson({ b: [true, null, 'x\u2028'], a: { d: 1, c: undefined } }),
    '{"a":{"d":1},"b":[true,null,"x\u2028"]}',
  );
  assert.throws(() => canonicalJson({ x: Number.NaN }), /no form for NaN/);
});
