// Canonical JSON of Arrow data read by Arrow JS, shared by read.mjs (values from decoded Data) and
// write.mjs (schema part). The Java tests compute the same form independently (JsCanonical.java).
//
// Schema: {"fields": [field], "metadata": {k: v}}; field: {"name", "type" (Arrow JS type string),
// "nullable", "metadata", "children": [field]} plus, for a dictionary-encoded field, "dictionary":
// {"id", "indexType", "ordered"} (children are then the value type's), for a decimal "bitWidth", for a
// union "mode" ("Sparse" | "Dense") and "typeIds".
//
// Values: null -> null; bool -> true/false; 8/16/32-bit ints -> number; 64-bit ints -> decimal string;
// floats -> number, NaN/Infinity/-Infinity/-0 -> "NaN", "Infinity", "-Infinity", "-0"; utf8 -> string;
// binary kinds -> base64; decimal -> exact string with `scale` fraction digits; date32, time32 -> integer
// of the unit (number); date64, time64, timestamp, duration -> integer of the unit (decimal string);
// interval: year_month -> months (number), day_time -> {"days", "milliseconds"}, month_day_nano ->
// {"months", "days", "nanoseconds" (decimal string)}; list kinds -> array; struct -> object; map -> array of
// {"key", "value"}; dictionary -> the decoded value; union -> {"typeId", "value"}.

import * as A from 'apache-arrow';

export function canonicalSchema(schema) {
  return { fields: schema.fields.map(canonicalField), metadata: mapToObject(schema.metadata) };
}

export function canonicalField(field) {
  const type = field.type;
  const out = {
    name: field.name,
    type: String(type),
    nullable: field.nullable,
    metadata: mapToObject(field.metadata),
  };
  const valueType = A.DataType.isDictionary(type) ? type.dictionary : type;
  out.children = (valueType.children || []).map(canonicalField);
  if (A.DataType.isDictionary(type)) {
    out.dictionary = { id: Number(type.id), indexType: String(type.indices), ordered: !!type.isOrdered };
  }
  if (A.DataType.isDecimal(valueType)) {
    out.bitWidth = valueType.bitWidth;
  }
  if (A.DataType.isUnion(valueType)) {
    out.mode = valueType.mode === A.UnionMode.Dense ? 'Dense' : 'Sparse';
    out.typeIds = Array.from(valueType.typeIds);
  }
  return out;
}

function mapToObject(map) {
  const out = {};
  if (map) {
    for (const [k, v] of map) {
      out[k] = v;
    }
  }
  return out;
}

export function canonicalFloat(v) {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  if (Object.is(v, -0)) return '-0';
  return v;
}

