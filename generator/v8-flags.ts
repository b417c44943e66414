/**
 * The V8 flags the CLI runs a command with: `bin/graphdoc.js` sets them
 * before the run, and `npm run bench:v8-flags` times each command with them
 * and with each one left out.
 */
import { availableParallelism } from 'node:os';

export function v8FlagsFor(command: string | undefined, cores = availableParallelism()): string[] {
  const flags: string[] = [];
  // Between full collections V8 lets the heap grow to about four times what is live; one big page then peaks at twice the
  // memory it needs. 1.2 times keeps it near the live data for a few percent more collection time (`npm run bench:pages`
  // prints both). `graphdoc diff` emits nothing and holds two versions of the docs at once: it keeps V8's default growth,
  // which collects less often (`npm run bench:diff`).
  if (command !== 'diff') flags.push('--heap-growing-percent=20');
  // A cold `graphdoc diff` reads pages on two threads (one on a one-core machine). With two cores or fewer every core is
  // then busy, and V8's parallel scavenging only adds helper tasks that wait for a core while the thread that collects
  // waits for them: collecting alone is faster there (`npm run bench:diff -- --against`, README *Timing*). With more
  // cores the helpers have one. For the same reason, it compiles without escape analysis there (a step of V8's
  // optimizing compiler): that compiling runs on background threads, which have no core of their own when the reading
  // threads are busy. The compiled code is a little slower, so with a core to spare (`generate`, or more cores) the
  // analysis is worth it.
  else if (cores <= 2) flags.push('--no-parallel-scavenge', '--no-turbo-escape');
  // V8's optimizing compiler inlines the functions a hot function calls into it. A run lasts seconds, so that compiling
  // is a good part of its work, done on background threads that compete with the run for the cores; without inlining, a
  // cold `generate` and a cold `diff` use less CPU and finish sooner (`npm run bench:v8-flags`).
  flags.push('--no-turbo-inlining');
  return flags;
}
