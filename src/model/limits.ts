import { z } from 'zod';

/**
 * Bounds on what people type and what a study may claim. Text limits keep one request from
 * occupying the server (a 50 MB name took 12–27 s to handle); number bounds keep a footprint
 * physical: an amount per functional unit beyond AMOUNT_MAX (10^12 kg is a million tonnes of
 * anything per unit of product) is a typing error, and bounded inputs keep every product and sum
 * of the calculation far inside floating point range, so a result is never Infinity.
 */

export const TEXT_LIMITS = {
  /** names of studies, products, entries, companies, people */
  name: 200,
  /** identifiers, codes, units, release numbers */
  code: 200,
  /** e-mail addresses (RFC 5321: 254) */
  email: 254,
  /** passwords (scrypt hashes any length; this bounds the work) */
  password: 200,
  /** free text: descriptions, comments, statements, study method texts */
  text: 10_000,
} as const;

/** The largest activity amount, mass, distance or declared unit amount accepted. */
export const AMOUNT_MAX = 1e12;
/** The largest per-unit footprint accepted (kg CO2e per unit of what a supplier sells). */
export const PER_UNIT_MAX = 1e9;

export const nameText = () => z.string().min(1).max(TEXT_LIMITS.name);
export const codeText = () => z.string().min(1).max(TEXT_LIMITS.code);
export const freeText = () => z.string().max(TEXT_LIMITS.text);

/** A finite, non-negative quantity at most `max` (AMOUNT_MAX by default), with a message that says why. */
export const boundedAmount = (max = AMOUNT_MAX) =>
  z
    .number()
    .finite()
    .max(max, `at most ${max.toExponential()}: larger than any physical quantity per functional unit (check the unit)`);
