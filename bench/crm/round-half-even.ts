/**
 * Rounds to `digits` decimals, half to even, shifting the decimal point in the number's text rather than
 * multiplying (1.005 * 100 is 100.49999…): the same numbers JSONata's `$round(x, digits)` gives.
 */
export function roundHalfEven(x: number, digits: number): number {
  const [mantissa, exponent] = x.toString().split('e');
  const shifted = Number(`${mantissa}e${exponent ? Number(exponent) + digits : digits}`);
  let rounded = Math.round(shifted);
  if (Math.abs(rounded - shifted) === 0.5 && Math.abs(rounded % 2) === 1) rounded -= 1;
  const [m, e] = rounded.toString().split('e');
  const result = Number(`${m}e${e ? Number(e) - digits : -digits}`);
  return Object.is(result, -0) ? 0 : result;
}
