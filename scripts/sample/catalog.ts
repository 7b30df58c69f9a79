/**
 * The fixed dimension tables: territories, categories, subcategories, products.
 *
 * They do not depend on the seed or the scale: in the real set these are small reference
 * tables, and keeping them fixed means a notebook's product and territory figures can be
 * compared across seeds. Product keys start at 210 as in the real file, so a join on the
 * wrong key (a subcategory or category key) finds nothing instead of something plausible.
 */
import { applyRatio, parseMoney } from './money.js';

export interface Territory {
  key: number;
  region: string;
  country: string;
  continent: string;
}

export const TERRITORIES: readonly Territory[] = [
  { key: 1, region: 'Northwest', country: 'United States', continent: 'North America' },
  { key: 2, region: 'Northeast', country: 'United States', continent: 'North America' },
  { key: 3, region: 'Central', country: 'United States', continent: 'North America' },
  { key: 4, region: 'Southwest', country: 'United States', continent: 'North America' },
  { key: 5, region: 'Southeast', country: 'United States', continent: 'North America' },
  { key: 6, region: 'Canada', country: 'Canada', continent: 'North America' },
  { key: 7, region: 'France', country: 'France', continent: 'Europe' },
  { key: 8, region: 'Germany', country: 'Germany', continent: 'Europe' },
  { key: 9, region: 'Australia', country: 'Australia', continent: 'Pacific' },
  { key: 10, region: 'United Kingdom', country: 'United Kingdom', continent: 'Europe' },
];

export interface Category {
  key: number;
  name: string;
}

export const CATEGORIES: readonly Category[] = [
  { key: 1, name: 'Bikes' },
  { key: 2, name: 'Components' },
  { key: 3, name: 'Clothing' },
  { key: 4, name: 'Accessories' },
];

/** Components are catalogued but never sold, as in the real set. */
export const UNSOLD_CATEGORY_KEY = 2;

export interface Subcategory {
  key: number;
  categoryKey: number;
  name: string;
  /** First part of a product SKU, e.g. `BK` in `BK-M101S-38`. */
  skuCode: string;
}

// A data table: one subcategory per cell.
// prettier-ignore
const SUBCATEGORY_ROWS: readonly [number, string, string][] = [
  [1, 'Mountain Bikes', 'BK'], [1, 'Road Bikes', 'BK'], [1, 'Touring Bikes', 'BK'],
  [2, 'Handlebars', 'HB'], [2, 'Bottom Brackets', 'BB'], [2, 'Brakes', 'BR'],
  [2, 'Chains', 'CH'], [2, 'Cranksets', 'CS'], [2, 'Derailleurs', 'DR'], [2, 'Forks', 'FK'],
  [2, 'Headsets', 'HS'], [2, 'Mountain Frames', 'FR'], [2, 'Pedals', 'PD'],
  [2, 'Road Frames', 'FR'], [2, 'Saddles', 'SE'], [2, 'Touring Frames', 'FR'],
  [2, 'Wheels', 'WH'], [3, 'Bib-Shorts', 'SB'], [3, 'Caps', 'CA'], [3, 'Gloves', 'GL'],
  [3, 'Jerseys', 'LJ'], [3, 'Shorts', 'SH'], [3, 'Socks', 'SO'], [3, 'Tights', 'TG'],
  [3, 'Vests', 'VE'], [4, 'Bike Racks', 'RA'], [4, 'Bike Stands', 'ST'],
  [4, 'Bottles and Cages', 'BC'], [4, 'Cleaners', 'CL'], [4, 'Fenders', 'FE'],
  [4, 'Helmets', 'HL'], [4, 'Hydration Packs', 'HY'], [4, 'Lights', 'LT'], [4, 'Locks', 'LO'],
  [4, 'Panniers', 'PA'], [4, 'Pumps', 'PU'], [4, 'Tires and Tubes', 'TT'],
];

export const SUBCATEGORIES: readonly Subcategory[] = SUBCATEGORY_ROWS.map(
  ([categoryKey, name, skuCode], i) => ({ key: i + 1, categoryKey, name, skuCode }),
);

