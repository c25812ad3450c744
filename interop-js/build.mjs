// Builds Arrow JS Data from logical values with makeData (exact buffers, no lossy builder conversions),
// and computes the canonical JSON (see canonical.mjs) of the same logical values, independently of the
// built buffers.
//
// Logical values: null for a null slot; ints of 8..32 bits and floats -> number; 64-bit ints, date64,
// time64, timestamps, durations -> bigint; date32, time32 -> number; utf8 -> string; binary kinds ->
// array of byte values; decimal -> bigint (unscaled); interval year_month -> number (months), day_time ->
// {days, milliseconds}, month_day_nano -> {months, days, nanoseconds: bigint}; list kinds -> array;
// struct -> object; map -> array of [key, value]; union -> {typeId, value}; dictionary -> an index into
// the column's dictionary values (see dictionaryData).

import * as A from 'apache-arrow';
import { base64, canonicalFloat, decimalString } from './canonical.mjs';

const encoder = new TextEncoder();

function validity(values) {
  const bitmap = new Uint8Array(Math.max(1, Math.ceil(values.length / 8)));
  let nullCount = 0;
  values.forEach((v, i) => {
    if (v === null) {
      nullCount++;
    } else {
      bitmap[i >> 3] |= 1 << (i % 8);
    }
  });
  return { nullBitmap: bitmap, nullCount };
}

function bytesOf(type, v) {
  return A.DataType.isUtf8(type) || A.DataType.isLargeUtf8(type) || A.DataType.isUtf8View(type)
    ? encoder.encode(v)
    : Uint8Array.from(v);
}

/** Placeholder for a slot hidden by a null parent in a non-nullable child. */
function filler(type) {
  switch (type.typeId) {
    case A.Type.Bool:
      return false;
    case A.Type.Utf8:
    case A.Type.LargeUtf8:
    case A.Type.Utf8View:
      return '';
    case A.Type.Binary:
    case A.Type.LargeBinary:
    case A.Type.BinaryView:
    case A.Type.List:
    case A.Type.LargeList:
    case A.Type.Map:
      return [];
    case A.Type.FixedSizeBinary:
      return new Array(type.byteWidth).fill(0);
    case A.Type.FixedSizeList:
      return new Array(type.listSize).fill(filler(type.children[0].type));
    case A.Type.Struct:
      return Object.fromEntries(type.children.map((f) => [f.name, filler(f.type)]));
    case A.Type.Interval:
      return type.unit === A.IntervalUnit.YEAR_MONTH ? 0 : { days: 0, milliseconds: 0, months: 0, nanoseconds: 0n };
    case A.Type.Int:
      return type.bitWidth === 64 ? 0n : 0;
    case A.Type.Date:
      return type.unit === A.DateUnit.DAY ? 0 : 0n;
    case A.Type.Time:
      return type.bitWidth === 64 ? 0n : 0;
    case A.Type.Timestamp:
    case A.Type.Duration:
    case A.Type.Decimal:
      return 0n;
    default:
      return 0;
  }
}

/**
 * Data of `type` holding `values`. For a dictionary type, `values` are indices into the dictionary
 * `dicts.get(type.id)` ({values: logical values, vector: its Vector}).
 */