export function base64(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** An unscaled decimal integer (bigint) as an exact string with `scale` fraction digits. */
export function decimalString(unscaled, scale) {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString();
  let text;
  if (scale <= 0) {
    text = digits === '0' ? '0' : digits + '0'.repeat(-scale);
  } else {
    const padded = digits.padStart(scale + 1, '0');
    text = padded.slice(0, padded.length - scale) + '.' + padded.slice(padded.length - scale);
  }
  return (negative ? '-' : '') + text;
}

/** The two's complement little-endian 32-bit words (Uint32Array) of a decimal as a bigint. */
export function wordsToBigInt(words) {
  let n = 0n;
  for (let i = words.length - 1; i >= 0; i--) {
    n = (n << 32n) | BigInt(words[i] >>> 0);
  }
  const bits = BigInt(words.length * 32);
  if (words[words.length - 1] & 0x80000000) {
    n -= 1n << bits;
  }
  return n;
}

const vectors = new WeakMap();

/** Arrow JS's own getter for slot i of `data` (a Vector over the Data is made once and cached). */
function get(data, i) {
  let v = vectors.get(data);
  if (!v) {
    v = A.makeVector(data);
    vectors.set(data, v);
  }
  return v.get(i);
}

/**
 * The canonical value of slot i of an Arrow JS Data. Leaf values come from Arrow JS's getters, except
 * where a getter is lossy (timestamps and date64 come back as float milliseconds): those are read from the
 * Data's values array, which is the exact integer of the unit.
 */
export function canonicalValue(data, i) {
  const type = data.type;
  if (A.DataType.isUnion(type)) {
    const typeId = data.typeIds[i];
    const child = data.children[type.typeIdToChildIndex[typeId]];
    const j = type.mode === A.UnionMode.Dense ? data.valueOffsets[i] : i;
    return { typeId, value: canonicalValue(child, j) };
  }
  if (A.DataType.isNull(type) || !data.getValid(i)) {
    return null;
  }
  if (A.DataType.isDictionary(type)) {
    const index = Number(data.values[i]);
    return dictionaryValue(data.dictionary, index);
  }
  switch (type.typeId) {
    case A.Type.Bool:
      return get(data, i);
    case A.Type.Int: {
      const v = get(data, i);
      return type.bitWidth === 64 ? BigInt(v).toString() : v;
    }
    case A.Type.Float:
      return canonicalFloat(get(data, i));
    case A.Type.Utf8:
    case A.Type.LargeUtf8:
    case A.Type.Utf8View:
      return get(data, i);
    case A.Type.Binary:
    case A.Type.LargeBinary:
    case A.Type.BinaryView:
    case A.Type.FixedSizeBinary:
      return base64(get(data, i));
    case A.Type.Decimal: {
      // Arrow JS 21's BigNum conversions (toString, bigNumToBigInt) stop once the high 128 bits are zero,
      // so a 256-bit value like 1234567890123456789 comes out as "9": wider decimals are read from the words.
      const words = get(data, i);
      const unscaled = type.bitWidth <= 128 ? BigInt(words.toString()) : wordsToBigInt(words);
      return decimalString(unscaled, type.scale);
    }
    case A.Type.Date:
      if (type.unit === A.DateUnit.DAY) {
        return get(data, i) / 86400000;
      }
      return data.values[i].toString();
    case A.Type.Time: {
      const v = get(data, i);
      return type.bitWidth === 64 ? BigInt(v).toString() : v;
    }
    case A.Type.Timestamp:
      return data.values[i].toString();
    case A.Type.Duration:
      return BigInt(get(data, i)).toString();
    case A.Type.Interval:
      return intervalValue(type, get(data, i));
    case A.Type.List:
    case A.Type.LargeList: {
      const start = Number(data.valueOffsets[i]);
      const end = Number(data.valueOffsets[i + 1]);
      return range(start, end).map((j) => canonicalValue(data.children[0], j));
    }
    case A.Type.FixedSizeList: {
      const n = type.listSize;
      return range(i * n, (i + 1) * n).map((j) => canonicalValue(data.children[0], j));
    }
    case A.Type.Struct: {
      const out = {};
      type.children.forEach((f, c) => {
        out[f.name] = canonicalValue(data.children[c], i);
      });
      return out;
    }
    case A.Type.Map: {
      const entries = data.children[0];
      const start = Number(data.valueOffsets[i]);
      const end = Number(data.valueOffsets[i + 1]);
      return range(start, end).map((j) => ({
        key: canonicalValue(entries.children[0], j),
        value: canonicalValue(entries.children[1], j),
      }));
    }
    default:
      throw new Error(`type not handled by the canonicalizer: ${type}`);
  }
}

function intervalValue(type, v) {
  switch (type.unit) {
    case A.IntervalUnit.YEAR_MONTH:
      return v[0] * 12 + v[1];
    case A.IntervalUnit.DAY_TIME:
      return { days: v[0], milliseconds: v[1] };
    default: {
      const nanos = (BigInt(v[3]) << 32n) | BigInt(v[2] >>> 0);
      return { months: v[0], days: v[1], nanoseconds: nanos.toString() };
    }
  }
}

function dictionaryValue(dictionary, index) {
  let rest = index;
  for (const chunk of dictionary.data) {
    if (rest < chunk.length) {
      return canonicalValue(chunk, rest);
    }
    rest -= chunk.length;
  }
  throw new Error(`dictionary index ${index} out of range (dictionary length ${dictionary.length})`);
}

function range(start, end) {
  const out = [];
  for (let j = start; j < end; j++) out.push(j);
  return out;
}

/** JSON text with bigints rejected (the canonical form has none: they are strings). */
export function toJson(value) {
  return JSON.stringify(value, null, 1);
}
