/**
 * Customers: a compact plan (typed arrays decided up front) plus a replayable iterator that
 * derives every other attribute row by row. At scale 100 (1.8M customers) nothing but the
 * plan is held in memory; the CSV writer and the truth each replay the iterator.
 */
import { civil, dayNumber, isLeapYear } from './calendar.js';
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, asciiLower } from './names.js';
import { Rng, WeightedPicker, mixSeed } from './random.js';
import { TERRITORIES } from './catalog.js';

export const FIRST_CUSTOMER_KEY = 11000;
/** The real file has 130 customers of unknown gender among 18,148. */
const UNKNOWN_GENDER_SHARE = 130 / 18148;
const STREAM_CUSTOMER_ROWS = 0xc0571;

export const INCOMES: readonly number[] = [
  10000, 20000, 30000, 40000, 50000, 60000, 70000, 80000, 90000, 100000, 110000, 120000, 130000,
  150000, 160000, 170000,
];
const INCOME_WEIGHTS = [7, 9, 13, 12, 6, 14, 11, 8, 5, 4, 3, 3, 2, 1.5, 1, 1];
export const EDUCATION_LEVELS: readonly string[] = [
  'Bachelors',
  'Partial College',
  'High School',
  'Graduate Degree',
  'Partial High School',
];
const EDUCATION_WEIGHTS = [29, 27, 18, 17, 9];
export const OCCUPATIONS: readonly string[] = [
  'Professional',
  'Skilled Manual',
  'Management',
  'Clerical',
  'Manual',
];
const OCCUPATION_WEIGHTS = [30, 25, 17, 16, 12];
const CHILDREN_WEIGHTS = [28, 20, 21, 13, 12, 6];
/** Home territories: the US west, Australia and Canada dominate, as in the real sales. */
const TERRITORY_WEIGHTS = [16, 0.3, 0.3, 21, 0.4, 13, 9, 9, 20, 11];
const FIRST_BIRTH_YEAR = 1910;
const LAST_BIRTH_YEAR = 1980;

export interface CustomerPlan {
  seed: number;
  count: number;
  /** 1 where gender is unknown (`NA`, empty prefix). */
  unknownGender: Uint8Array;
  /** Territory key (1..10) where the customer usually orders. */
  homeTerritory: Uint8Array;
}

export interface Customer {
  index: number;
  key: number;
  prefix: '' | 'MR.' | 'MRS.' | 'MS.';
  firstName: string;
  lastName: string;
  birthDay: number;
  /** Written as `MM-DD-YYYY` instead of `M/D/YYYY`; only ever true when day and month ≤ 12. */
  birthDashed: boolean;
  maritalStatus: 'M' | 'S';
  gender: 'M' | 'F' | null;
  email: string;
  annualIncome: number;
  totalChildren: number;
  educationLevel: string;
  occupation: string;
  homeOwner: boolean;
}

export function planCustomers(rng: Rng, seed: number, count: number): CustomerPlan {
  // At least 3 unknowns so the quirk shows up in even the tiniest sample.
  const unknownCount = Math.min(count, Math.max(3, Math.round(count * UNKNOWN_GENDER_SHARE)));
  const order = new Int32Array(count).map((_, i) => i);
  rng.shuffle(order);
  const unknownGender = new Uint8Array(count);
  for (let i = 0; i < unknownCount; i++) unknownGender[order[i] as number] = 1;

  const territoryPicker = new WeightedPicker(TERRITORY_WEIGHTS);
  const homeTerritory = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    homeTerritory[i] = (TERRITORIES[territoryPicker.pick(rng)] as { key: number }).key;
  }
  return { seed, count, unknownGender, homeTerritory };
}

export function* iterateCustomers(plan: CustomerPlan): Generator<Customer> {
  const rng = new Rng(mixSeed(plan.seed, STREAM_CUSTOMER_ROWS));
  const incomes = new WeightedPicker(INCOME_WEIGHTS);
  const education = new WeightedPicker(EDUCATION_WEIGHTS);
  const occupations = new WeightedPicker(OCCUPATION_WEIGHTS);
  const children = new WeightedPicker(CHILDREN_WEIGHTS);
  const years: number[] = [];
  const yearWeights: number[] = [];
  for (let y = FIRST_BIRTH_YEAR; y <= LAST_BIRTH_YEAR; y++) {
    years.push(y);
    // Few customers born before 1930, most between 1945 and 1980.
    yearWeights.push(y < 1930 ? 0.15 : y < 1945 ? 0.6 : 1.5);
  }
  const birthYears = new WeightedPicker(yearWeights);
  // Per-name counters keep e-mails unique (jon0, jon1...) without a global set.
  const emailCounters = new Map<string, number>();

  for (let index = 0; index < plan.count; index++) {
    const unknown = plan.unknownGender[index] === 1;
    const gender: 'M' | 'F' | null = unknown ? null : rng.chance(0.5) ? 'M' : 'F';
    const maritalStatus = rng.chance(0.54) ? 'M' : 'S';
    const male = gender === 'M' || (gender === null && rng.chance(0.5));
    const firstName = rng.pick(male ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES);
    const lastName = rng.pick(LAST_NAMES);
    const prefix =
      gender === null ? '' : gender === 'M' ? 'MR.' : maritalStatus === 'M' ? 'MRS.' : 'MS.';

    const year = years[birthYears.pick(rng)] as number;
    const birthDay = dayNumber(year, 1, 1) + rng.int(0, isLeapYear(year) ? 365 : 364);
    const { month, day } = civil(birthDay);
    // The dashed form only where a day-first reading would also parse, so a wrong reading
    // is silent: the trap the spec describes.
    const birthDashed = month <= 12 && day <= 12 && rng.chance(0.4);

    const local = asciiLower(firstName);
    const n = emailCounters.get(local) ?? 0;
    emailCounters.set(local, n + 1);

    yield {
      index,
      key: FIRST_CUSTOMER_KEY + index,
      prefix,
      firstName,
      lastName,
      birthDay,
      birthDashed,
      maritalStatus,
      gender,
      email: `${local}${n}@adventure-works.com`,
      annualIncome: INCOMES[incomes.pick(rng)] as number,
      totalChildren: children.pick(rng),
      educationLevel: EDUCATION_LEVELS[education.pick(rng)] as string,
      occupation: OCCUPATIONS[occupations.pick(rng)] as string,
      homeOwner: rng.chance(0.68),
    };
  }
}
