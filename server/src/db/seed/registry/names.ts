/** Plausible people, company names and addresses for the demo registry, drawn from the word lists. */
import {
  BRAND_CHARS,
  COMPANY_FORMS,
  GIVEN_CHARS,
  NAME_PREFIXES,
  ROAD_WORDS,
  SURNAMES,
  VILLAGES,
  ZONE_PARKS,
} from './names.data.ts';
import { Rng, WeightedPicker } from './rng.ts';

const surnames = WeightedPicker.of(SURNAMES);
const prefixes = WeightedPicker.of(NAME_PREFIXES);
const forms = WeightedPicker.of(COMPANY_FORMS);
const givenChars = [...GIVEN_CHARS];
const brandChars = [...BRAND_CHARS];

/** A two- or three-character personal name (surname + one or two given characters). */
export function personName(rng: Rng): string {
  const surname = surnames.pick(rng);
  const first = rng.pick(givenChars);
  return rng.chance(0.78) ? `${surname}${first}${rng.pick(givenChars)}` : `${surname}${first}`;
}

/** A 两字商号 such as 鸿祥; rarely three characters. */
export function brandName(rng: Rng): string {
  let brand = rng.pick(brandChars) + rng.pick(brandChars);
  while (brand[0] === brand[1]) brand = rng.pick(brandChars) + rng.pick(brandChars);
  return rng.chance(0.06) ? brand + rng.pick(brandChars) : brand;
}

export interface CompanyNameParts {
  prefix: string;
  brand: string;
  trade: string;
  form: string;
}

export function companyNameParts(rng: Rng, tradeWords: readonly string[]): CompanyNameParts {
  return {
    prefix: prefixes.pick(rng),
    brand: brandName(rng),
    trade: rng.pick(tradeWords),
    form: forms.pick(rng),
  };
}

export function joinCompanyName(parts: CompanyNameParts): string {
  return `${parts.prefix}${parts.brand}${parts.trade}${parts.form}`;
}

/**
 * A company name not yet in `taken` (which it is added to): place + brand + trade word + legal form, as
 * 晋江市鸿祥鞋业有限公司. Collisions get a new brand; after a few tries a third brand character.
 */
export function uniqueCompanyName(rng: Rng, tradeWords: readonly string[], taken: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const parts = companyNameParts(rng, tradeWords);
    if (attempt > 4) parts.brand += rng.pick(brandChars);
    const name = joinCompanyName(parts);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

const villagesByTown = new Map(Object.entries(VILLAGES).map(([code, list]) => [code, list.split(' ')]));

/** A street address in the town: 福建省晋江市 + town + village or park + road/number. */
export function addressIn(rng: Rng, townCode: string, townName: string): string {
  const parks = ZONE_PARKS[townCode];
  const number = rng.int(1, 888);
  if (parks) {
    const park = rng.pick(parks);
    const prefix = townName.startsWith('晋江') ? townName : `晋江市${townName}`;
    return `福建省${prefix}${park}${rng.pick(ROAD_WORDS)}路${number}号`;
  }
  const villages = villagesByTown.get(townCode) ?? ['工业区'];
  const village = rng.pick(villages);
  const tail = rng.chance(0.45)
    ? `工业区${number}号`
    : rng.chance(0.5)
      ? `${rng.pick(ROAD_WORDS)}路${number}号`
      : `${number}号`;
  return `福建省晋江市${townName}${village}${tail}`;
}
