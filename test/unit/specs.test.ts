/** Reading pages: the UTF-8 check agrees with a fatal TextDecoder, and names the first bad byte. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePage, firstInvalidUtf8 } from '../../generator/specs.js';

const fatal = new TextDecoder('utf-8', { fatal: true });
const decodes = (bytes: Uint8Array) => {
  try {
    fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe('firstInvalidUtf8', () => {
  it('finds a bad byte exactly when a fatal TextDecoder rejects the bytes, and the bytes before it decode', () => {
    // Bytes biased towards the high half, where sequences start and continue.
    const byte = fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xff }), fc.integer({ min: 0x80, max: 0xff }));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }).chain((prefix) => fc.array(byte, { maxLength: 8 }).map((rest) => new Uint8Array([...prefix, ...rest]))), (bytes) => {
        const offset = firstInvalidUtf8(bytes);
        expect(offset === -1).toBe(decodes(bytes));
        if (offset >= 0) expect(decodes(bytes.subarray(0, offset))).toBe(true);
      }),
      { seed: 9, numRuns: 20_000 },
    );
  });

  const cases: [string, number[], number][] = [
    ['ASCII', [0x61, 0x62], -1],
    ['a two-byte character', [0xc3, 0xa9], -1],
    ['a lone continuation byte', [0x61, 0x80], 1],
    ['an overlong two-byte form', [0xc0, 0xaf], 0],
    ['an encoded surrogate', [0xed, 0xa0, 0x80], 0],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a sequence cut short at the end', [0x61, 0xe2, 0x82], 1],
    ['Latin-1 é between ASCII', [0x63, 0x61, 0x66, 0xe9, 0x20], 3],
  ];
  for (const [label, bytes, want] of cases) it(label, () => expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(want));
});

describe('decodePage', () => {
  it('gives the text of a UTF-8 page, byte-order mark kept (the parser strips it)', () => {
    expect(decodePage('a.md', Buffer.from('\uFEFF# é\n', 'utf8'))).toEqual({ text: '\uFEFF# é\n' });
  });

  it('places the first bad byte at its line and column, counting characters', () => {
    const bytes = Buffer.concat([Buffer.from('# tête\r\nsecond\nthird ', 'utf8'), Buffer.from([0xff]), Buffer.from(' end')]);
    const result = decodePage('a.md', bytes);
    expect(result).toEqual({ problem: expect.objectContaining({ code: 'invalid-utf8', file: 'a.md', line: 3, column: 7, message: 'Page is not valid UTF-8 (byte 0xFF at byte offset 22); skipped: save it as UTF-8' }) });
  });
});
