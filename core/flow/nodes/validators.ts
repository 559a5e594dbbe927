// Answer forms an input node can require. Each returns the value to keep, or undefined when it does not fit.

/** A phone number as people type it in Moldova or abroad: kept as "+" and digits, or national digits. */
function phone(text: string): string | undefined {
  const compact = text.replace(/[\s().-]/g, '');
  if (!/^(\+|00)?\d{6,15}$/.test(compact)) return undefined;
  return compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
}

/** An age in years, as digits ("16", "16 ani", "мне 16"). */
function age(text: string): number | undefined {
  const match = /\d{1,3}/.exec(text);
  const years = match ? Number(match[0]) : NaN;
  return years >= 5 && years <= 120 ? years : undefined;
}

export const VALIDATORS = {
  text: (text: string): string | undefined => (text === '' ? undefined : text),
  phone,
  age,
} as const;

export type ValidatorName = keyof typeof VALIDATORS;
