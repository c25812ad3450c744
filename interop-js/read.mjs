// Reads Arrow IPC streams or files with Arrow JS and prints them as canonical JSON (see canonical.mjs).
//
//   node read.mjs <path> <stream|file>
//     prints {"format": "stream"|"file", "schema": {...}, "batches": [{"length": n, "rows": [[v, ...]]}]};
//     exit code 1 with the error on stderr when Arrow JS cannot read the input.
//   node read.mjs <path> <format> <path> <format> ...
//     reads each (one node start for many inputs) and prints one JSON line per input, in order:
//     {"path": ..., "result": {...}} or {"path": ..., "error": "message"}; exit code 0.

import { readFileSync } from 'node:fs';
import * as A from 'apache-arrow';
import { canonicalSchema, canonicalValue, toJson } from './canonical.mjs';

function read(path, format) {
  if (!['stream', 'file'].includes(format)) {
    throw new Error(`format must be stream or file: ${format}`);
  }
  const bytes = readFileSync(path);
  const reader = A.RecordBatchReader.from(bytes);
  const actual = reader.isFile() ? 'file' : 'stream';
  if (actual !== format) {
    throw new Error(`${path}: expected the IPC ${format} format, Arrow JS detected the ${actual} format`);
  }
  reader.open();
  const schema = reader.schema;
  const batches = [];
  for (const batch of reader) {
    const columns = schema.fields.map((_, c) => batch.data.children[c]);
    const rows = [];
    for (let r = 0; r < batch.numRows; r++) {
      rows.push(columns.map((data) => canonicalValue(data, r)));
    }
    batches.push({ length: batch.numRows, rows });
  }
  return { format, schema: canonicalSchema(schema), batches };
}

function main(argv) {
  if (argv.length < 2 || argv.length % 2 !== 0) {
    throw new Error('usage: node read.mjs <path> <stream|file> [<path> <stream|file>...]');
  }
  if (argv.length === 2) {
    process.stdout.write(toJson(read(argv[0], argv[1])) + '\n');
    return;
  }
  for (let i = 0; i < argv.length; i += 2) {
    let line;
    try {
      line = { path: argv[i], result: read(argv[i], argv[i + 1]) };
    } catch (e) {
      line = { path: argv[i], error: String(e && e.stack ? e.stack : e) };
    }
    process.stdout.write(JSON.stringify(line) + '\n');
  }
}

try {
  main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`read.mjs: ${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 1;
}
