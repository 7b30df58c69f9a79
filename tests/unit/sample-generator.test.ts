/**
 * The sample generator must reproduce every quirk of the real AdventureWorks files
 * (/work/shared/specs/adventureworks-sources.md) and a truth that agrees with its bytes.
 * The truth is re-derived here from the parsed CSV bytes, independently of truth.ts.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Sample, generateSample, writeSample } from '../../scripts/sample/index.js';

const BOM = [0xef, 0xbb, 0xbf];
const EXPECTED_BOM: Record<string, boolean> = {
  'AW_Customers.csv': false,
  'AW_Products.csv': false,
  'AW_Product_Category.csv': true,
  'AW_Product_Subcategory.csv': true,
  'AW_Sales_2016.csv': true,
  'AW_Sales_2017.csv': true,
  'AW_Sales_2016 - Copy.csv': true,
  'AW_Sales_2017 - Copy.csv': true,
  'AW_Territory.csv': true,
};
const HEADERS: Record<string, string> = {
  'AW_Customers.csv':
    'CustomerKey,Prefix,FirstName,LastName,BirthDate,MaritalStatus,Gender,EmailAddress,AnnualIncome,TotalChildren,EducationLevel,Occupation,HomeOwner',
  'AW_Products.csv':
    'ProductKey,ProductSubcategoryKey,ProductSKU,ProductName,ModelName,ProductDescription,ProductColor,ProductSize,ProductStyle,ProductCost,ProductPrice',
  'AW_Product_Category.csv': 'CategoryName,ProductCategoryKey',
  'AW_Product_Subcategory.csv': 'ProductCategoryKey,ProductSubcategoryKey,SubcategoryName',
  'AW_Sales_2016.csv':
    'CustomerKey,OrderDate,OrderLineItem,OrderNumber,OrderQuantity,ProductKey,StockDate,TerritoryKey',
  'AW_Sales_2017.csv':
    'CustomerKey,OrderDate,OrderLineItem,OrderNumber,OrderQuantity,ProductKey,StockDate,TerritoryKey',
  'AW_Territory.csv': 'Continent,Country,Region,SalesTerritoryKey',
};

function file(sample: Sample, name: string): Uint8Array {
  const found =
    sample.files.find((f) => f.name === name) ?? sample.truthFiles.find((f) => f.name === name);
  if (!found) throw new Error(`no file ${name}`);
  return found.bytes;
}

function hasBom(bytes: Uint8Array): boolean {
  return BOM.every((b, i) => bytes[i] === b);
}

/** Text of a file, BOM removed, decoded as its spec'd encoding. */
function text(sample: Sample, name: string): string {
  const bytes = file(sample, name);
  if (name === 'AW_Customers.csv') return new TextDecoder('latin1').decode(bytes);
  return new TextDecoder('utf-8', { fatal: true }).decode(
    hasBom(bytes) ? bytes.subarray(3) : bytes,
  );
}

/** Minimal RFC 4180 parser: enough for these files, kept independent of the writer. */
function parseCsv(input: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && input[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function records(sample: Sample, name: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text(sample, name));
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** "12407.9545" → 124079545n; also accepts the products file's short forms. */
function units(value: string): bigint {
  const [whole = '0', frac = ''] = value.split('.');
  const sign = whole.startsWith('-') ? -1n : 1n;
  return sign * (BigInt(whole.replace('-', '')) * 10000n + BigInt(frac.padEnd(4, '0')));
}

const iso = (y: number, m: number, d: number): string =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const dayNo = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;

/** Both customer birth-date forms are month-first. */
function parseBirthDate(value: string): string {
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const dash = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value);
  const m = slash ?? dash;
  if (!m) throw new Error(`bad birth date ${value}`);
  return iso(Number(m[3]), Number(m[1]), Number(m[2]));
}

/** Sales dates are day-first DD-MM-YYYY. */
function parseSalesDate(value: string): string {
  const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value);
  if (!m) throw new Error(`bad sales date ${value}`);
  return iso(Number(m[3]), Number(m[2]), Number(m[1]));
}

const small = generateSample({ seed: 42, scale: 0.1 });