export function buildData(type, values, dicts = new Map()) {
  const length = values.length;
  const { nullBitmap, nullCount } = validity(values);
  const common = { type, length, nullCount, nullBitmap };
  const orFill = (v) => (v === null ? filler(type) : v);
  switch (type.typeId) {
    case A.Type.Null:
      return A.makeData({ type, length, nullCount: length });
    case A.Type.Dictionary:
      return A.makeData({ ...common, data: type.indices.ArrayType.from(values.map((v) => v ?? 0)),
        dictionary: dicts.get(type.id).vector });
    case A.Type.Bool:
      return A.makeData({ ...common, data: A.util.packBools(values.map((v) => v === true)) });
    case A.Type.Int:
    case A.Type.Date:
    case A.Type.Time:
    case A.Type.Timestamp:
    case A.Type.Duration:
      return A.makeData({ ...common, data: type.ArrayType.from(values.map(orFill)) });
    case A.Type.Float:
      if (type.precision === A.Precision.HALF) {
        return A.makeData({ ...common, data: Uint16Array.from(values.map((v) => A.util.float64ToUint16(v ?? 0))) });
      }
      return A.makeData({ ...common, data: type.ArrayType.from(values.map((v) => v ?? 0)) });
    case A.Type.Decimal: {
      const stride = type.bitWidth / 32;
      const data = new Uint32Array(length * stride);
      values.forEach((v, i) => {
        let n = BigInt.asUintN(type.bitWidth, v ?? 0n);
        for (let w = 0; w < stride; w++) {
          data[i * stride + w] = Number(n & 0xffffffffn);
          n >>= 32n;
        }
      });
      return A.makeData({ ...common, data });
    }
    case A.Type.Interval: {
      if (type.unit === A.IntervalUnit.YEAR_MONTH) {
        return A.makeData({ ...common, data: Int32Array.from(values.map((v) => v ?? 0)) });
      }
      if (type.unit === A.IntervalUnit.DAY_TIME) {
        const data = new Int32Array(length * 2);
        values.forEach((v, i) => {
          if (v !== null) data.set([v.days, v.milliseconds], i * 2);
        });
        return A.makeData({ ...common, data });
      }
      const data = new Int32Array(length * 4);
      values.forEach((v, i) => {
        if (v !== null) {
          const nanos = BigInt.asUintN(64, v.nanoseconds);
          data.set([v.months, v.days, Number(nanos & 0xffffffffn) | 0, Number(nanos >> 32n) | 0], i * 4);
        }
      });
      return A.makeData({ ...common, data });
    }
    case A.Type.FixedSizeBinary: {
      const data = new Uint8Array(length * type.byteWidth);
      values.forEach((v, i) => {
        if (v !== null) data.set(v, i * type.byteWidth);
      });
      return A.makeData({ ...common, data });
    }
    case A.Type.Utf8:
    case A.Type.Binary:
    case A.Type.LargeUtf8:
    case A.Type.LargeBinary: {
      const chunks = values.map((v) => (v === null ? new Uint8Array(0) : bytesOf(type, v)));
      const large = type.typeId === A.Type.LargeUtf8 || type.typeId === A.Type.LargeBinary;
      const { offsets, total } = offsetsOf(chunks.map((c) => c.length), large);
      const data = new Uint8Array(total);
      chunks.forEach((c, i) => data.set(c, Number(offsets[i])));
      return A.makeData({ ...common, valueOffsets: offsets, data });
    }
    case A.Type.Utf8View:
    case A.Type.BinaryView: {
      const views = new Uint8Array(length * 16);
      const dv = new DataView(views.buffer);
      const buffer = [];
      values.forEach((v, i) => {
        if (v === null) return;
        const bytes = bytesOf(type, v);
        dv.setInt32(i * 16, bytes.length, true);
        if (bytes.length <= 12) {
          views.set(bytes, i * 16 + 4);
        } else {
          views.set(bytes.subarray(0, 4), i * 16 + 4);
          dv.setInt32(i * 16 + 8, 0, true);
          dv.setInt32(i * 16 + 12, buffer.length, true);
          buffer.push(...bytes);
        }
      });
      return A.makeData({ ...common, views, variadicBuffers: [Uint8Array.from(buffer)] });
    }
    case A.Type.List:
    case A.Type.LargeList: {
      const items = values.map((v) => v ?? []);
      const { offsets } = offsetsOf(items.map((v) => v.length), type.typeId === A.Type.LargeList);
      const child = buildData(type.children[0].type, items.flat(), dicts);
      return A.makeData({ ...common, valueOffsets: offsets, child });
    }
    case A.Type.FixedSizeList: {
      const items = values.flatMap((v) => (v === null ? new Array(type.listSize).fill(null) : v));
      return A.makeData({ ...common, child: buildData(type.children[0].type, items, dicts) });
    }
    case A.Type.Struct: {
      const children = type.children.map((f) =>
        buildData(f.type, values.map((v) => (v === null ? (f.nullable ? null : filler(f.type)) : v[f.name])), dicts));
      return A.makeData({ ...common, children });
    }
    case A.Type.Map: {
      const entries = values.map((v) => v ?? []);
      const { offsets } = offsetsOf(entries.map((e) => e.length), false);
      const entryType = type.children[0].type;
      const flat = entries.flat();
      const child = A.makeData({
        type: entryType, length: flat.length, nullCount: 0,
        children: [buildData(entryType.children[0].type, flat.map((e) => e[0]), dicts),
          buildData(entryType.children[1].type, flat.map((e) => e[1]), dicts)],
      });
      return A.makeData({ ...common, valueOffsets: offsets, child });
    }
    case A.Type.Union: {
      const typeIds = Int8Array.from(values.map((v) => v.typeId));
      const dense = type.mode === A.UnionMode.Dense;
      const childValues = type.children.map(() => []);
      const valueOffsets = new Int32Array(length);
      values.forEach((v, i) => {
        const c = type.typeIdToChildIndex[v.typeId];
        if (dense) {
          valueOffsets[i] = childValues[c].length;
          childValues[c].push(v.value);
        } else {
          type.children.forEach((_, k) => childValues[k].push(k === c ? v.value : null));
        }
      });
      const children = type.children.map((f, k) => buildData(f.type, childValues[k], dicts));
      return A.makeData({ type, length, nullCount: 0, typeIds, children, ...(dense ? { valueOffsets } : {}) });
    }
    default:
      throw new Error(`buildData: type not handled: ${type}`);
  }
}

