/**
 * Rounds to `digits` decimals, half to even: the same numbers JSONata's `$round(x, digits)` gives. JSONata shifts
 * the decimal point in the number's text (1.005 * 100 is 100.49999…); the text path is only taken near a tie,
 * where multiplying could land on the wrong side — elsewhere both give the same integer, and int / 10^digits is
 * the correctly rounded decimal either way.
 */
export function roundHalfEven(x: number, digits: number): number {
  const factor = 10 ** digits;
  const scaled = x * factor;
  const fraction = Math.abs(scaled - Math.trunc(scaled));
  if (Math.abs(fraction - 0.5) > 1e-6 && Number.isFinite(scaled) && Math.abs(scaled) < 2 ** 52) {
    const rounded = Math.round(scaled) / factor;
    return Object.is(rounded, -0) ? 0 : rounded;
  }
  return roundHalfEvenByText(x, digits);
}

function roundHalfEvenByText(x: number, digits: number): number {
  const [mantissa, exponent] = x.toString().split('e');
  const shifted = Number(`${mantissa}e${exponent ? Number(exponent) + digits : digits}`);
  let rounded = Math.round(shifted);
  if (Math.abs(rounded - shifted) === 0.5 && Math.abs(rounded % 2) === 1) rounded -= 1;
  const [m, e] = rounded.toString().split('e');
  const result = Number(`${m}e${e ? Number(e) - digits : -digits}`);
  return Object.is(result, -0) ? 0 : result;
}
