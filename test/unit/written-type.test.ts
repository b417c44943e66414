/**
 * Reading a Type cell: one fixture per normalisation rule of readTypeCell and
 * primitiveNamed. Cells are built by hand (RawText) or read from a small
 * markdown table through parse + extract, as the pipeline does.
 */
import { describe, expect, it } from 'vitest';
import type { RawLink, RawText } from '../../generator/extract.js';
import { extractPage } from '../../generator/extract.js';
import type { EdmPrimitive, WrittenType } from '../../generator/model/ir.js';
import { primitiveNamed, readTypeCell } from '../../generator/model/written-type.js';
import { parseMarkdown } from '../../generator/parse.js';

function cell(text: string, links: readonly RawLink[] = [], codes: readonly string[] = []): RawText {
  return { line: 1, column: 1, text, markdown: text, links, codes };
}

/** The Type cell of a one-row properties table, as extract sees it. */
function typeCellOf(markdown: string): RawText | undefined {
  const source = ['|Property|Type|Description|', '|:---|:---|:---|', `|p|${markdown}|d|`, ''].join('\n');
  const { page } = extractPage('cell.md', source, parseMarkdown(source));
  return page.tables[0]?.rows[0]?.cells['type'];
}

const primitive = (name: EdmPrimitive): WrittenType => ({ kind: 'primitive', name });
const collection = (element: WrittenType): WrittenType => ({ kind: 'collection', element });
const link = (url: string, text: string): WrittenType => ({ kind: 'link', url, text });
const anchor = (slug: string, text: string): WrittenType => ({ kind: 'anchor', slug, text });
const name = (written: string): WrittenType => ({ kind: 'name', name: written });
const unreadable = (written: string): WrittenType => ({ kind: 'unreadable', written });

describe('primitiveNamed', () => {
  const cases: { rule: string; given: string; want: EdmPrimitive | undefined }[] = [
    { rule: 'canonical Edm name', given: 'String', want: 'String' },
    { rule: 'canonical Edm name', given: 'DateTimeOffset', want: 'DateTimeOffset' },
    { rule: 'canonical Edm name', given: 'TimeOfDay', want: 'TimeOfDay' },
    { rule: 'any case', given: 'string', want: 'String' },
    { rule: 'any case', given: 'BOOLEAN', want: 'Boolean' },
    { rule: 'any case', given: 'dateTimeOffset', want: 'DateTimeOffset' },
    { rule: 'any case', given: 'int64', want: 'Int64' },
    { rule: 'Edm. prefix', given: 'Edm.Int32', want: 'Int32' },
    { rule: 'Edm. prefix, any case', given: 'edm.guid', want: 'Guid' },
    { rule: 'Edm. prefix, any case', given: 'EDM.Binary', want: 'Binary' },
    { rule: 'surrounding space', given: '  Double ', want: 'Double' },
    { rule: 'alias bool', given: 'bool', want: 'Boolean' },
    { rule: 'alias datetime', given: 'DateTime', want: 'DateTimeOffset' },
    { rule: 'alias integer', given: 'Integer', want: 'Int32' },
    { rule: 'alias int', given: 'int', want: 'Int32' },
    { rule: 'alias long', given: 'long', want: 'Int64' },
    { rule: 'alias float', given: 'Float', want: 'Single' },
    { rule: 'alias timestamp', given: 'timestamp', want: 'DateTimeOffset' },
    { rule: 'alias uri', given: 'URI', want: 'String' },
    { rule: 'alias url', given: 'url', want: 'String' },
    { rule: 'alias uuid', given: 'UUID', want: 'Guid' },
    { rule: 'alias behind Edm. prefix', given: 'Edm.bool', want: 'Boolean' },
    { rule: 'misspelling is not a primitive', given: 'Strng', want: undefined },
    { rule: 'a type name is not a primitive', given: 'user', want: undefined },
    { rule: 'the prefix alone is not a primitive', given: 'Edm.', want: undefined },
    { rule: 'a qualified non-Edm name is not a primitive', given: 'microsoft.graph.String', want: undefined },
    { rule: 'empty', given: '', want: undefined },
  ];
  it.each(cases)('$rule: $given', ({ given, want }) => {
    expect(primitiveNamed(given)).toEqual(want);
  });
});

