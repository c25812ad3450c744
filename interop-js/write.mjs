// Writes Arrow IPC streams and files with Arrow JS for Quiver to read:
//   node write.mjs <outdir>
// For every case: <case>.arrows (RecordBatchStreamWriter), <case>.arrow (RecordBatchFileWriter, except
// stream-only cases) and <case>.expected.json, the canonical JSON (canonical.mjs) of the values the case was
// built from: {"schema": ..., "batches": [{"length", "rows"}]}. manifest.json lists the cases and the types
// Arrow JS cannot write, with the reason. Every output is read back with Arrow JS and compared with the
// expected JSON before it is listed, so a case that Arrow JS cannot round-trip fails here, not in Java.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as A from 'apache-arrow';
import { buildData, canonicalOf } from './build.mjs';
import { canonicalSchema, canonicalValue, toJson } from './canonical.mjs';
import { CASES, NOT_SUPPORTED } from './cases.mjs';

function recordBatches(c) {
  const schema = new A.Schema(c.fields, new Map([['quiver.case', c.name], ['note', 'written by Arrow JS ✓']]));
  const batches = [];
  const expected = [];
  c.batches.forEach((columns, b) => {
    const dicts = c.dictionaries ? c.dictionaries(b) : new Map();
    const length = columns[0].length;
    const children = c.fields.map((f, i) => buildData(f.type, columns[i], dicts));
    const data = A.makeData({ type: new A.Struct(c.fields), length, nullCount: 0, children });
    batches.push(new A.RecordBatch(schema, data));
    const rows = [];
    for (let r = 0; r < length; r++) {
      rows.push(c.fields.map((f, i) => canonicalOf(f.type, columns[i][r], dicts)));
    }
    expected.push({ length, rows });
  });
  return { schema, batches, expected: { schema: canonicalSchema(schema), batches: expected } };
}

function readBack(bytes, format) {
  const reader = A.RecordBatchReader.from(bytes);
  if ((format === 'file') !== reader.isFile()) {
    throw new Error(`read back as ${reader.isFile() ? 'file' : 'stream'}, expected ${format}`);
  }
  reader.open();
  const schema = reader.schema;
  const batches = [];
  for (const batch of reader) {
    const rows = [];
    for (let r = 0; r < batch.numRows; r++) {
      rows.push(schema.fields.map((_, c) => canonicalValue(batch.data.children[c], r)));
    }
    batches.push({ length: batch.numRows, rows });
  }
  return { schema: canonicalSchema(schema), batches };
}

function firstDifference(a, b, path) {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return a === b ? null : `at ${path}: wrote ${JSON.stringify(a)}, read ${JSON.stringify(b)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference(a[k], b[k], `${path}/${k}`);
    if (d) return d;
  }
  return null;
}

function main(argv) {
  if (argv.length !== 1) {
    throw new Error('usage: node write.mjs <outdir>');
  }
  const outdir = argv[0];
  mkdirSync(outdir, { recursive: true });
  const manifest = { arrowJsVersion: versionOf(), cases: [], notWritten: [], notSupported: NOT_SUPPORTED };
  for (const c of CASES) {
    try {
      const { batches, expected } = recordBatches(c);
      const expectedJson = toJson(expected);
      const entry = { name: c.name, types: c.types, expected: `${c.name}.expected.json` };
      const formats = c.streamOnly ? ['stream'] : ['stream', 'file'];
      const outputs = {};
      for (const format of formats) {
        const Writer = format === 'stream' ? A.RecordBatchStreamWriter : A.RecordBatchFileWriter;
        const bytes = Writer.writeAll(batches).toUint8Array(true);
        const back = readBack(bytes, format);
        if (toJson(back) !== expectedJson) {
          throw new Error(`Arrow JS does not read back its own ${format} with the values written: `
            + firstDifference(expected, back, ''));
        }
        outputs[format] = bytes;
      }
      writeFileSync(join(outdir, entry.expected), expectedJson + '\n');
      for (const [format, bytes] of Object.entries(outputs)) {
        const file = `${c.name}.${format === 'stream' ? 'arrows' : 'arrow'}`;
        writeFileSync(join(outdir, file), bytes);
        entry[format] = file;
      }
      manifest.cases.push(entry);
    } catch (e) {
      if (process.env.QUIVER_JS_DEBUG) console.error(e);
      manifest.notWritten.push({ name: c.name, types: c.types, error: String(e && e.message ? e.message : e) });
    }
  }
  writeFileSync(join(outdir, 'manifest.json'), toJson(manifest) + '\n');
  process.stdout.write(`wrote ${manifest.cases.length} cases to ${outdir}`
    + ` (${manifest.notWritten.length} not written)\n`);
}

function versionOf() {
  const url = new URL('./node_modules/apache-arrow/package.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')).version;
}

try {
  main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`write.mjs: ${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 1;
}
