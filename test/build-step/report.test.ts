/**
 * Reporting, in-process: GitHub annotation escaping, the colour decision,
 * the progress line, the summary.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../generator/diagnostics.js';
import { colorsEnabled, createProgress, formatGithubAnnotation, summaryText, type Io } from '../../generator/report.js';

const warning: Diagnostic = { code: 'unknown-type', severity: 'warning', message: 'Unknown type "a,b: 100%"\nsecond line', file: 'x, y.md', line: 3, column: 4 };

describe('formatGithubAnnotation', () => {
  it('escapes properties and data as the Actions runner expects', () => {
    expect(formatGithubAnnotation(warning, 'docs/')).toBe('::warning file=docs/x%2C y.md,line=3,col=4,title=graphdoc unknown-type::Unknown type "a,b: 100%25"%0Asecond line');
  });

  it('maps info to notice and passes end positions', () => {
    expect(formatGithubAnnotation({ ...warning, severity: 'info', message: 'm', endLine: 3, endColumn: 9 }, '')).toBe('::notice file=x%2C y.md,line=3,col=4,endLine=3,endColumn=9,title=graphdoc unknown-type::m');
  });
});

describe('colorsEnabled', () => {
  const tty = { write: () => true, isTTY: true };
  const pipe = { write: () => true };
  const cases: [string, typeof tty | typeof pipe, Record<string, string>, boolean][] = [
    ['a TTY', tty, {}, true],
    ['a pipe', pipe, {}, false],
    ['a TTY with NO_COLOR', tty, { NO_COLOR: '1' }, false],
    ['a TTY with an empty NO_COLOR (unset, per no-color.org)', tty, { NO_COLOR: '' }, true],
    ['a pipe with FORCE_COLOR', pipe, { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR=0 on a TTY', tty, { FORCE_COLOR: '0' }, false],
    ['NO_COLOR and FORCE_COLOR', tty, { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
    ['a dumb terminal', tty, { TERM: 'dumb' }, false],
  ];
  for (const [label, stream, env, want] of cases) it(`${label}: ${want}`, () => expect(colorsEnabled(stream, env)).toBe(want));
});

describe('createProgress', () => {
  function fakeIo(isTTY: boolean, env: Record<string, string> = {}) {
    const written: string[] = [];
    const io: Io = { stdout: { write: () => true }, stderr: { write: (t: string) => written.push(t), isTTY }, env, cwd: '/' };
    return { io, written };
  }

  it('draws nothing in the first second, then redraws at most every 100 ms, and erases itself', () => {
    const { io, written } = fakeIo(true);
    let now = 0;
    const progress = createProgress(io, true, () => now);
    progress.update('reading', 1, 10);
    now = 999;
    progress.update('reading', 2, 10);
    expect(written).toEqual([]);
    now = 1000;
    progress.update('reading', 5, 10);
    now = 1050;
    progress.update('reading', 6, 10);
    now = 1200;
    progress.update('reading', 10, 10);
    progress.clear();
    expect(written).toEqual(['\r\x1b[Kreading [##########----------] 5/10', '\r\x1b[Kreading [####################] 10/10', '\r\x1b[K']);
  });

  for (const [label, isTTY, env] of [
    ['off a TTY', false, {}],
    ['in CI', true, { CI: 'true' }],
  ] as const) {
    it(`stays silent ${label}`, () => {
      const { io, written } = fakeIo(isTTY, env);
      let now = 0;
      const progress = createProgress(io, true, () => now);
      now = 5000;
      progress.update('reading', 5, 10);
      progress.clear();
      expect(written).toEqual([]);
    });
  }
});

describe('summaryText', () => {
  it('counts, with plurals, and notes and placeholders only when there are some', () => {
    expect(summaryText({ pages: 1, parsed: 0, declarations: 2, files: 1, diagnostics: [warning], placeholders: 0, durationMs: 1234 })).toBe('1 page (0 parsed), 2 declarations, 1 file; 0 errors, 1 warning; 1.2 s');
    expect(summaryText({ pages: 2, parsed: 2, declarations: 1, files: 2, diagnostics: [{ ...warning, severity: 'info' }], placeholders: 0, durationMs: 12.4 })).toBe('2 pages (2 parsed), 1 declaration, 2 files; 0 errors, 0 warnings, 1 note; 12 ms');
    expect(summaryText({ pages: 2, parsed: 2, declarations: 3, files: 5, diagnostics: [{ ...warning, severity: 'info' }], placeholders: 15, durationMs: 95 })).toBe(
      '2 pages (2 parsed), 3 declarations, 5 files; 0 errors, 0 warnings, 1 note, 15 placeholder descriptions left out; 95 ms',
    );
  });
});