export interface Product {
  key: number;
  subcategoryKey: number;
  categoryKey: number;
  sku: string;
  name: string;
  model: string;
  description: string;
  color: string; // a colour or `NA`
  size: string; // `0`, a number, or S/M/L/XL
  style: string; // `0`, U, W or M
  cost: bigint; // 1/10000 units
  price: bigint; // 1/10000 units
  /** Relative sales popularity within its category (only used for sold categories). */
  popularity: number;
}

/**
 * One product family: every colour × size becomes a product. `pattern` places the
 * variant with `{c}` (colour) and `{s}` (size); the commas it introduces are the quoted
 * commas of the real file. Cost is price × costBp / 10000, rounded to 4 places, which gives
 * the real file's cost shapes (34.99 × 0.3740 = 13.0863).
 */
interface Family {
  sub: string;
  model: string;
  pattern: string;
  colors?: readonly string[];
  sizes?: readonly string[];
  style?: string;
  price: string;
  costBp: number;
  description: string;
  popularity?: number;
}

const SML = ['S', 'M', 'L'] as const;
const SMLXL = ['S', 'M', 'L', 'XL'] as const;

/** LL/ML/HL grade lines, the naming scheme of most components. */
function grades(
  sub: string,
  base: string,
  prices: readonly [string, string, string],
  description: string,
  extra: Partial<Family> = {},
): Family[] {
  return (['LL', 'ML', 'HL'] as const).map((grade, i) => ({
    sub,
    model: `${grade} ${base}`,
    pattern: `${grade} ${base}`,
    price: prices[i] as string,
    costBp: 4450,
    description,
    ...extra,
  }));
}

