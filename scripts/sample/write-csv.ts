/**
 * Serialises the model into the exact bytes of the AdventureWorks files, quirks included
 * (see /work/shared/specs/adventureworks-sources.md): Latin-1 customers, BOMs on some files
 * and not others, CRLF everywhere, two month-first birth-date formats, `"$90,000 "`
 * incomes, day-first sales dates, quoted commas in product names.
 *
 * Files are produced as lazy chunk sequences (about 1 MB each), so the same code fills a
 * Uint8Array in memory or streams a 150 MB sales file to disk without holding it.
 */
import { type CivilDate, memoDateFormat, pad2 } from './calendar.js';
import { FIRST_CUSTOMER_KEY, iterateCustomers } from './customers.js';
import type { SampleModel } from './model.js';
import { formatMoneyShort } from './money.js';
import { iterateOrders } from './orders.js';
import { CUSTOMER_360_COLUMNS, type TruthResult, iterateCustomer360 } from './truth.js';

export type Encoding = 'ascii' | 'latin1' | 'utf8';

export interface FilePlan {
  name: string;
  /** Fresh chunk sequence on every call. */
  chunks: () => Iterable<Uint8Array>;
}

export interface CopyPlan {
  name: string;
  /** Name of a file whose bytes this one repeats exactly. */
  copyOf: string;
}

const CRLF = '\r\n';
const CHUNK_CHARS = 1 << 20;
const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);
const utf8 = new TextEncoder();

/**
 * One byte per character. Latin-1 refuses anything above 0xFF and the C1 block
 * (0x80–0x9F), where Windows-1252 and ISO-8859-1 disagree, so the customers file reads the
 * same under either name; ASCII refuses everything above 0x7F.
 */
export function encodeSingleByte(text: string, encoding: 'ascii' | 'latin1'): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (encoding === 'ascii' ? code > 0x7f : code > 0xff || (code >= 0x80 && code <= 0x9f)) {
      throw new Error(`character ${JSON.stringify(text[i])} is not ${encoding}`);
    }
    bytes[i] = code;
  }
  return bytes;
}

function encode(text: string, encoding: Encoding, bom: boolean): Uint8Array {
  const body = encoding === 'utf8' ? utf8.encode(text) : encodeSingleByte(text, encoding);
  if (!bom) return body;
  const out = new Uint8Array(UTF8_BOM.length + body.length);
  out.set(UTF8_BOM, 0);
  out.set(body, UTF8_BOM.length);
  return out;
}

