/** The one place doc text becomes code: literals, keys, comments, identifiers. */
import { describe, expect, it } from 'vitest';
import { commentText, identifier, isIdentifier, propertyKey, stringLiteral } from '../../generator/emit/escape.js';

describe('stringLiteral', () => {
  const cases: { given: string; want: string }[] = [
    { given: 'a', want: '"a"' },
    { given: '', want: '""' },
    { given: 'say "hi"', want: '"say \\"hi\\""' },
    { given: 'back\\slash', want: '"back\\\\slash"' },
    { given: 'line\nbreak', want: '"line\\nbreak"' },
    { given: "it's", want: '"it\'s"' },
    { given: 'a\u2028b\u2029c', want: '"a\\u2028b\\u2029c"' },
    { given: '\u0000', want: '"\\u0000"' },
    { given: '${x}`', want: '"${x}`"' },
    { given: 'é✓', want: '"é✓"' },
  ];
  it.each(cases)('$given', ({ given, want }) => {
    expect(stringLiteral(given)).toEqual(want);
  });

  it.each(cases)('round-trips $given through JSON.parse', ({ given }) => {
    expect(JSON.parse(stringLiteral(given))).toEqual(given);
  });
});

describe('propertyKey', () => {
  const cases: { given: string; context: 'type' | 'object'; want: string }[] = [
    { given: 'displayName', context: 'type', want: 'displayName' },
    { given: '__proto__', context: 'type', want: '"__proto__"' },
    { given: '__proto__', context: 'object', want: '["__proto__"]' },
    { given: 'a-b', context: 'type', want: '"a-b"' },
    { given: 'a-b', context: 'object', want: '"a-b"' },
    { given: 'class', context: 'type', want: 'class' },
    { given: 'constructor', context: 'object', want: 'constructor' },
    { given: 'café', context: 'type', want: 'café' },
    { given: '名前', context: 'type', want: '名前' },
    { given: '@odata.type', context: 'type', want: '"@odata.type"' },
    { given: '$ref', context: 'type', want: '$ref' },
    { given: '1st', context: 'object', want: '"1st"' },
    { given: '', context: 'type', want: '""' },
    { given: 'a"b', context: 'object', want: '"a\\"b"' },
  ];
  it.each(cases)('$given in $context', ({ given, context, want }) => {
    expect(propertyKey(given, context)).toEqual(want);
  });
});

describe('commentText', () => {
  const cases: { rule: string; given: string; want: string }[] = [
    { rule: 'plain text', given: 'The name.', want: 'The name.' },
    { rule: 'comment end', given: 'ends */ here', want: 'ends *\\/ here' },
    { rule: 'comment end after stars', given: 'a **/ b', want: 'a **\\/ b' },
    { rule: 'two comment ends', given: '*/*/', want: '*\\/*\\/' },
    { rule: '<br> as a line break', given: 'a<br>b<BR/>c<br />d', want: 'a\nb\nc\nd' },
    { rule: '<br> between * and / does not close the comment', given: '*<br>/', want: '*\n/' },
    { rule: 'CRLF and CR', given: 'x\r\ny\rz', want: 'x\ny\nz' },
    { rule: 'control characters', given: 'a\u0000b\u0007c\u001bd\u007fe', want: 'a b c d e' },
    { rule: 'tab kept', given: 'a\tb', want: 'a\tb' },
    { rule: 'line and paragraph separators', given: 'a\u2028b\u2029c', want: 'a b c' },
    { rule: 'trailing spaces per line', given: 'a  \nb\t\n c', want: 'a\nb\n c' },
    { rule: 'blank lines collapsed to one', given: 'a\n\n\n\nb', want: 'a\n\nb' },
    { rule: 'surrounding space', given: '  \n a \n ', want: 'a' },
  ];
  it.each(cases)('$rule', ({ given, want }) => {
    expect(commentText(given)).toEqual(want);
  });

  it.each(cases)('$rule: never contains */', ({ given }) => {
    expect(commentText(given).includes('*/')).toEqual(false);
  });
});

describe('isIdentifier', () => {
  const cases: { given: string; want: boolean }[] = [
    { given: 'a', want: true },
    { given: '_', want: true },
    { given: '$a', want: true },
    { given: 'User2', want: true },
    { given: 'café', want: true },
    { given: 'class', want: true },
    { given: '', want: false },
    { given: '1a', want: false },
    { given: 'a-b', want: false },
    { given: 'a b', want: false },
    { given: 'a.b', want: false },
    { given: '@odata', want: false },
  ];
  it.each(cases)('$given', ({ given, want }) => {
    expect(isIdentifier(given)).toEqual(want);
  });

  it('identifier() returns identifiers and throws on anything else', () => {
    expect(identifier('User')).toEqual('User');
    expect(() => identifier('a-b')).toThrow('internal: not an identifier: "a-b"');
  });
});