// A data table: one family per line.
// prettier-ignore
const FAMILIES: readonly Family[] = [
  // Bikes: 32 mountain, 43 road, 22 touring.
  { sub: 'Mountain Bikes', model: 'Mountain-100', pattern: 'Mountain-100 {c}, {s}', colors: ['Silver', 'Black'], sizes: ['38', '42', '44', '48'], style: 'U', price: '3399.99', costBp: 5624, description: 'Top-of-the-line competition mountain bike. Performance-enhancing options include the innovative HL Frame, super-smooth front suspension, and traction for all terrain.', popularity: 0.6 },
  { sub: 'Mountain Bikes', model: 'Mountain-200', pattern: 'Mountain-200 {c}, {s}', colors: ['Silver', 'Black'], sizes: ['38', '42', '46'], style: 'U', price: '2319.99', costBp: 5455, description: 'Serious back-country riding. Perfect for all levels of competition. Uses the same HL Frame as the Mountain-100.', popularity: 1.4 },
  { sub: 'Mountain Bikes', model: 'Mountain-300', pattern: 'Mountain-300 {c}, {s}', colors: ['Black'], sizes: ['38', '40', '44', '48'], style: 'U', price: '1079.99', costBp: 5541, description: 'For true trail addicts. An extremely durable bike that will go anywhere and keep you in control on challenging terrain, without breaking your budget.', popularity: 0.8 },
  { sub: 'Mountain Bikes', model: 'Mountain-400-W', pattern: 'Mountain-400-W {c}, {s}', colors: ['Silver'], sizes: ['38', '40', '42', '46'], style: 'W', price: '769.49', costBp: 5455, description: 'This bike delivers a high-level of performance on a budget. It is responsive and maneuverable, and offers peace-of-mind when you decide to go off-road.', popularity: 1.1 },
  { sub: 'Mountain Bikes', model: 'Mountain-500', pattern: 'Mountain-500 {c}, {s}', colors: ['Silver', 'Black'], sizes: ['40', '42', '44', '48', '52'], style: 'U', price: '564.99', costBp: 5455, description: 'Suitable for any type of riding, on or off-road. Fits any budget. Smooth-shifting with a comfortable ride.', popularity: 1.2 },
  { sub: 'Road Bikes', model: 'Road-150', pattern: 'Road-150 {c}, {s}', colors: ['Red'], sizes: ['44', '48', '52', '56', '62'], style: 'U', price: '3578.27', costBp: 6068, description: 'This bike is ridden by race winners. Developed with the Adventure Works Cycles professional race team, it has a extremely light heat-treated aluminum frame, and steering that allows precision control.', popularity: 0.7 },
  { sub: 'Road Bikes', model: 'Road-250', pattern: 'Road-250 {c}, {s}', colors: ['Red', 'Black'], sizes: ['44', '48', '52', '58'], style: 'U', price: '2443.35', costBp: 6216, description: 'Alluminum-alloy frame provides a light, stiff ride, whether you are racing in the velodrome or on a demanding club ride on country roads.', popularity: 1 },
  { sub: 'Road Bikes', model: 'Road-350-W', pattern: 'Road-350-W {c}, {s}', colors: ['Yellow'], sizes: ['40', '42', '44', '48'], style: 'W', price: '1700.99', costBp: 6364, description: 'Cross-train, race, or just socialize on a sleek, aerodynamic bike designed for a woman. Advanced seat technology provides comfort all day.', popularity: 1 },
  { sub: 'Road Bikes', model: 'Road-450', pattern: 'Road-450 {c}, {s}', colors: ['Red'], sizes: ['44', '48', '52', '58', '60'], style: 'U', price: '1457.99', costBp: 6068, description: 'A true multi-sport bike that offers streamlined riding and a revolutionary design. Aerodynamic design lets you ride with the pros, and the gearing will conquer hilly roads.', popularity: 0.8 },
  { sub: 'Road Bikes', model: 'Road-550-W', pattern: 'Road-550-W {c}, {s}', colors: ['Yellow'], sizes: ['38', '40', '42', '44', '48'], style: 'W', price: '1120.49', costBp: 6364, description: 'Same technology as all of our Road series bikes, but the frame is sized for a woman. Perfect all-around bike for road or racing.', popularity: 1 },
  { sub: 'Road Bikes', model: 'Road-650', pattern: 'Road-650 {c}, {s}', colors: ['Red', 'Black'], sizes: ['44', '48', '52', '58', '60', '62'], style: 'U', price: '782.99', costBp: 6216, description: 'Value-priced bike with many features of our top-of-the-line models. Has the same light, stiff frame, and the quick acceleration we are famous for.', popularity: 1.2 },
  { sub: 'Road Bikes', model: 'Road-750', pattern: 'Road-750 {c}, {s}', colors: ['Black'], sizes: ['44', '48', '52', '58'], style: 'U', price: '539.99', costBp: 6364, description: 'Entry level adult bike; offers a comfortable ride cross-country or down the block. Quick-release hubs and rims.', popularity: 1.3 },
  { sub: 'Touring Bikes', model: 'Touring-1000', pattern: 'Touring-1000 {c}, {s}', colors: ['Yellow', 'Blue'], sizes: ['46', '50', '54', '60'], style: 'U', price: '2384.07', costBp: 6216, description: 'Travel in style and comfort. Designed for maximum comfort and safety. Wide gear range takes on all hills. High-tech aluminum alloy construction provides durability without added weight.', popularity: 0.9 },
  { sub: 'Touring Bikes', model: 'Touring-2000', pattern: 'Touring-2000 {c}, {s}', colors: ['Blue'], sizes: ['46', '50', '54', '60'], style: 'U', price: '1214.85', costBp: 6216, description: 'The plush custom saddle keeps you riding all day, and there is plenty of space to add panniers and bike bags to the newly-redesigned carrier.', popularity: 0.9 },
  { sub: 'Touring Bikes', model: 'Touring-3000', pattern: 'Touring-3000 {c}, {s}', colors: ['Yellow', 'Blue'], sizes: ['44', '50', '54', '58', '62'], style: 'U', price: '742.35', costBp: 6216, description: 'All-occasion value bike with our basic comfort and safety features. Offers wider, more stable tires for a ride around town or weekend trip.', popularity: 1 },
  // Clothing: 35.
  { sub: 'Bib-Shorts', model: "Men's Bib-Shorts", pattern: "Men's Bib-Shorts, {s}", colors: ['Multi'], sizes: SML, style: 'M', price: '89.99', costBp: 4125, description: 'Designed for the AWC team with stay-put straps, moisture-control, chamois padding, and leg grippers.', popularity: 0.5 },
  { sub: 'Caps', model: 'Cycling Cap', pattern: 'AWC Logo Cap', colors: ['Multi'], style: 'U', price: '8.99', costBp: 7700, description: 'Traditional style with a flip-up brim; one-size fits all.', popularity: 4 },
  { sub: 'Gloves', model: 'Half-Finger Gloves', pattern: 'Half-Finger Gloves, {s}', colors: ['Black'], sizes: SML, style: 'U', price: '24.49', costBp: 3740, description: 'Synthetic palm, flexible knuckles, breathable mesh upper. Worn by the AWC team riders.' },
  { sub: 'Gloves', model: 'Full-Finger Gloves', pattern: 'Full-Finger Gloves, {s}', colors: ['Black'], sizes: SML, style: 'U', price: '37.99', costBp: 4125, description: 'Synthetic leather palm, cushioned, with stretch fabric backs for a close fit.' },
  { sub: 'Jerseys', model: 'Long-Sleeve Logo Jersey', pattern: 'Long-Sleeve Logo Jersey, {s}', colors: ['Multi'], sizes: SMLXL, style: 'U', price: '49.99', costBp: 7700, description: 'Unisex long-sleeve AWC logo microfiber cycling jersey', popularity: 1.5 },
  { sub: 'Jerseys', model: 'Short-Sleeve Classic Jersey', pattern: 'Short-Sleeve Classic Jersey, {s}', colors: ['Yellow'], sizes: SMLXL, style: 'U', price: '53.99', costBp: 7700, description: 'Short sleeve classic breathable jersey with superior moisture control, front zipper, and 3 back pockets.', popularity: 1.2 },
  { sub: 'Shorts', model: "Men's Sports Shorts", pattern: "Men's Sports Shorts, {s}", colors: ['Black'], sizes: SMLXL, style: 'M', price: '59.99', costBp: 4125, description: 'Men\'s 8-panel sport shorts with lycra, elastic waistband, and "Team AWC" leg stripe.' },
  { sub: 'Shorts', model: "Women's Mountain Shorts", pattern: "Women's Mountain Shorts, {s}", colors: ['Black'], sizes: SML, style: 'W', price: '69.99', costBp: 3740, description: 'Heavy duty, abrasion-resistant shorts feature seamless, lycra inner shorts with anti-bacterial chamois for comfort.' },
  { sub: 'Socks', model: 'Mountain Bike Socks', pattern: 'Mountain Bike Socks, {s}', colors: ['White'], sizes: ['M', 'L'], style: 'U', price: '9.5', costBp: 3575, description: 'Combination of natural and synthetic fibers stays dry and provides just the right cushioning.', popularity: 0.7 },
  { sub: 'Socks', model: 'Racing Socks', pattern: 'Racing Socks, {s}', colors: ['White'], sizes: ['M', 'L'], style: 'U', price: '8.99', costBp: 3740, description: 'Thin, lightweight and durable with cuffs that stay up.' },
  { sub: 'Tights', model: "Women's Tights", pattern: "Women's Tights, {s}", colors: ['Black'], sizes: SML, style: 'W', price: '74.99', costBp: 4125, description: 'Warm spandex tights for winter riding; seamless chamois protects pressure points.', popularity: 0.6 },
  { sub: 'Vests', model: 'Classic Vest', pattern: 'Classic Vest, {s}', colors: ['Blue'], sizes: SML, style: 'U', price: '63.5', costBp: 3740, description: 'Light-weight, wind-resistant, packs to fit into a pocket.', popularity: 0.8 },
  // Accessories: 29.
  { sub: 'Bike Racks', model: 'Hitch Rack - 4-Bike', pattern: 'Hitch Rack - 4-Bike', price: '120', costBp: 3740, description: 'Carries 4 bikes securely; steel construction, fits 2" receiver hitch.', popularity: 0.8 },
  { sub: 'Bike Stands', model: 'All-Purpose Bike Stand', pattern: 'All-Purpose Bike Stand', price: '159', costBp: 3740, description: 'Perfect all-purpose bike stand for working on your bike at home. Quick-adjusting clamps and steel construction.', popularity: 0.8 },
  { sub: 'Bottles and Cages', model: 'Water Bottle', pattern: 'Water Bottle - 30 oz.', price: '4.99', costBp: 3740, description: 'AWC logo water bottle - holds 30 oz; leak-proof.', popularity: 7 },
  { sub: 'Bottles and Cages', model: 'Mountain Bottle Cage', pattern: 'Mountain Bottle Cage', price: '9.99', costBp: 3740, description: 'Tough aluminum cage holds bottle securly on tough terrain.', popularity: 2.5 },
  { sub: 'Bottles and Cages', model: 'Road Bottle Cage', pattern: 'Road Bottle Cage', price: '8.99', costBp: 3740, description: 'Aluminum cage is lighter than our mountain version; perfect for long distance trips.', popularity: 2.2 },
  { sub: 'Cleaners', model: 'Bike Wash', pattern: 'Bike Wash - Dissolver', price: '7.95', costBp: 3740, description: 'Washes off the toughest road grime; dissolves grease, environmentally safe. 1-liter bottle.', popularity: 1.5 },
  { sub: 'Fenders', model: 'Fender Set - Mountain', pattern: 'Fender Set - Mountain', price: '21.98', costBp: 3740, description: 'Clip-on fenders fit most mountain bikes.', popularity: 2 },
  { sub: 'Helmets', model: 'Sport-100', pattern: 'Sport-100 Helmet, {c}', colors: ['Red', 'Black', 'Blue'], price: '34.99', costBp: 3740, description: 'Universal fit, well-vented, lightweight , snap-on visor.', popularity: 3.5 },
  { sub: 'Hydration Packs', model: 'Hydration Pack', pattern: 'Hydration Pack - 70 oz.', colors: ['Silver'], price: '54.99', costBp: 3740, description: 'Versatile 70 oz hydration pack offers extra storage, easy-fill access, and a waist belt.', popularity: 1.2 },
  { sub: 'Lights', model: 'Headlights - Dual-Beam', pattern: 'Headlights - Dual-Beam', price: '34.99', costBp: 4125, description: 'Rechargeable dual-beam headlight.', popularity: 0.6 },
  { sub: 'Lights', model: 'Headlights - Weatherproof', pattern: 'Headlights - Weatherproof', price: '44.99', costBp: 4125, description: 'Rugged weatherproof headlight, bright and long lasting.', popularity: 0.6 },
  { sub: 'Lights', model: 'Taillight', pattern: 'Taillights - Battery-Powered', price: '13.99', costBp: 4125, description: 'Affordable light for safe night riding - uses 3 AAA batteries', popularity: 0.6 },
  { sub: 'Locks', model: 'Cable Lock', pattern: 'Cable Lock', price: '25', costBp: 4125, description: 'Wraps to fit front and rear tires, carrier and 2 keys included.', popularity: 0.6 },
  { sub: 'Panniers', model: 'Touring-Panniers', pattern: 'Touring-Panniers, Large', colors: ['Grey'], price: '125', costBp: 4125, description: 'Durable, water-proof, easy to install. Large capacity, fits 2 bags per carrier.', popularity: 0.4 },
  { sub: 'Pumps', model: 'Minipump', pattern: 'Minipump', price: '19.99', costBp: 4125, description: 'Designed for convenience. Fits in your pocket. Aluminum barrel. 160psi rated.', popularity: 0.6 },
  { sub: 'Pumps', model: 'Mountain Pump', pattern: 'Mountain Pump', price: '24.99', costBp: 4125, description: 'Simple and light-weight. Emergency patches stored in handle.', popularity: 0.6 },
  { sub: 'Tires and Tubes', model: 'Patch kit', pattern: 'Patch Kit/8 Patches', price: '2.29', costBp: 3740, description: 'Includes 8 different size patches, glue and sandpaper.', popularity: 4 },
  { sub: 'Tires and Tubes', model: 'Mountain Tire Tube', pattern: 'Mountain Tire Tube', price: '4.99', costBp: 3740, description: 'Self-sealing tube for 26" mountain wheels, Presta valve.', popularity: 5 },
  { sub: 'Tires and Tubes', model: 'Road Tire Tube', pattern: 'Road Tire Tube', price: '3.99', costBp: 3740, description: 'Conventional all-purpose tube.', popularity: 4 },
  { sub: 'Tires and Tubes', model: 'Touring Tire Tube', pattern: 'Touring Tire Tube', price: '4.99', costBp: 3740, description: 'General purpose tube, fits touring and hybrid rims.', popularity: 2.5 },
  ...grades('Tires and Tubes', 'Mountain Tire', ['24.99', '29.99', '35'], 'Tough, puncture-resistant tread, for all terrain.', { popularity: 2, costBp: 3740 }),
  ...grades('Tires and Tubes', 'Road Tire', ['21.49', '24.99', '32.6'], 'Lightweight, puncture-resistant, high-pressure road tire.', { popularity: 2, costBp: 3740 }),
  { sub: 'Tires and Tubes', model: 'Touring Tire', pattern: 'Touring Tire', price: '28.99', costBp: 3740, description: 'Durable, all-weather tire for touring, with a reflective sidewall.', popularity: 1.5 },
  // Components: 132, never sold.
  ...grades('Handlebars', 'Road Handlebars', ['44.54', '61.92', '120.27'], 'Aluminum, fits most road bikes; comfortable, ergonomic design.'),
  ...grades('Handlebars', 'Mountain Handlebars', ['44.54', '61.92', '120.27'], 'All-purpose bar for on or off-road, lightweight and strong.'),
  { sub: 'Handlebars', model: 'LL Touring Handlebars', pattern: 'LL Touring Handlebars', price: '46.09', costBp: 4450, description: 'Unique shape reduces hand fatigue, entry level bar for touring.' },
  { sub: 'Handlebars', model: 'HL Touring Handlebars', pattern: 'HL Touring Handlebars', price: '91.57', costBp: 4450, description: 'A light yet stiff aluminum bar for long distance riding.' },
  ...grades('Bottom Brackets', 'Bottom Bracket', ['53.99', '101.24', '121.49'], 'Chromoly steel, sealed cartridge, fits most frames.'),
  { sub: 'Brakes', model: 'Front Brakes', pattern: 'Front Brakes', colors: ['Silver'], price: '106.5', costBp: 4450, description: 'All-weather brake pads; provides superior stopping, by applying more surface to the rim.' },
  { sub: 'Brakes', model: 'Rear Brakes', pattern: 'Rear Brakes', colors: ['Silver'], price: '106.5', costBp: 4450, description: 'Aluminum alloy cantilever; easy to adjust, strong stopping power.' },
  { sub: 'Chains', model: 'Chain', pattern: 'Chain', colors: ['Silver'], price: '20.24', costBp: 4450, description: 'Superior shifting performance, nickel-plated, 10-speed.' },
  ...grades('Cranksets', 'Crankset', ['175.49', '256.49', '404.99'], 'Triple crankset; alumunim crank arm; flawless shifting.', { colors: ['Black'] }),
  { sub: 'Derailleurs', model: 'Front Derailleur', pattern: 'Front Derailleur', colors: ['Silver'], price: '91.49', costBp: 4450, description: 'Wide-link design, fast shifting, lightweight cage.' },
  { sub: 'Derailleurs', model: 'Rear Derailleur', pattern: 'Rear Derailleur', colors: ['Silver'], price: '121.46', costBp: 4450, description: 'Wide-link design, solid pulleys, crisp shifting.' },
  ...grades('Forks', 'Fork', ['148.22', '175.49', '229.49'], 'Stout design absorbs shock, offers more precise steering.'),
  ...grades('Headsets', 'Headset', ['34.2', '102.29', '124.73'], 'Sealed cartridge, threadless, for 1 1/8" steerers.'),
  { sub: 'Mountain Frames', model: 'HL Mountain Frame', pattern: 'HL Mountain Frame - {c}, {s}', colors: ['Silver', 'Black'], sizes: ['38', '42', '44', '46', '48'], style: 'U', price: '1364.5', costBp: 5455, description: 'Each frame is hand-crafted in our Bothell facility to the optimum diameter, and wall-thickness required of a premium mountain frame.' },
  { sub: 'Mountain Frames', model: 'ML Mountain Frame', pattern: 'ML Mountain Frame - {c}, {s}', colors: ['Black'], sizes: ['38', '40', '42', '44', '48'], style: 'U', price: '348.76', costBp: 5455, description: 'Made from the same aluminum alloy as our top-of-the line HL frame, the ML features a lightweight down-tube.' },
  { sub: 'Mountain Frames', model: 'ML Mountain Frame-W', pattern: 'ML Mountain Frame-W - {c}, {s}', colors: ['Silver'], sizes: ['38', '40', '42', '46'], style: 'W', price: '364.09', costBp: 5455, description: 'The ML frame is a heat-treated aluminum frame, sized for a woman.' },
  { sub: 'Mountain Frames', model: 'LL Mountain Frame', pattern: 'LL Mountain Frame - {c}, {s}', colors: ['Silver', 'Black'], sizes: ['40', '42', '44', '48', '52'], style: 'U', price: '264.05', costBp: 5455, description: 'Our best value utilizing the same, ground-breaking frame technology as the ML aluminum frame.' },
  ...grades('Pedals', 'Mountain Pedal', ['40.49', '62.09', '80.99'], 'Expanded platform so you can ride in any shoes; great for all-around riding.', { colors: ['Silver'] }),
  ...grades('Pedals', 'Road Pedal', ['40.49', '62.09', '80.99'], 'Clipless pedals, aluminum, lightweight, adjustable tension.', { colors: ['Silver'] }),
  { sub: 'Pedals', model: 'Touring Pedal', pattern: 'Touring Pedal', colors: ['Silver'], price: '80.99', costBp: 4450, description: 'A stable pedal for all-day riding, with a wide platform.' },
  { sub: 'Road Frames', model: 'HL Road Frame', pattern: 'HL Road Frame - {c}, {s}', colors: ['Red', 'Black'], sizes: ['44', '48', '52', '56', '58', '62'], style: 'U', price: '1431.5', costBp: 6068, description: 'Our lightest and best quality aluminum frame made from the newest alloy; it is welded and heat-treated for strength.' },
  { sub: 'Road Frames', model: 'ML Road Frame', pattern: 'ML Road Frame - {c}, {s}', colors: ['Red'], sizes: ['44', '48', '52', '58', '60', '70'], style: 'U', price: '594.83', costBp: 6068, description: 'Made from the same aluminum alloy as our top-of-the line HL frame, the ML features a lightweight down-tube milled to the perfect diameter.' },
  { sub: 'Road Frames', model: 'ML Road Frame-W', pattern: 'ML Road Frame-W - {c}, {s}', colors: ['Yellow'], sizes: ['38', '40', '42', '44', '48'], style: 'W', price: '594.83', costBp: 6068, description: 'Same technology as all of our Road series frames, but sized for a woman.' },
  { sub: 'Road Frames', model: 'LL Road Frame', pattern: 'LL Road Frame - {c}, {s}', colors: ['Black'], sizes: ['44', '48', '52', '58', '60'], style: 'U', price: '337.22', costBp: 6068, description: 'The LL Frame provides a safe comfortable ride, while offering superior bump absorption in a value-priced aluminum frame.' },
  ...grades('Saddles', 'Mountain Seat/Saddle', ['27.12', '39.14', '52.64'], 'Lightweight foam-padded saddle, comfortable for long rides.'),
  ...grades('Saddles', 'Road Seat/Saddle', ['27.12', '39.14', '52.64'], 'Cut-out shell for a more comfortable ride, synthetic cover.'),
  ...grades('Saddles', 'Touring Seat/Saddle', ['27.12', '39.14', '52.64'], 'Comfortable, ergonomic design, for riding in an upright position.'),
  { sub: 'Touring Frames', model: 'HL Touring Frame', pattern: 'HL Touring Frame - {c}, {s}', colors: ['Yellow', 'Blue'], sizes: ['46', '50', '54', '60', '62'], style: 'U', price: '1003.91', costBp: 6216, description: 'The HL aluminum frame is custom-shaped for both good looks and strength; it will withstand the most rigorous challenges of daily riding.' },
  { sub: 'Touring Frames', model: 'LL Touring Frame', pattern: 'LL Touring Frame - {c}, {s}', colors: ['Yellow', 'Blue'], sizes: ['44', '50', '54', '58', '62'], style: 'U', price: '333.42', costBp: 6216, description: 'Lightweight butted aluminum frame provides a more upright riding position for a trip around town.' },
  ...grades('Wheels', 'Mountain Front Wheel', ['60.75', '209.03', '300.22'], 'Replacement mountain wheel for entry-level, intermediate or competition riders.', { colors: ['Black'] }),
  ...grades('Wheels', 'Mountain Rear Wheel', ['87.75', '236.03', '327.22'], 'Replacement rear mountain wheel, double-walled rim, stainless spokes.', { colors: ['Black'] }),
  ...grades('Wheels', 'Road Front Wheel', ['85.57', '248.39', '330.06'], 'Replacement front road wheel, aerodynamic rim for smooth riding.', { colors: ['Black'] }),
  ...grades('Wheels', 'Road Rear Wheel', ['112.57', '275.39', '357.06'], 'Replacement rear road wheel, aluminum alloy, sealed hub.', { colors: ['Black'] }),
  { sub: 'Wheels', model: 'Touring Front Wheel', pattern: 'Touring Front Wheel', colors: ['Black'], price: '218.01', costBp: 4450, description: 'Aerodynamic rims for smooth riding.' },
  { sub: 'Wheels', model: 'Touring Rear Wheel', pattern: 'Touring Rear Wheel', colors: ['Black'], price: '245.01', costBp: 4450, description: 'Wide-link design, sealed bearings, strong rim.' },
];

