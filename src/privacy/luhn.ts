/** The Luhn key of SIREN and SIRET numbers (digits only). */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** La Poste's establishments (SIREN 356 000 000) break Luhn: their SIRET's digits sum to a multiple of 5. */
const LA_POSTE = '356000000';

export function siretValid(digits: string): boolean {
  if (digits.length !== 14) return false;
  if (digits.startsWith(LA_POSTE) && digits !== `${LA_POSTE}00048`) {
    return [...digits].reduce((sum, digit) => sum + Number(digit), 0) % 5 === 0;
  }
  return luhnValid(digits);
}

export function sirenValid(digits: string): boolean {
  return digits.length === 9 && luhnValid(digits);
}
