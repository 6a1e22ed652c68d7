/** An IMO number as the API takes it: 7 digits (optionally "IMO 9074729") whose last is the check digit. Null when valid, else why not. */
export function imoProblem(text: string): string | null {
  const digits = text.trim().replace(/^IMO\s*/i, "");
  if (!/^\d{7}$/.test(digits)) return "An IMO number has 7 digits, e.g. 9074729.";
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(digits[i]) * (7 - i);
  return sum % 10 === Number(digits[6]) ? null : `The check digit of ${digits} is wrong: is a digit mistyped?`;
}

/** The 7 digits of a valid IMO number text. */
export function imoDigits(text: string): string {
  return text.trim().replace(/^IMO\s*/i, "");
}
