/**
 * Sales orders: a plan held in typed arrays (date, customer, territory and line count of
 * every order, in order-number order) and a replayable line iterator. Each order's lines
 * come from a stream seeded by the order's index, so a file can start mid-plan (2017) and
 * the truth and the writer can replay the same lines independently.
 *
 * Order numbers increase with the order date, so "latest order" is unambiguous; they are
 * also fixed-width within one sample (51000.. at scale ≤ 2, 510000.. above), so text and
 * numeric sorting agree; the real set never crosses a digit boundary either.
 */
import { dayNumber } from './calendar.js';
import { Rng, WeightedPicker, mixSeed } from './random.js';
import { type Product, TERRITORIES, UNSOLD_CATEGORY_KEY } from './catalog.js';

/** Lines per order 1..8; mean ≈ 2.3 as in the real set (56,046 lines / 25,164 orders). */
const LINES_PER_ORDER_WEIGHTS = [45, 22, 13, 8, 5, 3.5, 2, 1.5];
const MEAN_LINES_PER_ORDER = 2.32;
/** Share of customers who ever order, and of buyers who also order in a second territory. */
const BUYER_SHARE = 0.86;
const TRAVELLER_SHARE = 0.03;
/** Buyers that place many of the extra orders. */
const LOYAL_SHARE = 0.12;
const STREAM_LINES = 0x11e5;
/** Bikes lead orders and sell one at a time; other products fill baskets. */
const BIKES_CATEGORY_KEY = 1;
/** Stock dates lie 13 to 14 years before the order date (strictly inside, leap-day safe). */
const STOCK_MIN_DAYS = 4750;
const STOCK_MAX_DAYS = 5112;

export interface SalesYear {
  year: number;
  firstDay: number;
  lastDay: number;
  lines: number;
}

export interface YearRange {
  year: number;
  /** First order index of the year, and one past the last. */
  start: number;
  end: number;
  lines: number;
}

export interface OrderPlan {
  seed: number;
  count: number;
  firstNumber: number;
  day: Int32Array;
  /** Customer index (0-based; key = 11000 + index). */
  customer: Int32Array;
  territory: Uint8Array;
  lineCount: Uint8Array;
  years: YearRange[];
}

export interface OrderLine {
  line: number;
  productKey: number;
  quantity: number;
  stockDay: number;
}

export interface Order {
  index: number;
  number: number;
  day: number;
  customer: number;
  territoryKey: number;
  lines: OrderLine[];
}

export function salesYears(scale: number): SalesYear[] {
  return [
    {
      year: 2016,
      firstDay: dayNumber(2016, 1, 1),
      lastDay: dayNumber(2016, 12, 31),
      lines: Math.max(1, Math.round(23935 * scale)),
    },
    {
      year: 2017,
      firstDay: dayNumber(2017, 1, 1),
      lastDay: dayNumber(2017, 6, 30),
      lines: Math.max(1, Math.round(29481 * scale)),
    },
  ];
}

/** Sales grow over the period with a summer bump, like the real series. */
function dayWeight(dayNo: number, start: number, end: number): number {
  const t = (dayNo - start) / (end - start);
  return (0.8 + 0.7 * t) * (1 + 0.15 * Math.cos((2 * Math.PI * (dayNo - 170)) / 365.25));
}

