// The data write.mjs writes: one case per type Arrow JS supports (a nullable column `value` with nulls and,
// but for null, a non-nullable `value_not_null`), dictionary cases (stable, delta, replacement, nested),
// nested combinations and `all_types`. Every case has three batches of 6, 0 and 11 rows.
// Logical values as build.mjs describes them.

import * as A from 'apache-arrow';
import { buildData } from './build.mjs';

export const BATCH_LENGTHS = [6, 0, 11];

/** Types of the Arrow format Arrow JS has no class for (so it can neither read nor write them). */
export const NOT_SUPPORTED = [
  { type: 'list_view / large_list_view', reason: 'Arrow JS 21 has no ListView/LargeListView type' },
  { type: 'run_end_encoded', reason: 'Arrow JS 21 has no RunEndEncoded type' },
  { type: 'dictionary with int64/uint64 indices', reason: 'Arrow JS 21 dictionary keys are 8..32-bit ints' },
];

const field = (name, type, nullable = true, metadata) => new A.Field(name, type, nullable, metadata);

/** Row r of batch b: cycles through the pool; in the nullable column every 4th row from row 1 is null. */
function column(pool, b, withNulls) {
  const out = [];
  for (let r = 0; r < BATCH_LENGTHS[b]; r++) {
    out.push(withNulls && r % 4 === 1 ? null : pool[(r + 5 * b) % pool.length]);
  }
  return out;
}

/** A union has no validity bitmap: its nulls are null values of a child. */
function nullable(type, values) {
  return A.DataType.isUnion(type) ? values.map((v) => v ?? { typeId: type.typeIds[0], value: null }) : values;
}

function single(name, type, pool) {
  const isNull = A.DataType.isNull(type);
  const metadata = new Map([['quiver.column', 'value'], ['origin', 'arrow-js']]);
  const fields = isNull
    ? [field('value', type, true, metadata)]
    : [field('value', type, true, metadata), field('value_not_null', type, false)];
  const batches = BATCH_LENGTHS.map((_, b) =>
    isNull ? [column([null], b, false)] : [nullable(type, column(pool, b, true)), column(pool, b, false)]);
  return { name, types: [String(type)], fields, batches, pool };
}

const bytes = (n, seed) => Array.from({ length: n }, (_, i) => (i * 37 + seed) & 0xff);
const STRINGS = ['', 'a', 'héllo wörld', '日本語', 'emoji 🏹 arrow', 'tab\tnew\nline "quoted"', '\u0000nul',
  'a string longer than twelve bytes'];
const BINARIES = [[], [0], [0xff, 0x00, 0x10], bytes(12, 1), bytes(13, 2), bytes(40, 3)];
const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

