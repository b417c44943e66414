#!/usr/bin/env node
// The graphdoc command. Runs the compiled generator in dist/ (built by `npm run build`, which `npm ci` runs through `prepare`).
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { main } from '../dist/cli.js';

// Between full collections V8 lets the heap grow to about four times what is live; one big page
// then peaks at twice the memory it needs. 1.2 times keeps it near the live data for a few percent
// more collection time (`npm run bench:pages` prints both).
// `graphdoc diff` emits nothing and holds two versions of the docs at once: it keeps V8's default growth, which
// collects less often (`npm run bench:diff`).
if (process.argv[2] !== 'diff') setFlagsFromString('--heap-growing-percent=20');
// A cold `graphdoc diff` reads pages on two threads. On a machine with two cores both are then busy, and V8's parallel
// scavenging only adds helper tasks that wait for a core while the thread that collects waits for them: collecting
// alone is faster there (`npm run bench:diff -- --against`, README *Timing*). With more cores the helpers have one.
else if (availableParallelism() <= 2) setFlagsFromString('--no-parallel-scavenge');
// V8's optimizing compiler inlines the functions a hot function calls into it. A run lasts seconds, so that
// compiling is a good part of its work, done on background threads that compete with the run for the cores; without
// inlining, a cold `generate` and a cold `diff` use less CPU and finish sooner (`npm run bench:v8-flags`).
setFlagsFromString('--no-turbo-inlining');

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
