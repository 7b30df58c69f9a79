/**
 * Native DuckDB results (`@duckdb/node-api` data chunks) → Arrow IPC stream bytes shaped
 * like the ones DuckDB-WASM sends, so nothing downstream can tell the engines apart:
 * integers keep their width, DECIMAL(p,s) is a 128-bit Arrow decimal holding the exact
 * scaled value (as DuckDB's own Arrow export), HUGEINT is DECIMAL(38,0), DATE is DateDay,
 * TIMESTAMP keeps its unit (microseconds), TIME is Time64 µs, VARCHAR/UUID/ENUM are
 * Utf8, BLOB is Binary, LIST and STRUCT nest. Anything else (MAP, UNION, ARRAY,
 * INTERVAL, …) becomes its text, best effort. (The node bindings do not expose DuckDB's
 * own Arrow export, `duckdb_query_arrow`, so the conversion is done here.)
 */
import {
  Binary,
  Bool,
  DataType,
  DateDay,
  Decimal,
  Field,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  List,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimeMicrosecond,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  Uint16,
  Uint32,
  Uint64,
  Uint8,
  Utf8,
  makeData,
  tableToIPC,
  type Data,
} from 'apache-arrow';
import {
  DuckDBTypeId,
  type DuckDBDecimalType,
  type DuckDBListType,
  type DuckDBResult,
  type DuckDBStructType,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';

/** Rows gathered into one record batch (DuckDB's chunks hold 2,048). */
const BATCH_ROWS = 64 * 1024;

export async function resultToIpc(result: DuckDBResult): Promise<Uint8Array> {
  const types = result.columnTypes();
  const names = result.columnNames();
  const schema = new Schema(names.map((name, i) => new Field(name, arrowType(types[i]!), true)));
  const batches: RecordBatch[] = [];
  let columns: DuckDBValue[][] = types.map(() => []);
  let rows = 0;
  const flush = () => {
    if (rows === 0) return;
    const children = types.map((type, i) => buildData(type, columns[i]!));
    batches.push(
      new RecordBatch(
        schema,
        makeData({ type: new Struct(schema.fields), length: rows, nullCount: 0, children }),
      ),
    );
    columns = types.map(() => []);
    rows = 0;
  };
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const n = chunk.rowCount;
    for (let c = 0; c < types.length; c++) {
      const vector = chunk.getColumnVector(c);
      const target = columns[c]!;
      for (let r = 0; r < n; r++) target.push(vector.getItem(r) as DuckDBValue);
    }
    rows += n;
    if (rows >= BATCH_ROWS) flush();
  }
  flush();
  return tableToIPC(new Table(schema, batches), 'stream');
}

/** The Arrow type DuckDB-WASM uses for a DuckDB type. */
export function arrowType(type: DuckDBType): DataType {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return new Bool();
    case DuckDBTypeId.TINYINT:
      return new Int8();
    case DuckDBTypeId.SMALLINT:
      return new Int16();
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.SQLNULL: // DuckDB-WASM types a bare NULL column as Int32
      return new Int32();
    case DuckDBTypeId.BIGINT:
      return new Int64();
    case DuckDBTypeId.UTINYINT:
      return new Uint8();
    case DuckDBTypeId.USMALLINT:
      return new Uint16();
    case DuckDBTypeId.UINTEGER:
      return new Uint32();
    case DuckDBTypeId.UBIGINT:
      return new Uint64();
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      return new Decimal(0, 38, 128);
    case DuckDBTypeId.FLOAT:
      return new Float32();
    case DuckDBTypeId.DOUBLE:
      return new Float64();
    case DuckDBTypeId.DECIMAL: {
      const { width, scale } = type as DuckDBDecimalType;
      return new Decimal(scale, width, 128);
    }
    case DuckDBTypeId.DATE:
      return new DateDay();
    case DuckDBTypeId.TIMESTAMP:
      return new TimestampMicrosecond();
    case DuckDBTypeId.TIMESTAMP_TZ:
      return new TimestampMicrosecond('UTC');
    case DuckDBTypeId.TIMESTAMP_S:
      return new TimestampSecond();
    case DuckDBTypeId.TIMESTAMP_MS:
      return new TimestampMillisecond();
    case DuckDBTypeId.TIMESTAMP_NS:
      return new TimestampNanosecond();
    case DuckDBTypeId.TIME:
      return new TimeMicrosecond();
    case DuckDBTypeId.BLOB:
      return new Binary();
    case DuckDBTypeId.LIST:
      // DuckDB names a list's child field "l" in its Arrow export.
      return new List(new Field('l', arrowType((type as DuckDBListType).valueType), true));
    case DuckDBTypeId.STRUCT: {
      const struct = type as DuckDBStructType;
      return new Struct(
        struct.entryNames.map((name, i) => new Field(name, arrowType(struct.entryTypes[i]!), true)),
      );
    }
    default:
      return new Utf8();
  }
}

