/**
 * The true gold figures, computed from the clean model (never by parsing the CSVs), so a
 * notebook that reads the quirky files correctly must reproduce them exactly.
 *
 * Definitions follow the contract's Customer 360 section: revenue = quantity × unit price,
 * cost = quantity × unit cost, profit = revenue − cost, per line; orders are distinct order
 * numbers; each sales line counts once however many copies of the file exist; ages and
 * day counts are measured at the latest order date (`as_of_date`). A customer's country
 * and region are those of the territory with the most orders, ties going to the territory
 * of the latest order (date, then order number). Money is bigint 1/10000 units, printed
 * with four places.
 */
import { ageOn, civil, isoDate, memoDateFormat, pad2 } from './calendar.js';
import { type Customer, FIRST_CUSTOMER_KEY, iterateCustomers } from './customers.js';
import type { SampleModel } from './model.js';
import { divRoundHalfUp, formatMoney4 } from './money.js';
import { iterateOrders } from './orders.js';

export interface TopCustomer {
  customer_key: number;
  total_revenue: string;
  total_orders: number;
}

export interface Truth {
  seed: number;
  scale: number;
  as_of_date: string;
  customers: number;
  buyers: number;
  customers_unknown_gender: number;
  products: number;
  categories: number;
  subcategories: number;
  territories: number;
  /** Unique lines: the " - Copy" files add none. */
  order_lines: number;
  order_lines_by_year: Record<string, number>;
  orders: number;
  quantity: number;
  revenue: string;
  cost: string;
  profit: string;
  /** By the territory of the sales line (not the customer's country). */
  revenue_by_country: Record<string, string>;
  revenue_by_month: Record<string, string>;
  /** Categories that sell; Components never appears. */
  revenue_by_category: Record<string, string>;
  top_customers: TopCustomer[];
  customers_sum_annual_income: string;
  /** Σ over customers of year·10000 + month·100 + day of the true birth date. */
  birth_date_checksum: string;
  /** Data rows (header excluded) per file, copies included. */
  file_rows: Record<string, number>;
}

export const CUSTOMER_360_COLUMNS = [
  'customer_key',
  'full_name',
  'gender',
  'birth_date',
  'age',
  'marital_status',
  'annual_income',
  'total_children',
  'education_level',
  'occupation',
  'home_owner',
  'country',
  'region',
  'total_orders',
  'total_quantity',
  'total_revenue',
  'total_profit',
  'avg_order_value',
  'first_order_date',
  'last_order_date',
  'recency_days',
  'tenure_days',
] as const;

export interface Customer360Row {
  customer_key: number;
  full_name: string;
  gender: 'M' | 'F' | null;
  birth_date: string;
  age: number;
  marital_status: string;
  annual_income: number;
  total_children: number;
  education_level: string;
  occupation: string;
  home_owner: boolean;
  country: string | null;
  region: string | null;
  total_orders: number;
  total_quantity: number;
  total_revenue: string;
  total_profit: string;
  avg_order_value: string | null;
  first_order_date: string | null;
  last_order_date: string | null;
  recency_days: number | null;
  tenure_days: number | null;
}

/** Per-customer sums in typed arrays: 1.8M customers at scale 100 stay small. */
export interface CustomerAggregates {
  orders: Uint32Array;
  quantity: Uint32Array;
  revenue: BigInt64Array;
  profit: BigInt64Array;
  firstDay: Int32Array;
  lastDay: Int32Array;
  /** Territory key of the customer's country/region, 0 for non-buyers. */
  territory: Uint8Array;
}

export interface TruthResult {
  truth: Truth;
  aggregates: CustomerAggregates;
  asOfDay: number;
}

const TERRITORY_SLOTS = 10;