const COLOR_CODES: Readonly<Record<string, string>> = {
  NA: '',
  Black: 'B',
  Silver: 'S',
  Red: 'R',
  Yellow: 'Y',
  Blue: 'U',
  Multi: 'M',
  White: 'W',
  Grey: 'G',
};

function buildProducts(): Product[] {
  const subByName = new Map(SUBCATEGORIES.map((s) => [s.name, s]));
  const products: Product[] = [];
  FAMILIES.forEach((family, familyIndex) => {
    const sub = subByName.get(family.sub);
    if (!sub) throw new Error(`unknown subcategory ${family.sub}`);
    // A stable per-family code keeps SKUs unique: BK-M101S-38.
    const modelCode = `${family.model.replace(/[^A-Z]/g, '').charAt(0) || 'X'}${101 + familyIndex}`;
    const price = parseMoney(family.price);
    for (const color of family.colors ?? ['NA']) {
      for (const size of family.sizes ?? ['0']) {
        const colorCode = COLOR_CODES[color];
        if (colorCode === undefined) throw new Error(`no SKU code for colour ${color}`);
        products.push({
          key: 210 + products.length,
          subcategoryKey: sub.key,
          categoryKey: sub.categoryKey,
          sku: `${sub.skuCode}-${modelCode}${colorCode}${size === '0' ? '' : `-${size}`}`,
          name: family.pattern.replace('{c}', color).replace('{s}', size),
          model: family.model,
          description: family.description,
          color,
          size,
          style: family.style ?? '0',
          cost: applyRatio(price, family.costBp),
          price,
          popularity: family.popularity ?? 1,
        });
      }
    }
  });
  return products;
}

export const PRODUCTS: readonly Product[] = buildProducts();