const singles = [
  single('null', new A.Null(), [null]),
  single('bool', new A.Bool(), [true, false, false, true]),
  single('int8', new A.Int8(), [-128, 127, 0, -1, 42]),
  single('int16', new A.Int16(), [-32768, 32767, 0, -1, 1234]),
  single('int32', new A.Int32(), [-2147483648, 2147483647, 0, -1, 123456789]),
  single('int64', new A.Int64(), [I64_MIN, I64_MAX, 0n, -1n, 9007199254740993n]),
  single('uint8', new A.Uint8(), [0, 255, 1, 128]),
  single('uint16', new A.Uint16(), [0, 65535, 1, 32768]),
  single('uint32', new A.Uint32(), [0, 4294967295, 1, 2147483648]),
  single('uint64', new A.Uint64(), [0n, 2n ** 64n - 1n, 1n, 2n ** 63n, 9007199254740993n]),
  single('float16', new A.Float16(), [0, -0, 1.5, -2.25, 65504, 6.103515625e-5, 5.960464477539063e-8, NaN,
    Infinity, -Infinity]),
  single('float32', new A.Float32(), [0, -0, 1.5, Math.fround(0.1), 3.4028234663852886e38, 1.401298464324817e-45,
    NaN, Infinity, -Infinity]),
  single('float64', new A.Float64(), [0.1, -0, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity,
    1e300, -123.456]),
  single('utf8', new A.Utf8(), STRINGS),
  single('large_utf8', new A.LargeUtf8(), STRINGS),
  single('utf8_view', new A.Utf8View(), STRINGS),
  single('binary', new A.Binary(), BINARIES),
  single('large_binary', new A.LargeBinary(), BINARIES),
  single('binary_view', new A.BinaryView(), BINARIES),
  single('fixed_size_binary', new A.FixedSizeBinary(3), [[0, 0, 0], [1, 2, 3], [255, 254, 253]]),
  single('date32', new A.DateDay(), [0, -1, 19753, -719162, 2932896]),
  single('date64', new A.DateMillisecond(), [0n, 86400000n, -86400000n, 1706659200000n, -62135596800000n]),
  single('time32_s', new A.TimeSecond(), [0, 86399, 3600, 45296]),
  single('time32_ms', new A.TimeMillisecond(), [0, 86399999, 45296789]),
  single('time64_us', new A.TimeMicrosecond(), [0n, 86399999999n, 45296789012n]),
  single('time64_ns', new A.TimeNanosecond(), [0n, 86399999999999n, 45296789012345n]),
  single('timestamp_s', new A.TimestampSecond(), [0n, -1n, 1706704496n, -62135596800n, 253402300799n]),
  single('timestamp_ms', new A.TimestampMillisecond(), [0n, -1n, 1706704496789n, I64_MAX, I64_MIN]),
  single('timestamp_us', new A.TimestampMicrosecond(), [0n, -1n, 1706704496789012n, I64_MAX]),
  single('timestamp_ns', new A.TimestampNanosecond(), [0n, -1n, 1706704496789012345n, I64_MIN]),
  single('timestamp_s_tz', new A.TimestampSecond('UTC'), [0n, -1n, 1706704496n]),
  single('timestamp_ms_tz', new A.TimestampMillisecond('Europe/Paris'), [0n, -1n, 1706704496789n]),
  single('timestamp_us_tz', new A.TimestampMicrosecond('America/New_York'), [0n, -1n, 1706704496789012n]),
  single('timestamp_ns_tz', new A.TimestampNanosecond('+05:30'), [0n, -1n, 1706704496789012345n]),
  single('duration_s', new A.DurationSecond(), [0n, -1n, I64_MAX, I64_MIN, 86400n]),
  single('duration_ms', new A.DurationMillisecond(), [0n, -1n, 86400000n]),
  single('duration_us', new A.DurationMicrosecond(), [0n, -1n, 86400000000n]),
  single('duration_ns', new A.DurationNanosecond(), [0n, -1n, 86400000000000n, I64_MAX]),
  single('decimal128', new A.Decimal(2, 38, 128), [0n, 12345n, -50n, 10n ** 38n - 1n, -(10n ** 38n - 1n), 1n, -1n]),
  single('decimal128_scale0', new A.Decimal(0, 9, 128), [0n, 999999999n, -999999999n, 42n]),
  single('decimal256', new A.Decimal(10, 76, 256), [0n, 10n ** 76n - 1n, -(10n ** 76n - 1n), 1234567890123456789n,
    -5n]),
  single('interval_year_month', new A.IntervalYearMonth(), [0, 14, -3, 2147483647, -2147483648]),
  single('interval_day_time', new A.IntervalDayTime(), [{ days: 0, milliseconds: 0 },
    { days: 1, milliseconds: -1 }, { days: -2147483648, milliseconds: 2147483647 }]),
  single('interval_month_day_nano', new A.IntervalMonthDayNano(), [
    { months: 0, days: 0, nanoseconds: 0n }, { months: 1, days: -2, nanoseconds: 3000000000n },
    { months: -2147483648, days: 2147483647, nanoseconds: I64_MIN },
    { months: 12, days: 30, nanoseconds: I64_MAX }]),
  single('list', new A.List(field('item', new A.Int32())), [[], [1, null, 3], [-2147483648], [7, 8, 9, 10]]),
  single('large_list', new A.LargeList(field('item', new A.Utf8())), [[], ['a', null], ['日本', '', 'x']]),
  single('fixed_size_list', new A.FixedSizeList(3, field('item', new A.Float64())),
    [[1.5, null, -0], [NaN, Infinity, 2], [0, 0, 0]]),
  single('struct', new A.Struct([field('a', new A.Int32()), field('b', new A.Utf8(), false), field('c', new A.Float64())]),
    [{ a: 1, b: 'x', c: 1.5 }, { a: null, b: '', c: null }, { a: -7, b: 'ü', c: -0 }]),
  single('map', new A.Map_(field('entries', new A.Struct([field('key', new A.Utf8(), false), field('value', new A.Int64())]),
    false)), [[], [['a', 1n], ['b', null]], [['k', I64_MIN]], [['x', 0n], ['y', -1n], ['z', I64_MAX]]]),
  single('map_keys_sorted', new A.Map_(field('entries', new A.Struct([field('key', new A.Int32(), false),
    field('value', new A.Utf8())]), false), true), [[[1, 'one'], [2, null]], [], [[-5, 'neg']]]),
  single('sparse_union', new A.SparseUnion([0, 1], [field('i', new A.Int32()), field('s', new A.Utf8())]),
    [{ typeId: 0, value: 1 }, { typeId: 1, value: 'one' }, { typeId: 0, value: null }, { typeId: 1, value: null },
      { typeId: 1, value: '' }]),
  single('dense_union', new A.DenseUnion([5, 2, 9],
    [field('i', new A.Int32()), field('s', new A.Utf8()), field('f', new A.Float64())]),
  [{ typeId: 5, value: 1 }, { typeId: 2, value: 'two' }, { typeId: 9, value: 2.5 }, { typeId: 5, value: null },
    { typeId: 9, value: NaN }, { typeId: 2, value: 'again' }]),
  single('dense_union_positional', new A.DenseUnion([0, 1],
    [field('i', new A.Int32()), field('s', new A.Utf8())]),
  [{ typeId: 0, value: 1 }, { typeId: 1, value: 'two' }, { typeId: 0, value: null }, { typeId: 1, value: '' }]),
];

