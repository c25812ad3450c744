// Reads an Arrow IPC stream or file with Arrow JS and prints it as canonical JSON (see canonical.mjs):
//   node read.mjs <path> <stream|file>
// {"format": "stream"|"file", "schema": {...}, "batches": [{"length": n, "rows": [[v, ...], ...]}]}
// Exit code 1 with the error on stderr when Arrow JS cannot read the input.

import { readFileSync } from 'node:fs';
import * as A from 'apache-arrow';
import { canonicalSchema, canonicalValue, toJson } from './canonical.mjs';

function main(argv) {
  if (argv.length !== 2 || !['stream', 'file'].includes(argv[1])) {
    throw new Error('usage: node read.mjs <path> <stream|file>');
  }
  const [path, format] = argv;
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

try {
  process.stdout.write(toJson(main(process.argv.slice(2))) + '\n');
} catch (e) {
  process.stderr.write(`read.mjs: ${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 1;
}
