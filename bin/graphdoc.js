#!/usr/bin/env node
// The graphdoc command. Runs the compiled generator in dist/ (built by `npm run build`, which `npm ci` runs through `prepare`).
import { setFlagsFromString } from 'node:v8';
import { main } from '../dist/cli.js';
import { v8FlagsFor } from '../dist/v8-flags.js';

// The V8 flags this command runs with, and why: generator/v8-flags.ts.
for (const flag of v8FlagsFor(process.argv[2])) setFlagsFromString(flag);

// A reader that stops early (`graphdoc diff … | head`) closes the pipe: stop quietly, as Unix tools do, instead of
// dying with an unhandled EPIPE and its stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`graphdoc: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 3;
  },
);