describe('determinism', () => {
  it('same seed gives identical bytes, another seed different ones', () => {
    const a = generateSample({ seed: 7, scale: 0.02 });
    const b = generateSample({ seed: 7, scale: 0.02 });
    const c = generateSample({ seed: 8, scale: 0.02 });
    expect(a.files.map((f) => f.name)).toEqual(b.files.map((f) => f.name));
    a.files.forEach((f, i) =>
      expect(Buffer.from(f.bytes).equals(Buffer.from(b.files[i]!.bytes))).toBe(true),
    );
    a.truthFiles.forEach((f, i) =>
      expect(Buffer.from(f.bytes).equals(Buffer.from(b.truthFiles[i]!.bytes))).toBe(true),
    );
    for (const name of ['AW_Customers.csv', 'AW_Sales_2016.csv', 'AW_Sales_2017.csv']) {
      expect(Buffer.from(file(a, name)).equals(Buffer.from(file(c, name)))).toBe(false);
    }
    // Dimension tables are fixed reference data, independent of the seed.
    expect(
      Buffer.from(file(a, 'AW_Products.csv')).equals(Buffer.from(file(c, 'AW_Products.csv'))),
    ).toBe(true);
  });

  it('writes to disk exactly the bytes it builds in memory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aw-sample-'));
    try {
      const written = await writeSample(dir, { seed: 3, scale: 0.01 });
      const memory = generateSample({ seed: 3, scale: 0.01 });
      expect(written.truth).toEqual(memory.truth);
      for (const f of [...memory.files, ...memory.truthFiles]) {
        const disk = await readFile(join(dir, f.name));
        expect(disk.equals(Buffer.from(f.bytes)), f.name).toBe(true);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('file-level quirks', () => {
  it('has the nine files with BOMs exactly where the spec says', () => {
    expect(small.files.map((f) => f.name).sort()).toEqual(Object.keys(EXPECTED_BOM).sort());
    for (const f of small.files) expect(hasBom(f.bytes), f.name).toBe(EXPECTED_BOM[f.name]);
  });

  it('ends every line with CRLF and uses the exact headers', () => {
    for (const f of small.files) {
      const s = Buffer.from(f.bytes).toString('latin1');
      expect(s.endsWith('\r\n'), f.name).toBe(true);
      expect(/[^\r]\n|\r[^\n]/.test(s), f.name).toBe(false);
      const header = HEADERS[f.name.replace(' - Copy', '')];
      expect(text(small, f.name).split('\r\n')[0], f.name).toBe(header);
    }
  });

  it('writes customers in Latin-1, which UTF-8 cannot read', () => {
    const bytes = file(small, 'AW_Customers.csv');
    expect(bytes.includes(0xc9)).toBe(true); // É as in ANDRÉS
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const decoded = text(small, 'AW_Customers.csv');
    expect(decoded).toMatch(/[ÉÑÁÖÇ]/);
    expect(/[\u0080-\u009f\ufffd]/.test(decoded)).toBe(false);
  });

  it('writes products in plain ASCII with quoted commas and a doubled quote', () => {
    const bytes = file(small, 'AW_Products.csv');
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    const raw = text(small, 'AW_Products.csv');
    expect(raw).toContain('"Sport-100 Helmet, Red"');
    expect(raw).toMatch(/"[^"\r\n]*""[^\r\n]*"/);
  });

  it('copies the sales files byte for byte', () => {
    for (const year of [2016, 2017]) {
      const original = Buffer.from(file(small, `AW_Sales_${year}.csv`));
      expect(original.equals(Buffer.from(file(small, `AW_Sales_${year} - Copy.csv`)))).toBe(true);
    }
  });
});

describe('value-level quirks', () => {
  const customers = records(small, 'AW_Customers.csv');
  const truthRows = records(small, 'customer_360.truth.csv');

  it('mixes two month-first birth-date formats, dashed only when day and month ≤ 12', () => {
    const dashed = customers.filter((c) => c.BirthDate!.includes('-'));
    const slashed = customers.filter((c) => c.BirthDate!.includes('/'));
    expect(dashed.length).toBeGreaterThan(10);
    expect(slashed.length).toBeGreaterThan(dashed.length);
    expect(dashed.length + slashed.length).toBe(customers.length);
    for (const c of dashed) {
      const [mm, dd] = c.BirthDate!.split('-').map(Number);
      expect(mm! <= 12 && dd! <= 12, c.BirthDate).toBe(true);
    }
    // Unpadded M/D/YYYY, and some slash dates a day-first reading would reject.
    expect(slashed.every((c) => /^[1-9]\d?\/[1-9]\d?\/\d{4}$/.test(c.BirthDate!))).toBe(true);
    expect(slashed.some((c) => Number(c.BirthDate!.split('/')[1]) > 12)).toBe(true);
    customers.forEach((c, i) => {
      const birth = parseBirthDate(c.BirthDate!);
      expect(birth).toBe(truthRows[i]!.birth_date);
      expect(Number(birth.slice(0, 4))).toBeGreaterThanOrEqual(1910);
      expect(Number(birth.slice(0, 4))).toBeLessThanOrEqual(1980);
    });
  });

  it('writes incomes as quoted "$90,000 " text', () => {
    const raw = text(small, 'AW_Customers.csv');
    expect(raw).toContain(',"$90,000 ",');
    const incomes = new Set(customers.map((c) => c.AnnualIncome));
    for (const income of incomes) expect(income).toMatch(/^\$\d{2,3},000 $/);
    expect(incomes.size).toBeLessThanOrEqual(16);
  });

  it('has NA gender exactly where the prefix is empty, and consistent prefixes', () => {
    const unknown = customers.filter((c) => c.Gender === 'NA');
    expect(unknown.length).toBeGreaterThanOrEqual(3);
    expect(unknown.length).toBe(small.truth.customers_unknown_gender);
    for (const c of customers) {
      expect(c.Gender === 'NA', c.CustomerKey).toBe(c.Prefix === '');
      if (c.Gender === 'M') expect(c.Prefix).toBe('MR.');
      if (c.Gender === 'F') expect(['MRS.', 'MS.']).toContain(c.Prefix);
    }
  });

  it('has upper-case names, unique lower-case e-mails and keys from 11000', () => {
    expect(customers[0]!.CustomerKey).toBe('11000');
    expect(new Set(customers.map((c) => c.EmailAddress)).size).toBe(customers.length);
    for (const c of customers) {
      expect(c.FirstName).toBe(c.FirstName!.toUpperCase());
      expect(c.LastName).toBe(c.LastName!.toUpperCase());
      expect(c.EmailAddress).toMatch(/^[a-z]+\d+@adventure-works\.com$/);
    }
  });

  it('uses the products domain values of the spec', () => {
    const products = records(small, 'AW_Products.csv');
    expect(products).toHaveLength(293);
    for (const p of products) {
      expect(p.ProductSize).toMatch(/^(0|S|M|L|XL|\d{2})$/);
      if (/^\d{2}$/.test(p.ProductSize!)) expect(Number(p.ProductSize)).toBeGreaterThanOrEqual(38);
      if (/^\d{2}$/.test(p.ProductSize!)) expect(Number(p.ProductSize)).toBeLessThanOrEqual(70);
      expect(['0', 'U', 'W', 'M']).toContain(p.ProductStyle);
      expect(p.ProductCost).toMatch(/^\d+(\.\d{1,4})?$/);
      expect(p.ProductPrice).toMatch(/^\d+(\.\d{1,4})?$/);
    }
    expect(products.some((p) => p.ProductColor === 'NA')).toBe(true);
    expect(products.some((p) => /\.\d{4}$/.test(p.ProductCost!))).toBe(true);
  });

  it('writes day-first sales dates inside the period, stock dates 13–14 years earlier', () => {
    for (const [year, first, last] of [
      [2016, '2016-01-01', '2016-12-31'],
      [2017, '2017-01-01', '2017-06-30'],
    ] as const) {
      const sales = records(small, `AW_Sales_${year}.csv`);
      expect(sales.some((s) => Number(s.OrderDate!.slice(0, 2)) > 12)).toBe(true);
      for (const s of sales) {
        const order = parseSalesDate(s.OrderDate!);
        const stock = parseSalesDate(s.StockDate!);
        expect(order >= first && order <= last, s.OrderDate).toBe(true);
        const years = (dayNo(order) - dayNo(stock)) / 365.2425;
        expect(years >= 13 && years <= 14, `${s.OrderDate} ${s.StockDate}`).toBe(true);
        expect(['1', '2', '3']).toContain(s.OrderQuantity);
        expect(s.OrderNumber).toMatch(/^SO\d+$/);
      }
    }
  });
});

describe('line counts', () => {
  it('matches the real set exactly at scale 1', () => {
    const full = generateSample({ seed: 42, scale: 1 });
    const rows = (name: string): number => text(full, name).split('\r\n').length - 2; // header, final CRLF
    expect(rows('AW_Customers.csv')).toBe(18148);
    expect(rows('AW_Products.csv')).toBe(293);
    expect(rows('AW_Product_Category.csv')).toBe(4);
    expect(rows('AW_Product_Subcategory.csv')).toBe(37);
    expect(rows('AW_Sales_2016.csv')).toBe(23935);
    expect(rows('AW_Sales_2017.csv')).toBe(29481);
    expect(rows('AW_Sales_2016 - Copy.csv')).toBe(23935);
    expect(rows('AW_Territory.csv')).toBe(10);
    expect(full.truth.customers_unknown_gender).toBe(130);
    expect(new Set(records(full, 'AW_Customers.csv').map((c) => c.AnnualIncome)).size).toBe(16);
    expect(full.truth.order_lines).toBe(23935 + 29481);
  });

  it('scales customers and lines proportionally', () => {
    expect(small.truth.customers).toBe(1815);
    expect(small.truth.order_lines_by_year).toEqual({ 2016: 2394, 2017: 2948 });
    expect(small.truth.products).toBe(293);
  });
});

describe('truth', () => {
  const t = small.truth;
  const sum = (values: Iterable<string>): bigint => [...values].reduce((a, v) => a + units(v), 0n);

  it('is internally consistent', () => {
    const rows = small.customer360;
    expect(sum(Object.values(t.revenue_by_country))).toBe(units(t.revenue));
    expect(sum(Object.values(t.revenue_by_month))).toBe(units(t.revenue));
    expect(sum(Object.values(t.revenue_by_category))).toBe(units(t.revenue));
    expect(sum(rows.map((r) => r.total_revenue))).toBe(units(t.revenue));
    expect(sum(rows.map((r) => r.total_profit))).toBe(units(t.profit));
    expect(units(t.revenue) - units(t.cost)).toBe(units(t.profit));
    expect(rows.filter((r) => r.total_orders > 0)).toHaveLength(t.buyers);
    expect(rows.reduce((n, r) => n + r.total_orders, 0)).toBe(t.orders);
    expect(rows.reduce((n, r) => n + r.total_quantity, 0)).toBe(t.quantity);
    expect(String(rows.reduce((n, r) => n + r.annual_income, 0))).toBe(
      t.customers_sum_annual_income,
    );
    expect(Object.keys(t.revenue_by_category)).not.toContain('Components');
    expect(t.buyers).toBeLessThan(t.customers);
    const top = [...rows]
      .sort((a, b) =>
        units(b.total_revenue) > units(a.total_revenue)
          ? 1
          : units(b.total_revenue) < units(a.total_revenue)
            ? -1
            : a.customer_key - b.customer_key,
      )
      .slice(0, 20)
      .map((r) => ({
        customer_key: r.customer_key,
        total_revenue: r.total_revenue,
        total_orders: r.total_orders,
      }));
    expect(t.top_customers).toEqual(top);
    expect(JSON.parse(new TextDecoder().decode(file(small, 'truth.json')))).toEqual(t);
  });

  it('agrees with an independent reading of the CSV bytes', () => {
    const price = new Map<string, { price: bigint; cost: bigint; sub: string }>();
    for (const p of records(small, 'AW_Products.csv'))
      price.set(p.ProductKey!, {
        price: units(p.ProductPrice!),
        cost: units(p.ProductCost!),
        sub: p.ProductSubcategoryKey!,
      });
    const subToCategory = new Map(
      records(small, 'AW_Product_Subcategory.csv').map((s) => [
        s.ProductSubcategoryKey!,
        s.ProductCategoryKey!,
      ]),
    );
    const territories = new Map(
      records(small, 'AW_Territory.csv').map((r) => [r.SalesTerritoryKey!, r]),
    );
    const customerKeys = new Set(records(small, 'AW_Customers.csv').map((c) => c.CustomerKey!));

    // Every file loaded, copies included; de-duplicate on (order number, line).
    const lines = new Map<string, Record<string, string>>();
    for (const f of small.files.filter((x) => x.name.startsWith('AW_Sales_'))) {
      for (const s of records(small, f.name)) lines.set(`${s.OrderNumber}/${s.OrderLineItem}`, s);
    }
    expect(lines.size).toBe(t.order_lines);

    let revenue = 0n;
    const perCustomer = new Map<
      string,
      { revenue: bigint; orders: Map<string, { territory: string; date: string }> }
    >();
    const orderLines = new Map<string, number[]>();
    for (const s of lines.values()) {
      const p = price.get(s.ProductKey!);
      expect(p, `product ${s.ProductKey}`).toBeDefined();
      expect(subToCategory.get(p!.sub)).not.toBe('2'); // Components never sell
      expect(territories.has(s.TerritoryKey!)).toBe(true);
      expect(customerKeys.has(s.CustomerKey!)).toBe(true);
      const lineRevenue = p!.price * BigInt(s.OrderQuantity!);
      revenue += lineRevenue;
      const c = perCustomer.get(s.CustomerKey!) ?? { revenue: 0n, orders: new Map() };
      c.revenue += lineRevenue;
      c.orders.set(s.OrderNumber!, {
        territory: s.TerritoryKey!,
        date: parseSalesDate(s.OrderDate!),
      });
      perCustomer.set(s.CustomerKey!, c);
      orderLines.set(s.OrderNumber!, [
        ...(orderLines.get(s.OrderNumber!) ?? []),
        Number(s.OrderLineItem),
      ]);
    }
    expect(revenue).toBe(units(t.revenue));
    expect(orderLines.size).toBe(t.orders);
    for (const items of orderLines.values()) {
      expect(items.sort((a, b) => a - b)).toEqual(items.map((_, i) => i + 1));
      expect(items.length).toBeLessThanOrEqual(8);
    }

    // Country rule: most distinct orders; ties → territory of the latest order (date, number).
    let ties = 0;
    let tiesOnOneDay = 0;
    for (const row of small.customer360) {
      const c = perCustomer.get(String(row.customer_key));
      if (!c) {
        expect(row.total_orders).toBe(0);
        expect(row.country).toBeNull();
        continue;
      }
      expect(row.total_orders).toBe(c.orders.size);
      expect(units(row.total_revenue)).toBe(c.revenue);
      const counts = new Map<string, number>();
      for (const o of c.orders.values())
        counts.set(o.territory, (counts.get(o.territory) ?? 0) + 1);
      const max = Math.max(...counts.values());
      const leaders = [...counts].filter(([, k]) => k === max).map(([key]) => key);
      const latest = [...c.orders].sort(([na, a], [nb, b]) =>
        a.date !== b.date ? (a.date < b.date ? 1 : -1) : Number(nb.slice(2)) - Number(na.slice(2)),
      )[0]!;
      const winner = leaders.length === 1 ? leaders[0]! : latest[1].territory;
      if (leaders.length > 1) {
        ties++;
        const sameDay = [...c.orders.values()].filter(
          (o) => o.date === latest[1].date && leaders.includes(o.territory),
        );
        if (new Set(sameDay.map((o) => o.territory)).size > 1) tiesOnOneDay++;
      }
      expect(row.country, String(row.customer_key)).toBe(territories.get(winner)!.Country);
      expect(row.region).toBe(territories.get(winner)!.Region);
    }
    expect(ties).toBeGreaterThan(3);
    expect(tiesOnOneDay).toBeGreaterThan(0);
  });

  it('derives ages and day counts at the latest order date', () => {
    expect(t.as_of_date).toBe('2017-06-30');
    for (const r of small.customer360) {
      const [by, bm, bd] = r.birth_date.split('-').map(Number) as [number, number, number];
      expect(r.age).toBe(2017 - by - (6 < bm || (6 === bm && 30 < bd) ? 1 : 0));
      if (r.total_orders === 0) {
        expect([
          r.avg_order_value,
          r.first_order_date,
          r.last_order_date,
          r.recency_days,
          r.tenure_days,
        ]).toEqual([null, null, null, null, null]);
        expect([r.total_revenue, r.total_profit, r.total_quantity]).toEqual([
          '0.0000',
          '0.0000',
          0,
        ]);
      } else {
        expect(r.recency_days).toBe(dayNo(t.as_of_date) - dayNo(r.last_order_date!));
        expect(r.tenure_days).toBe(dayNo(t.as_of_date) - dayNo(r.first_order_date!));
        const avg = units(r.avg_order_value!);
        const total = units(r.total_revenue);
        const orders = BigInt(r.total_orders);
        // avg is total / orders rounded half-up to 4 places.
        expect(
          2n * total >= (2n * avg - 1n) * orders && 2n * total < (2n * avg + 1n) * orders,
        ).toBe(true);
      }
    }
  });
});

describe('the bundled sample in public/sample', () => {
  it('is exactly what the generator writes (npm run generate reproduces it)', async () => {
    const { readFileSync } = await import('node:fs');
    const bundled = generateSample({ seed: 42, scale: 0.1 });
    for (const file of [...bundled.files, ...bundled.truthFiles]) {
      const onDisk = new Uint8Array(readFileSync(`public/sample/${file.name}`));
      expect(Buffer.compare(onDisk, file.bytes), file.name).toBe(0);
    }
    const manifest = JSON.parse(readFileSync('public/sample/manifest.json', 'utf8')) as string[];
    expect(manifest.sort()).toEqual(bundled.files.map((f) => f.name).sort());
  });
});