// Dictionaries: a dictionary's Vector is the same object in every batch unless the case changes it.
const dictVector = (type, values) => A.makeVector(buildData(type, values));

function dictionaryCase() {
  const words = ['apple', 'banana', '', 'çherry', 'apple2'];
  const numbers = [I64_MIN, 0n, I64_MAX, 42n];
  const d0 = { values: words, vector: dictVector(new A.Utf8(), words) };
  const d1 = { values: words, vector: dictVector(new A.Utf8(), words) };
  const d2 = { values: numbers, vector: dictVector(new A.Int64(), numbers) };
  const fields = [
    field('value', new A.Dictionary(new A.Utf8(), new A.Int32(), 0, false), true,
      new Map([['quiver.column', 'value']])),
    field('value_not_null', new A.Dictionary(new A.Utf8(), new A.Int8(), 1, true), false),
    field('int64_uint16', new A.Dictionary(new A.Int64(), new A.Uint16(), 2, false)),
  ];
  const batches = BATCH_LENGTHS.map((_, b) =>
    [column([0, 1, 2, 3, 4], b, true), column([4, 3, 2, 1, 0], b, false), column([3, 2, 1, 0], b, true)]);
  return {
    name: 'dictionary', types: fields.map((f) => String(f.type)), fields, batches,
    dictionaries: () => new Map([[0, d0], [1, d1], [2, d2]]),
  };
}