describe('readTypeCell on hand-built cells', () => {
  const cases: { rule: string; given: RawText | undefined; want: WrittenType }[] = [
    // Primitives
    { rule: 'Edm name', given: cell('String'), want: primitive('String') },
    { rule: 'Edm name, lower case', given: cell('boolean'), want: primitive('Boolean') },
    { rule: 'Edm name, upper case', given: cell('INT32'), want: primitive('Int32') },
    { rule: 'Edm. prefix', given: cell('Edm.DateTimeOffset'), want: primitive('DateTimeOffset') },
    { rule: 'alias', given: cell('integer'), want: primitive('Int32') },
    { rule: 'emphasis removed', given: cell('**String**'), want: primitive('String') },
    { rule: 'backticks removed', given: cell('`Int64`'), want: primitive('Int64') },
    { rule: 'trailing full stop removed', given: cell('String.'), want: primitive('String') },
    { rule: 'inner whitespace collapsed', given: cell('String \n  collection'), want: collection(primitive('String')) },
    // Collections
    { rule: 'X collection', given: cell('String collection'), want: collection(primitive('String')) },
    { rule: 'X collection, any case', given: cell('Guid Collection'), want: collection(primitive('Guid')) },
    { rule: 'Collection(X)', given: cell('Collection(Edm.Int32)'), want: collection(primitive('Int32')) },
    { rule: 'Collection(X) with inner space', given: cell('Collection( String )'), want: collection(primitive('String')) },
    { rule: 'Collection (X) with a space before the parenthesis', given: cell('Collection (String)'), want: collection(primitive('String')) },
    { rule: 'collection(X), lower case', given: cell('collection(edm.string)'), want: collection(primitive('String')) },
    { rule: 'collection of X', given: cell('collection of String'), want: collection(primitive('String')) },
    { rule: 'a collection of X', given: cell('A collection of Double'), want: collection(primitive('Double')) },
    { rule: 'X[]', given: cell('String[]'), want: collection(primitive('String')) },
    // OData has no collection of collections: "collection" said twice is one collection.
    { rule: 'nested Collection(Collection(X))', given: cell('Collection(Collection(Int32))'), want: collection(primitive('Int32')) },
    { rule: 'Collection(X) collection', given: cell('Collection(String) collection'), want: collection(primitive('String')) },
    { rule: 'X collection collection', given: cell('routingPolicy collection collection'), want: collection(name('routingPolicy')) },
    { rule: 'collection of a name', given: cell('microsoft.graph.user collection'), want: collection(name('microsoft.graph.user')) },
    // Parenthetical remarks
    { rule: 'parenthetical remark', given: cell('String (identifier)'), want: primitive('String') },
    { rule: 'parenthetical remark after a collection', given: cell('String collection (read-only)'), want: collection(primitive('String')) },
    { rule: 'parenthetical remark after a name', given: cell('riskLevel (nullable)'), want: name('riskLevel') },
    { rule: 'parenthetical remark after Collection(X)', given: cell('Collection(String) (read-only)'), want: collection(primitive('String')) },
    // Names
    { rule: 'bare name', given: cell('synchronizationTaskExecutionResult'), want: name('synchronizationTaskExecutionResult') },
    { rule: 'qualified name', given: cell('microsoft.graph.callRecords.session'), want: name('microsoft.graph.callRecords.session') },
    { rule: 'name in code span', given: cell('`riskLevel`', [], ['riskLevel']), want: name('riskLevel') },
    // Links
    { rule: 'link', given: cell('user', [{ text: 'user', url: 'user.md' }]), want: link('user.md', 'user') },
    { rule: 'link, url trimmed', given: cell('user', [{ text: 'user', url: ' ../resources/user.md ' }]), want: link('../resources/user.md', 'user') },
    { rule: 'link to an anchor on another page', given: cell('riskLevel', [{ text: 'riskLevel', url: 'enums.md#risklevel-values' }]), want: link('enums.md#risklevel-values', 'riskLevel') },
    { rule: '[x](x.md) collection', given: cell('user collection', [{ text: 'user', url: 'user.md' }]), want: collection(link('user.md', 'user')) },
    { rule: 'Collection([x](x.md))', given: cell('Collection(user)', [{ text: 'user', url: 'user.md' }]), want: collection(link('user.md', 'user')) },
    { rule: '[x collection](x.md)', given: cell('user collection', [{ text: 'user collection', url: 'user.md' }]), want: collection(link('user.md', 'user collection')) },
    { rule: '[x](x.md) (remark)', given: cell('user (nullable)', [{ text: 'user', url: 'user.md' }]), want: link('user.md', 'user') },
    { rule: 'link text formatting removed', given: cell('user', [{ text: '`user`', url: 'user.md' }]), want: link('user.md', 'user') },
    { rule: 'external link is not a type', given: cell('String (see ISO 8601)', [{ text: 'ISO 8601', url: 'https://www.iso.org/iso-8601.html' }]), want: primitive('String') },
    { rule: 'first type link wins over an external one', given: cell('see spec, user', [{ text: 'see spec', url: 'https://example.com/spec' }, { text: 'user', url: 'user.md' }]), want: link('user.md', 'user') },
    // Anchors
    { rule: 'anchor', given: cell('ageGroup', [{ text: 'ageGroup', url: '#agegroup-values' }]), want: anchor('agegroup-values', 'ageGroup') },
    { rule: 'anchor slug lower-cased', given: cell('ageGroup', [{ text: 'ageGroup', url: '#AgeGroup-Values' }]), want: anchor('agegroup-values', 'ageGroup') },
    { rule: 'anchor collection', given: cell('ageGroup collection', [{ text: 'ageGroup', url: '#agegroup-values' }]), want: collection(anchor('agegroup-values', 'ageGroup')) },
    // Broken link
    { rule: 'broken link: missing closing parenthesis', given: cell('[user](user.md'), want: name('user') },
    { rule: 'broken link: qualified text', given: cell('[microsoft.graph.user](../resources/user.md'), want: name('microsoft.graph.user') },
    { rule: 'broken link followed by "collection"', given: cell('[user](user.md collection'), want: collection(name('user')) },
    // Empty and unreadable
    { rule: 'empty cell', given: cell(''), want: unreadable('') },
    { rule: 'blank cell', given: cell('   '), want: unreadable('') },
    { rule: 'no cell', given: undefined, want: unreadable('') },
    { rule: 'unreadable prose', given: cell('String or Int32'), want: unreadable('String or Int32') },
  ];
  it.each(cases)('$rule', ({ given, want }) => {
    expect(readTypeCell(given)).toEqual(want);
  });
});