/** Groups text lines into encoded chunks; the BOM, if any, goes before the first. */
export function* encodeLines(
  lines: Iterable<string>,
  encoding: Encoding,
  bom: boolean,
): Generator<Uint8Array> {
  let parts: string[] = [];
  let size = 0;
  let first = true;
  for (const line of lines) {
    parts.push(line);
    size += line.length;
    if (size >= CHUNK_CHARS) {
      yield encode(parts.join(''), encoding, bom && first);
      first = false;
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0 || first) yield encode(parts.join(''), encoding, bom && first);
}

/** RFC 4180 quoting, only where needed, as Excel-made files do. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRow(values: readonly (string | number)[], eol: string): string {
  return values.map((v) => (typeof v === 'number' ? String(v) : csvField(v))).join(',') + eol;
}

/** `M/D/YYYY` unpadded, or `MM-DD-YYYY` padded: both month-first. */
function birthDateText(d: CivilDate, dashed: boolean): string {
  return dashed ? `${pad2(d.month)}-${pad2(d.day)}-${d.year}` : `${d.month}/${d.day}/${d.year}`;
}

/** `"$90,000 "` once quoted: dollar, thousands separator, trailing space. */
export function incomeText(dollars: number): string {
  // By hand rather than toLocaleString: the bytes must not depend on the runtime's ICU data.
  return `$${String(dollars).replace(/\B(?=(\d{3})+$)/g, ',')} `;
}

function* customerLines(model: SampleModel): Generator<string> {
  yield csvRow(
    [
      'CustomerKey',
      'Prefix',
      'FirstName',
      'LastName',
      'BirthDate',
      'MaritalStatus',
      'Gender',
      'EmailAddress',
      'AnnualIncome',
      'TotalChildren',
      'EducationLevel',
      'Occupation',
      'HomeOwner',
    ],
    CRLF,
  );
  const dashed = memoDateFormat((d) => birthDateText(d, true));
  const slashed = memoDateFormat((d) => birthDateText(d, false));
  for (const c of iterateCustomers(model.customers)) {
    yield csvRow(
      [
        c.key,
        c.prefix,
        c.firstName,
        c.lastName,
        (c.birthDashed ? dashed : slashed)(c.birthDay),
        c.maritalStatus,
        c.gender ?? 'NA',
        c.email,
        incomeText(c.annualIncome),
        c.totalChildren,
        c.educationLevel,
        c.occupation,
        c.homeOwner ? 'Y' : 'N',
      ],
      CRLF,
    );
  }
}

function* productLines(model: SampleModel): Generator<string> {
  yield csvRow(
    [
      'ProductKey',
      'ProductSubcategoryKey',
      'ProductSKU',
      'ProductName',
      'ModelName',
      'ProductDescription',
      'ProductColor',
      'ProductSize',
      'ProductStyle',
      'ProductCost',
      'ProductPrice',
    ],
    CRLF,
  );
  for (const p of model.products) {
    yield csvRow(
      [
        p.key,
        p.subcategoryKey,
        p.sku,
        p.name,
        p.model,
        p.description,
        p.color,
        p.size,
        p.style,
        formatMoneyShort(p.cost),
        formatMoneyShort(p.price),
      ],
      CRLF,
    );
  }
}

function* categoryLines(model: SampleModel): Generator<string> {
  yield csvRow(['CategoryName', 'ProductCategoryKey'], CRLF);
  for (const c of model.categories) yield csvRow([c.name, c.key], CRLF);
}

function* subcategoryLines(model: SampleModel): Generator<string> {
  yield csvRow(['ProductCategoryKey', 'ProductSubcategoryKey', 'SubcategoryName'], CRLF);
  for (const s of model.subcategories) yield csvRow([s.categoryKey, s.key, s.name], CRLF);
}

function* territoryLines(model: SampleModel): Generator<string> {
  yield csvRow(['Continent', 'Country', 'Region', 'SalesTerritoryKey'], CRLF);
  for (const t of model.territories) yield csvRow([t.continent, t.country, t.region, t.key], CRLF);
}

/** Day-first `DD-MM-YYYY`, the opposite of the customers file. */
const salesDate = memoDateFormat((d) => `${pad2(d.day)}-${pad2(d.month)}-${d.year}`);

function* salesLines(model: SampleModel, start: number, end: number): Generator<string> {
  yield (
    'CustomerKey,OrderDate,OrderLineItem,OrderNumber,OrderQuantity,ProductKey,StockDate,TerritoryKey' +
    CRLF
  );
  const firstKey = FIRST_CUSTOMER_KEY;
  // Hot loop (5M lines at scale 100): plain concatenation, numbers never need quoting.
  for (const o of iterateOrders(model.orders, model.chooser, start, end)) {
    const head = `${firstKey + o.customer},${salesDate(o.day)},`;
    const orderNo = `,SO${o.number},`;
    const tail = `,${o.territoryKey}${CRLF}`;
    let block = '';
    for (const l of o.lines) {
      block += `${head}${l.line}${orderNo}${l.quantity},${l.productKey},${salesDate(l.stockDay)}${tail}`;
    }
    yield block;
  }
}

export function sampleFilePlans(model: SampleModel): (FilePlan | CopyPlan)[] {
  const plans: (FilePlan | CopyPlan)[] = [
    { name: 'AW_Customers.csv', chunks: () => encodeLines(customerLines(model), 'latin1', false) },
    { name: 'AW_Products.csv', chunks: () => encodeLines(productLines(model), 'ascii', false) },
    {
      name: 'AW_Product_Category.csv',
      chunks: () => encodeLines(categoryLines(model), 'utf8', true),
    },
    {
      name: 'AW_Product_Subcategory.csv',
      chunks: () => encodeLines(subcategoryLines(model), 'utf8', true),
    },
  ];
  for (const y of model.orders.years) {
    const name = `AW_Sales_${y.year}.csv`;
    plans.push({
      name,
      chunks: () => encodeLines(salesLines(model, y.start, y.end), 'utf8', true),
    });
    plans.push({ name: `AW_Sales_${y.year} - Copy.csv`, copyOf: name });
  }
  plans.push({
    name: 'AW_Territory.csv',
    chunks: () => encodeLines(territoryLines(model), 'utf8', true),
  });
  return plans;
}

function* customer360Lines(model: SampleModel, result: TruthResult): Generator<string> {
  yield CUSTOMER_360_COLUMNS.join(',') + '\n';
  for (const row of iterateCustomer360(model, result)) {
    // Empty for null (never bought, unknown gender); booleans as true/false.
    yield csvRow(
      CUSTOMER_360_COLUMNS.map((col) => {
        const v = row[col];
        return v === null ? '' : typeof v === 'boolean' ? String(v) : v;
      }),
      '\n',
    );
  }
}

/** The truth files: plain UTF-8, LF, no BOM; they are for tests, not for users to drop. */
export function truthFilePlans(model: SampleModel, result: TruthResult): FilePlan[] {
  return [
    {
      name: 'truth.json',
      chunks: () => [utf8.encode(JSON.stringify(result.truth, null, 2) + '\n')],
    },
    {
      name: 'customer_360.truth.csv',
      chunks: () => encodeLines(customer360Lines(model, result), 'utf8', false),
    },
  ];
}