export function computeTruth(model: SampleModel): TruthResult {
  const plan = model.orders;
  const n = model.customers.count;
  const agg: CustomerAggregates = {
    orders: new Uint32Array(n),
    quantity: new Uint32Array(n),
    revenue: new BigInt64Array(n),
    profit: new BigInt64Array(n),
    firstDay: new Int32Array(n),
    lastDay: new Int32Array(n),
    territory: new Uint8Array(n),
  };
  // Orders per (customer, territory) and the index of the latest such order.
  const perTerritory = new Uint32Array(n * TERRITORY_SLOTS);
  const latestIn = new Int32Array(n * TERRITORY_SLOTS).fill(-1);
  const slotOf = new Map(model.territories.map((t, i) => [t.key, i]));
  if (slotOf.size > TERRITORY_SLOTS) throw new Error('more territories than slots');

  const monthOf = memoDateFormat((d) => `${d.year}-${pad2(d.month)}`);
  const byTerritory = new Map<number, bigint>();
  const byMonth = new Map<string, bigint>();
  const byCategory = new Map<number, bigint>();
  const linesByYear: Record<string, number> = {};
  let lines = 0;
  let orders = 0;
  let quantity = 0;
  let revenue = 0n;
  let cost = 0n;
  let asOfDay = Number.NEGATIVE_INFINITY;
  let previousNumber = Number.NEGATIVE_INFINITY;
  const latest = (a: number, b: number): boolean => {
    // Is order a later than order b? Date first, then order number.
    const da = plan.day[a] as number;
    const db = plan.day[b] as number;
    return da !== db ? da > db : plan.firstNumber + a > plan.firstNumber + b;
  };

  for (const order of iterateOrders(plan, model.chooser)) {
    // Numbers strictly increase, so counting orders counts distinct order numbers.
    if (order.number <= previousNumber) throw new Error(`order ${order.number} out of sequence`);
    previousNumber = order.number;
    orders++;
    const c = order.customer;
    let orderRevenue = 0n;
    let orderCost = 0n;
    let orderQuantity = 0;
    for (const line of order.lines) {
      const product = model.productByKey.get(line.productKey);
      if (!product) throw new Error(`orphan product ${line.productKey}`);
      const q = BigInt(line.quantity);
      const lineRevenue = product.price * q;
      orderRevenue += lineRevenue;
      orderCost += product.cost * q;
      orderQuantity += line.quantity;
      byCategory.set(
        product.categoryKey,
        (byCategory.get(product.categoryKey) ?? 0n) + lineRevenue,
      );
    }
    const year = String(civil(order.day).year);
    linesByYear[year] = (linesByYear[year] ?? 0) + order.lines.length;
    lines += order.lines.length;
    quantity += orderQuantity;
    revenue += orderRevenue;
    cost += orderCost;
    byTerritory.set(order.territoryKey, (byTerritory.get(order.territoryKey) ?? 0n) + orderRevenue);
    const month = monthOf(order.day);
    byMonth.set(month, (byMonth.get(month) ?? 0n) + orderRevenue);
    asOfDay = Math.max(asOfDay, order.day);

    const first = agg.orders[c] === 0;
    agg.orders[c] = (agg.orders[c] as number) + 1;
    agg.quantity[c] = (agg.quantity[c] as number) + orderQuantity;
    agg.revenue[c] = (agg.revenue[c] as bigint) + orderRevenue;
    agg.profit[c] = (agg.profit[c] as bigint) + orderRevenue - orderCost;
    if (first || order.day < (agg.firstDay[c] as number)) agg.firstDay[c] = order.day;
    if (first || order.day > (agg.lastDay[c] as number)) agg.lastDay[c] = order.day;
    const slot = slotOf.get(order.territoryKey);
    if (slot === undefined) throw new Error(`orphan territory ${order.territoryKey}`);
    const cell = c * TERRITORY_SLOTS + slot;
    perTerritory[cell] = (perTerritory[cell] as number) + 1;
    const prev = latestIn[cell] as number;
    if (prev < 0 || latest(order.index, prev)) latestIn[cell] = order.index;
  }

  // The country rule: most orders; on a tie, the territory whose latest order is latest.
  let buyers = 0;
  for (let c = 0; c < n; c++) {
    if (agg.orders[c] === 0) continue;
    buyers++;
    let best = -1;
    for (let s = 0; s < TERRITORY_SLOTS; s++) {
      const cell = c * TERRITORY_SLOTS + s;
      const k = perTerritory[cell] as number;
      if (k === 0) continue;
      const bestCell = c * TERRITORY_SLOTS + best;
      const bestK = best < 0 ? 0 : (perTerritory[bestCell] as number);
      if (
        k > bestK ||
        (k === bestK && latest(latestIn[cell] as number, latestIn[bestCell] as number))
      )
        best = s;
    }
    agg.territory[c] = (model.territories[best] as { key: number }).key;
  }

  let income = 0n;
  let birthChecksum = 0n;
  let unknownGender = 0;
  for (const customer of iterateCustomers(model.customers)) {
    income += BigInt(customer.annualIncome);
    const b = civil(customer.birthDay);
    birthChecksum += BigInt(b.year * 10000 + b.month * 100 + b.day);
    if (customer.gender === null) unknownGender++;
  }

  const countryOf = new Map(model.territories.map((t) => [t.key, t.country]));
  const revenueByCountry = new Map<string, bigint>();
  for (const [key, value] of byTerritory) {
    const country = countryOf.get(key) as string;
    revenueByCountry.set(country, (revenueByCountry.get(country) ?? 0n) + value);
  }
  const categoryName = new Map(model.categories.map((c) => [c.key, c.name]));
  const money = (entries: Iterable<[string, bigint]>): Record<string, string> =>
    Object.fromEntries(
      [...entries]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, formatMoney4(v)]),
    );

  const years = model.orders.years;
  const fileRows: Record<string, number> = {
    'AW_Customers.csv': n,
    'AW_Products.csv': model.products.length,
    'AW_Product_Category.csv': model.categories.length,
    'AW_Product_Subcategory.csv': model.subcategories.length,
    'AW_Territory.csv': model.territories.length,
  };
  for (const y of years) {
    fileRows[`AW_Sales_${y.year}.csv`] = y.lines;
    fileRows[`AW_Sales_${y.year} - Copy.csv`] = y.lines;
  }

  const truth: Truth = {
    seed: model.seed,
    scale: model.scale,
    as_of_date: isoDate(asOfDay),
    customers: n,
    buyers,
    customers_unknown_gender: unknownGender,
    products: model.products.length,
    categories: model.categories.length,
    subcategories: model.subcategories.length,
    territories: model.territories.length,
    order_lines: lines,
    order_lines_by_year: linesByYear,
    orders,
    quantity,
    revenue: formatMoney4(revenue),
    cost: formatMoney4(cost),
    profit: formatMoney4(revenue - cost),
    revenue_by_country: money(revenueByCountry),
    revenue_by_month: money(byMonth),
    revenue_by_category: money([...byCategory].map(([k, v]) => [categoryName.get(k) as string, v])),
    top_customers: topCustomers(agg, 20),
    customers_sum_annual_income: income.toString(),
    birth_date_checksum: birthChecksum.toString(),
    file_rows: fileRows,
  };
  return { truth, aggregates: agg, asOfDay };
}