export function planOrders(
  rng: Rng,
  seed: number,
  home: Uint8Array,
  years: SalesYear[],
): OrderPlan {
  const customers = home.length;
  const start = years[0]?.firstDay ?? 0;
  const end = years[years.length - 1]?.lastDay ?? 0;

  // 1. Order slots in date order, with an exact line total per year.
  const perYear = years.map((y) => {
    const n = Math.round(y.lines / MEAN_LINES_PER_ORDER);
    return Math.min(y.lines, Math.max(Math.ceil(y.lines / 8), n));
  });
  const count = perYear.reduce((a, b) => a + b, 0);
  const day = new Int32Array(count);
  const lineCount = new Uint8Array(count);
  const linePicker = new WeightedPicker(LINES_PER_ORDER_WEIGHTS);
  const ranges: YearRange[] = [];
  let slot = 0;
  years.forEach((y, yi) => {
    const n = perYear[yi] as number;
    const weights: number[] = [];
    for (let d = y.firstDay; d <= y.lastDay; d++) weights.push(dayWeight(d, start, end));
    const dayPicker = new WeightedPicker(weights);
    const perDay = new Int32Array(weights.length);
    for (let i = 0; i < n; i++) perDay[dayPicker.pick(rng)]!++;
    const first = slot;
    perDay.forEach((k, d) => {
      for (let i = 0; i < k; i++) day[slot++] = y.firstDay + d;
    });
    let total = 0;
    for (let i = first; i < slot; i++) total += lineCount[i] = linePicker.pick(rng) + 1;
    // Nudge random orders until the year has exactly its line count (N ≤ lines ≤ 8N holds).
    while (total !== y.lines) {
      const i = rng.int(first, slot - 1);
      const k = lineCount[i] as number;
      if (total < y.lines && k < 8) {
        lineCount[i] = k + 1;
        total++;
      } else if (total > y.lines && k > 1) {
        lineCount[i] = k - 1;
        total--;
      }
    }
    ranges.push({ year: y.year, start: first, end: slot, lines: y.lines });
  });

  // 2. Who orders. A shuffled customer list: buyers first; its head are "travellers" who
  //    also buy in a second territory, and the very head "same-day travellers" who place
  //    exactly two orders on one day in two territories (the order-number tie-break).
  let buyers = Math.min(customers, Math.round(customers * BUYER_SHARE));
  let travellers = Math.max(2, Math.round(buyers * TRAVELLER_SHARE));
  if (buyers + travellers > count) {
    // Only at toy scales: fewer orders than buyers.
    travellers = Math.min(travellers, Math.floor(count / 4));
    buyers = count - travellers;
  }
  travellers = Math.min(travellers, buyers);
  const sameDay =
    travellers > 0 ? Math.min(travellers, Math.max(1, Math.round(travellers * 0.15))) : 0;
  const people = new Int32Array(customers).map((_, i) => i);
  rng.shuffle(people);

  const assign = new Int32Array(count);
  let pos = 0;
  for (let i = 0; i < buyers; i++) assign[pos++] = people[i] as number;
  for (let i = 0; i < travellers; i++) assign[pos++] = people[i] as number;
  const eligible = people.slice(sameDay < buyers ? sameDay : 0, buyers);
  rng.shuffle(eligible);
  const loyal = eligible.subarray(0, Math.max(1, Math.round(eligible.length * LOYAL_SHARE)));
  while (pos < count) {
    const pool = rng.chance(0.5) ? loyal : eligible;
    assign[pos++] = pool[rng.int(0, pool.length - 1)] as number;
  }
  rng.shuffle(assign);

  const special = new Uint8Array(customers); // 2 = same-day traveller, 1 = traveller
  for (let i = 0; i < travellers; i++) special[people[i] as number] = i < sameDay ? 2 : 1;
  placeSameDayPairs(rng, assign, day, special);

  // 3. Territories: home, except travellers, who split their orders between two.
  const ordersOf = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const c = assign[i] as number;
    if (special[c]) ordersOf.set(c, (ordersOf.get(c) ?? 0) + 1);
  }
  const split = new Map<number, { second: number; left: number; secondLeft: number }>();
  for (const [c, k] of ordersOf) {
    const homeKey = home[c] as number;
    const others = TERRITORIES.map((t) => t.key).filter((key) => key !== homeKey);
    split.set(c, {
      second: rng.pick(others),
      left: k,
      secondLeft: ordersAbroad(rng, k, special[c] === 2),
    });
  }
  const territory = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const c = assign[i] as number;
    const s = special[c] ? split.get(c) : undefined;
    if (!s) {
      territory[i] = home[c] as number;
      continue;
    }
    // Draw without replacement: exactly `secondLeft` of the remaining orders go abroad.
    const abroad = rng.next() * s.left < s.secondLeft;
    territory[i] = abroad ? s.second : (home[c] as number);
    s.left--;
    if (abroad) s.secondLeft--;
  }

  let firstNumber = 51000;
  while (String(firstNumber + count - 1).length > String(firstNumber).length) firstNumber *= 10;
  return { seed, count, firstNumber, day, customer: assign, territory, lineCount, years: ranges };
}

/**
 * How many of a traveller's k orders go to the second territory. Same-day travellers split
 * 1 + 1 (a tie settled by order number); half of the other even counts tie exactly (settled
 * by the latest date); the rest split at random, so either territory may win outright.
 */