function offsetsOf(lengths, large) {
  const offsets = large ? new BigInt64Array(lengths.length + 1) : new Int32Array(lengths.length + 1);
  let total = 0;
  lengths.forEach((n, i) => {
    total += n;
    offsets[i + 1] = large ? BigInt(total) : total;
  });
  return { offsets, total };
}

/** Canonical JSON of a logical value of `type` (a dictionary index is decoded with `dicts`). */
export function canonicalOf(type, v, dicts = new Map()) {
  if (A.DataType.isUnion(type)) {
    const field = type.children[type.typeIdToChildIndex[v.typeId]];
    return { typeId: v.typeId, value: canonicalOf(field.type, v.value, dicts) };
  }
  if (v === null) return null;
  if (A.DataType.isDictionary(type)) return canonicalOf(type.dictionary, dicts.get(type.id).values[v], dicts);
  switch (type.typeId) {
    case A.Type.Bool:
    case A.Type.Utf8:
    case A.Type.LargeUtf8:
    case A.Type.Utf8View:
      return v;
    case A.Type.Int:
    case A.Type.Date:
    case A.Type.Time:
      return typeof v === 'bigint' ? v.toString() : v;
    case A.Type.Timestamp:
    case A.Type.Duration:
      return v.toString();
    case A.Type.Float:
      return canonicalFloat(v);
    case A.Type.Binary:
    case A.Type.LargeBinary:
    case A.Type.BinaryView:
    case A.Type.FixedSizeBinary:
      return base64(Uint8Array.from(v));
    case A.Type.Decimal:
      return decimalString(v, type.scale);
    case A.Type.Interval:
      if (type.unit === A.IntervalUnit.YEAR_MONTH) return v;
      if (type.unit === A.IntervalUnit.DAY_TIME) return { days: v.days, milliseconds: v.milliseconds };
      return { months: v.months, days: v.days, nanoseconds: v.nanoseconds.toString() };
    case A.Type.List:
    case A.Type.LargeList:
    case A.Type.FixedSizeList:
      return v.map((x) => canonicalOf(type.children[0].type, x, dicts));
    case A.Type.Struct: {
      const out = {};
      for (const f of type.children) out[f.name] = canonicalOf(f.type, v[f.name], dicts);
      return out;
    }
    case A.Type.Map: {
      const [kf, vf] = type.children[0].type.children;
      return v.map(([k, x]) => ({ key: canonicalOf(kf.type, k, dicts), value: canonicalOf(vf.type, x, dicts) }));
    }
    default:
      throw new Error(`canonicalOf: type not handled: ${type}`);
  }
}
