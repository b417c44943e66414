#!/usr/bin/env node
// The graphdoc command. Runs the compiled generator in dist/ (built by `npm run build`, which `npm ci` runs through `prepare`).
import { main } from '../dist/cli.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`graphdoc: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 3;
  },
);