/** Highest total revenue first, then lowest customer key. */
function topCustomers(agg: CustomerAggregates, limit: number): TopCustomer[] {
  const top: number[] = [];
  const before = (a: number, b: number): boolean => {
    const ra = agg.revenue[a] as bigint;
    const rb = agg.revenue[b] as bigint;
    return ra !== rb ? ra > rb : a < b;
  };
  for (let c = 0; c < agg.orders.length; c++) {
    if (agg.orders[c] === 0) continue;
    if (top.length === limit && !before(c, top[limit - 1] as number)) continue;
    let i = top.length === limit ? limit - 1 : top.length;
    top[i] = c;
    while (i > 0 && before(c, top[i - 1] as number)) {
      top[i] = top[i - 1] as number;
      top[--i] = c;
    }
  }
  return top.map((c) => ({
    customer_key: FIRST_CUSTOMER_KEY + c,
    total_revenue: formatMoney4(agg.revenue[c] as bigint),
    total_orders: agg.orders[c] as number,
  }));
}

const territoryMaps = new WeakMap<SampleModel, Map<number, SampleModel['territories'][number]>>();
function territoryByKey(model: SampleModel): Map<number, SampleModel['territories'][number]> {
  let map = territoryMaps.get(model);
  if (!map) territoryMaps.set(model, (map = new Map(model.territories.map((t) => [t.key, t]))));
  return map;
}

function toRow(model: SampleModel, result: TruthResult, c: Customer): Customer360Row {
  const agg = result.aggregates;
  const i = c.index;
  const orders = agg.orders[i] as number;
  const bought = orders > 0;
  const territory = bought ? territoryByKey(model).get(agg.territory[i] as number) : undefined;
  const revenue = agg.revenue[i] as bigint;
  const firstDay = agg.firstDay[i] as number;
  const lastDay = agg.lastDay[i] as number;
  return {
    customer_key: c.key,
    full_name: `${c.firstName} ${c.lastName}`,
    gender: c.gender,
    birth_date: isoDate(c.birthDay),
    age: ageOn(c.birthDay, result.asOfDay),
    marital_status: c.maritalStatus,
    annual_income: c.annualIncome,
    total_children: c.totalChildren,
    education_level: c.educationLevel,
    occupation: c.occupation,
    home_owner: c.homeOwner,
    country: territory?.country ?? null,
    region: territory?.region ?? null,
    total_orders: orders,
    total_quantity: agg.quantity[i] as number,
    total_revenue: formatMoney4(revenue),
    total_profit: formatMoney4(agg.profit[i] as bigint),
    avg_order_value: bought ? formatMoney4(divRoundHalfUp(revenue, BigInt(orders))) : null,
    first_order_date: bought ? isoDate(firstDay) : null,
    last_order_date: bought ? isoDate(lastDay) : null,
    recency_days: bought ? result.asOfDay - lastDay : null,
    tenure_days: bought ? result.asOfDay - firstDay : null,
  };
}

/** One customer_360 row per customer, buyers or not, in customer-key order. */
export function* iterateCustomer360(
  model: SampleModel,
  result: TruthResult,
): Generator<Customer360Row> {
  for (const c of iterateCustomers(model.customers)) yield toRow(model, result, c);
}