describe('readTypeCell on cells read from a markdown table', () => {
  const cases: { rule: string; given: string; want: WrittenType }[] = [
    { rule: 'Edm name', given: 'String', want: primitive('String') },
    { rule: 'Edm. prefix', given: 'Edm.Boolean', want: primitive('Boolean') },
    { rule: 'bold primitive', given: '**Int32**', want: primitive('Int32') },
    { rule: 'code span primitive', given: '`Guid`', want: primitive('Guid') },
    { rule: 'X collection', given: 'String collection', want: collection(primitive('String')) },
    { rule: 'Collection(X)', given: 'Collection(Edm.String)', want: collection(primitive('String')) },
    { rule: 'collection of X', given: 'collection of Int64', want: collection(primitive('Int64')) },
    { rule: 'parenthetical remark', given: 'String (identifier)', want: primitive('String') },
    { rule: 'link', given: '[synchronizationError](../resources/synchronizationerror.md)', want: link('../resources/synchronizationerror.md', 'synchronizationError') },
    { rule: '[x](x.md) collection', given: '[user](user.md) collection', want: collection(link('user.md', 'user')) },
    { rule: 'Collection([x](x.md))', given: 'Collection([user](user.md))', want: collection(link('user.md', 'user')) },
    { rule: 'link with code-span text', given: '[`user`](user.md)', want: link('user.md', 'user') },
    { rule: 'anchor', given: '[ageGroup](#agegroup-values)', want: anchor('agegroup-values', 'ageGroup') },
    { rule: 'bare name', given: 'riskLevel', want: name('riskLevel') },
    { rule: 'qualified name', given: 'microsoft.graph.riskLevel', want: name('microsoft.graph.riskLevel') },
    { rule: 'broken link', given: '[user](user.md', want: name('user') },
    { rule: 'empty cell', given: ' ', want: unreadable('') },
  ];
  it.each(cases)('$rule: $given', ({ given, want }) => {
    expect(readTypeCell(typeCellOf(given))).toEqual(want);
  });
});