/** One column's values (null for SQL NULL) → Arrow data of `arrowType(type)`. */
function buildData(type: DuckDBType, values: readonly DuckDBValue[]): Data {
  const arrow = arrowType(type);
  const length = values.length;
  const nullBitmap = new Uint8Array(Math.ceil(length / 8));
  let nullCount = 0;
  for (let i = 0; i < length; i++) {
    if (values[i] === null || values[i] === undefined) nullCount++;
    else nullBitmap[i >> 3]! |= 1 << (i & 7);
  }
  const base = { type: arrow, length, nullCount, nullBitmap } as const;
  const get = <T>(read: (value: NonNullable<DuckDBValue>) => T, empty: T): T[] =>
    values.map((v) => (v === null || v === undefined ? empty : read(v)));

  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN: {
      const bits = new Uint8Array(Math.ceil(length / 8));
      values.forEach((v, i) => {
        if (v === true) bits[i >> 3]! |= 1 << (i & 7);
      });
      return makeData({ ...base, type: arrow as Bool, data: bits });
    }
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE: {
      const ArrayType = (arrow as Int8 | Float64).ArrayType as unknown as new (n: number) => {
        [i: number]: number;
      };
      const data = new ArrayType(length);
      values.forEach((v, i) => {
        if (v !== null && v !== undefined) data[i] = Number(v);
      });
      return makeData({ ...base, type: arrow as Int32, data: data as unknown as Int32Array });
    }
    case DuckDBTypeId.SQLNULL:
      return makeData({ ...base, type: arrow as Int32, data: new Int32Array(length) });
    case DuckDBTypeId.BIGINT:
      return makeData({
        ...base,
        type: arrow as Int64,
        data: BigInt64Array.from(get((v) => BigInt(v as bigint), 0n)),
      });
    case DuckDBTypeId.UBIGINT:
      return makeData({
        ...base,
        type: arrow as Uint64,
        data: BigUint64Array.from(get((v) => BigInt(v as bigint), 0n)),
      });
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      return makeData({
        ...base,
        type: arrow as Decimal,
        data: int128Words(get((v) => BigInt(v as bigint), 0n)),
      });
    case DuckDBTypeId.DECIMAL:
      return makeData({
        ...base,
        type: arrow as Decimal,
        data: int128Words(get((v) => (v as { value: bigint }).value, 0n)),
      });
    case DuckDBTypeId.DATE:
      return makeData({
        ...base,
        type: arrow as DateDay,
        data: Int32Array.from(get((v) => (v as { days: number }).days, 0)),
      });
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_TZ:
    case DuckDBTypeId.TIME:
      return makeData({
        ...base,
        type: arrow as TimestampMicrosecond,
        data: BigInt64Array.from(get((v) => (v as { micros: bigint }).micros, 0n)),
      });
    case DuckDBTypeId.TIMESTAMP_S:
      return makeData({
        ...base,
        type: arrow as TimestampSecond,
        data: BigInt64Array.from(get((v) => (v as { seconds: bigint }).seconds, 0n)),
      });
    case DuckDBTypeId.TIMESTAMP_MS:
      return makeData({
        ...base,
        type: arrow as TimestampMillisecond,
        data: BigInt64Array.from(get((v) => (v as { millis: bigint }).millis, 0n)),
      });
    case DuckDBTypeId.TIMESTAMP_NS:
      return makeData({
        ...base,
        type: arrow as TimestampNanosecond,
        data: BigInt64Array.from(get((v) => (v as { nanos: bigint }).nanos, 0n)),
      });
    case DuckDBTypeId.BLOB: {
      const { valueOffsets, data } = packBytes(
        get((v) => (v as { bytes: Uint8Array }).bytes, EMPTY),
      );
      return makeData({ ...base, type: arrow as Binary, valueOffsets, data });
    }
    case DuckDBTypeId.LIST: {
      const valueType = (type as DuckDBListType).valueType;
      const items: DuckDBValue[] = [];
      const valueOffsets = new Int32Array(length + 1);
      values.forEach((v, i) => {
        if (v !== null && v !== undefined)
          items.push(...(v as { items: readonly DuckDBValue[] }).items);
        valueOffsets[i + 1] = items.length;
      });
      return makeData({
        ...base,
        type: arrow as List,
        valueOffsets,
        child: buildData(valueType, items),
      });
    }
    case DuckDBTypeId.STRUCT: {
      const struct = type as DuckDBStructType;
      const children = struct.entryNames.map((name, f) =>
        buildData(
          struct.entryTypes[f]!,
          values.map((v) =>
            v === null || v === undefined
              ? null
              : ((v as { entries: Record<string, DuckDBValue> }).entries[name] ?? null),
          ),
        ),
      );
      return makeData({ ...base, type: arrow as Struct, children });
    }
    default: {
      const encoder = new TextEncoder();
      const text = (v: NonNullable<DuckDBValue>) => (typeof v === 'string' ? v : String(v));
      const { valueOffsets, data } = packBytes(get((v) => encoder.encode(text(v)), EMPTY));
      return makeData({ ...base, type: arrow as Utf8, valueOffsets, data });
    }
  }
}

const EMPTY = new Uint8Array(0);

function packBytes(parts: readonly Uint8Array[]): { valueOffsets: Int32Array; data: Uint8Array } {
  const valueOffsets = new Int32Array(parts.length + 1);
  let total = 0;
  parts.forEach((part, i) => {
    total += part.length;
    valueOffsets[i + 1] = total;
  });
  const data = new Uint8Array(total);
  parts.forEach((part, i) => data.set(part, valueOffsets[i]!));
  return { valueOffsets, data };
}

/** Signed 128-bit integers as little-endian 32-bit words, two's complement (Arrow's Decimal128). */
function int128Words(values: readonly bigint[]): Uint32Array {
  const words = new Uint32Array(values.length * 4);
  values.forEach((value, i) => {
    let v = BigInt.asUintN(128, value);
    for (let w = 0; w < 4; w++) {
      words[i * 4 + w] = Number(v & 0xffffffffn);
      v >>= 32n;
    }
  });
  return words;
}