/** Batch 2 uses the dictionary of batch 0 plus a second chunk: Arrow JS writes a delta dictionary batch. */
function dictionaryDeltaCase() {
  const type = new A.Utf8();
  const first = ['a', 'b', 'c'];
  const more = ['d', 'e'];
  const chunk0 = buildData(type, first);
  const chunk1 = buildData(type, more);
  const small = { values: first, vector: new A.Vector([chunk0]) };
  const large = { values: [...first, ...more], vector: new A.Vector([chunk0, chunk1]) };
  const fields = [field('value', new A.Dictionary(type, new A.Int16(), 0, false))];
  const batches = [[column([0, 1, 2], 0, true)], [column([0], 1, true)], [column([4, 0, 3, 2, 1], 2, true)]];
  return {
    name: 'dictionary_delta', types: ['Dictionary<Int16, Utf8> (delta)'], fields, batches,
    dictionaries: (b) => new Map([[0, b < 2 ? small : large]]),
  };
}

/** Batch 2 has a different dictionary: a replacement (stream format only; files forbid it). */
function dictionaryReplacementCase() {
  const type = new A.Utf8();
  const before = { values: ['x', 'y', 'z'], vector: dictVector(type, ['x', 'y', 'z']) };
  const after = { values: ['q', 'r'], vector: dictVector(type, ['q', 'r']) };
  const fields = [field('value', new A.Dictionary(type, new A.Uint8(), 0, false))];
  const batches = [[column([2, 1, 0], 0, true)], [column([0], 1, true)], [column([1, 0], 2, true)]];
  return {
    name: 'dictionary_replacement', types: ['Dictionary<Uint8, Utf8> (replacement)'], fields, batches,
    streamOnly: true, dictionaries: (b) => new Map([[0, b < 2 ? before : after]]),
  };
}

function nestedCase() {
  const cities = ['Paris', 'Zürich', 'Berlin'];
  const city = { values: cities, vector: dictVector(new A.Utf8(), cities) };
  const person = new A.Struct([
    field('name', new A.Utf8()),
    field('tags', new A.Map_(field('entries', new A.Struct([field('key', new A.Utf8(), false),
      field('value', new A.Int32())]), false))),
    field('scores', new A.List(field('item', new A.Float64()))),
    field('city', new A.Dictionary(new A.Utf8(), new A.Int16(), 0, false)),
  ]);
  const fields = [
    field('people', new A.List(field('item', person))),
    field('matrix', new A.FixedSizeList(2, field('row', new A.List(field('item', new A.Int16()))))),
    field('deep', new A.Struct([field('inner', new A.Struct([field('x', new A.Int8(), false),
      field('ys', new A.LargeList(field('item', new A.Binary())))]))])),
  ];
  const people = [
    [{ name: 'ann', tags: [['a', 1], ['b', null]], scores: [1.5, null], city: 0 }, null,
      { name: null, tags: null, scores: [], city: null }],
    [],
    [{ name: 'bob', tags: [], scores: [NaN], city: 2 }],
  ];
  const matrix = [[[1, 2], []], [null, [3, null]], [[-32768], [32767]]];
  const deep = [{ inner: { x: 1, ys: [[1, 2], null, []] } }, { inner: null }, { inner: { x: -128, ys: [] } }];
  const batches = BATCH_LENGTHS.map((_, b) => [column(people, b, true), column(matrix, b, true), column(deep, b, true)]);
  return {
    name: 'nested', types: fields.map((f) => String(f.type)), fields, batches,
    dictionaries: () => new Map([[0, city]]),
  };
}

/**
 * Every single-type column in one schema, except unions and views: they have their own cases (Quiver's
 * test bridge to arrow-java converts every other type, so this case is compared with arrow-java directly).
 */
function allTypesCase() {
  const skipped = ['null', 'sparse_union', 'dense_union', 'dense_union_positional', 'utf8_view', 'binary_view'];
  const usable = singles.filter((c) => !skipped.includes(c.name));
  const fields = [field('null', new A.Null()), ...usable.map((c) => field(c.name, c.fields[0].type))];
  const batches = BATCH_LENGTHS.map((_, b) => [column([null], b, false), ...usable.map((c) => nullable(c.fields[0].type, column(c.pool, b, true)))]);
  return { name: 'all_types', types: ['every type above but unions and views'], fields, batches };
}

export const CASES = [...singles, dictionaryCase(), dictionaryDeltaCase(), dictionaryReplacementCase(), nestedCase(),
  allTypesCase()];