function ordersAbroad(rng: Rng, k: number, sameDay: boolean): number {
  if (sameDay || k < 2) return Math.min(1, k);
  if (k % 2 === 0 && rng.chance(0.5)) return k / 2;
  return rng.int(1, k - 1);
}

/** Moves each same-day traveller's two orders onto two adjacent slots of one date. */
function placeSameDayPairs(
  rng: Rng,
  assign: Int32Array,
  day: Int32Array,
  special: Uint8Array,
): void {
  const positions = new Map<number, number[]>();
  assign.forEach((c, i) => {
    if (special[c] === 2) positions.set(c, [...(positions.get(c) ?? []), i]);
  });
  for (const [, [i, j]] of positions) {
    if (i === undefined || j === undefined) continue;
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const q = rng.int(0, assign.length - 2);
      if (day[q] !== day[q + 1] || special[assign[q] as number] || special[assign[q + 1] as number])
        continue;
      if (q === i || q === j || q + 1 === i || q + 1 === j) continue;
      [assign[i], assign[q]] = [assign[q] as number, assign[i] as number];
      [assign[j], assign[q + 1]] = [assign[q + 1] as number, assign[j] as number];
      break;
    }
  }
}

/** Picks sold products: bikes lead an order, accessories and clothing fill it. */
export class ProductChooser {
  private readonly byCategory: { keys: number[]; picker: WeightedPicker; categoryKey: number }[];
  private readonly firstLine: WeightedPicker;
  private readonly laterLine: WeightedPicker;

  constructor(products: readonly Product[]) {
    // [weight as first line, weight as a later line] per category: Bikes, Clothing, Accessories.
    const categoryShare: Readonly<Record<number, [number, number]>> = {
      [BIKES_CATEGORY_KEY]: [42, 6],
      3: [20, 30],
      4: [38, 64],
    };
    const groups = new Map<number, Product[]>();
    for (const p of products) {
      if (p.categoryKey === UNSOLD_CATEGORY_KEY) continue;
      groups.set(p.categoryKey, [...(groups.get(p.categoryKey) ?? []), p]);
    }
    this.byCategory = [...groups].map(([categoryKey, list]) => ({
      categoryKey,
      keys: list.map((p) => p.key),
      picker: new WeightedPicker(list.map((p) => p.popularity)),
    }));
    const share = (k: number, which: 0 | 1): number => (categoryShare[k] ?? [1, 1])[which];
    this.firstLine = new WeightedPicker(this.byCategory.map((g) => share(g.categoryKey, 0)));
    this.laterLine = new WeightedPicker(this.byCategory.map((g) => share(g.categoryKey, 1)));
  }

  /** Returns [productKey, isBike]. */
  choose(rng: Rng, firstLine: boolean): [number, boolean] {
    const group = this.byCategory[(firstLine ? this.firstLine : this.laterLine).pick(rng)]!;
    return [group.keys[group.picker.pick(rng)] as number, group.categoryKey === BIKES_CATEGORY_KEY];
  }
}

export function* iterateOrders(
  plan: OrderPlan,
  chooser: ProductChooser,
  from = 0,
  to = plan.count,
): Generator<Order> {
  const rng = new Rng(0);
  for (let index = from; index < to; index++) {
    rng.reseed(mixSeed(plan.seed, STREAM_LINES, index));
    const orderDay = plan.day[index] as number;
    const n = plan.lineCount[index] as number;
    const lines: OrderLine[] = [];
    const seen = new Set<number>();
    for (let line = 1; line <= n; line++) {
      let [productKey, bike] = chooser.choose(rng, line === 1);
      // A product appears once per order; retry a few times, as real baskets do.
      for (let tries = 0; seen.has(productKey) && tries < 20; tries++)
        [productKey, bike] = chooser.choose(rng, false);
      seen.add(productKey);
      const r = rng.next();
      const quantity = bike ? (r < 0.93 ? 1 : r < 0.98 ? 2 : 3) : r < 0.62 ? 1 : r < 0.9 ? 2 : 3;
      lines.push({
        line,
        productKey,
        quantity,
        stockDay: orderDay - rng.int(STOCK_MIN_DAYS, STOCK_MAX_DAYS),
      });
    }
    yield {
      index,
      number: plan.firstNumber + index,
      day: orderDay,
      customer: plan.customer[index] as number,
      territoryKey: plan.territory[index] as number,
      lines,
    };
  }
}
