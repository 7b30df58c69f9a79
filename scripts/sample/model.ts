/**
 * The clean model behind a sample: fixed dimension tables plus a seeded, scaled plan of
 * customers and orders. Everything else (CSV bytes, truth figures) is derived from this by
 * replaying its iterators, so the files and the truth can never disagree.
 */
import { CATEGORIES, PRODUCTS, SUBCATEGORIES, TERRITORIES } from './catalog.js';
import type { Category, Product, Subcategory, Territory } from './catalog.js';
import { type CustomerPlan, planCustomers } from './customers.js';
import { type OrderPlan, ProductChooser, planOrders, salesYears } from './orders.js';
import { Rng, mixSeed } from './random.js';

export const DEFAULT_SEED = 42;
export const DEFAULT_SCALE = 1;
/** The real set's customer count; scale multiplies it (and the sales lines). */
const REAL_CUSTOMERS = 18148;
const MIN_CUSTOMERS = 10;
const STREAM_PLAN = 0x91a4;

export interface ModelOptions {
  seed?: number;
  scale?: number;
}

export interface SampleModel {
  seed: number;
  scale: number;
  territories: readonly Territory[];
  categories: readonly Category[];
  subcategories: readonly Subcategory[];
  products: readonly Product[];
  productByKey: ReadonlyMap<number, Product>;
  chooser: ProductChooser;
  customers: CustomerPlan;
  orders: OrderPlan;
}

export function buildModel(options: ModelOptions = {}): SampleModel {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? DEFAULT_SCALE;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error(`seed must be an integer in 0..4294967295, got ${seed}`);
  }
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`scale must be > 0, got ${scale}`);

  const rng = new Rng(mixSeed(seed, STREAM_PLAN));
  const customerCount = Math.max(MIN_CUSTOMERS, Math.round(REAL_CUSTOMERS * scale));
  const customers = planCustomers(rng, seed, customerCount);
  const orders = planOrders(rng, seed, customers.homeTerritory, salesYears(scale));
  return {
    seed,
    scale,
    territories: TERRITORIES,
    categories: CATEGORIES,
    subcategories: SUBCATEGORIES,
    products: PRODUCTS,
    productByKey: new Map(PRODUCTS.map((p) => [p.key, p])),
    chooser: new ProductChooser(PRODUCTS),
    customers,
    orders,
  };
}
