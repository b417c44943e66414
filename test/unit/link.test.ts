/**
 * Link: several pages' facts → one model. Pages are small hand-written
 * markdown read through parse, extract and build (readPage), then linked.
 */
import { describe, expect, it } from 'vitest';
import { severityOf, sortDiagnostics, type Diagnostic } from '../../generator/diagnostics.js';
import type { Declaration, EnumDeclaration, Model, ObjectDeclaration, TypeExpr } from '../../generator/model/ir.js';
import { linkPages, type Linked } from '../../generator/model/link.js';
import { readPage } from '../../generator/pipeline.js';

type Pages = Readonly<Record<string, string>>;

function link(pages: Pages): Linked {
  return linkPages(Object.entries(pages).map(([path, text]) => readPage({ path, text }).facts));
}

interface ResourceOptions {
  readonly rows?: readonly string[];
  readonly relationships?: readonly string[];
  readonly baseType?: string;
  readonly prose?: string;
  readonly openType?: boolean;
  readonly json?: readonly string[];
  readonly extra?: readonly string[];
}

/** A resource page for `microsoft.graph.<type>` in the usual layout. */
function resource(type: string, options: ResourceOptions = {}): string {
  const annotation: Record<string, unknown> = { blockType: 'resource', '@odata.type': `microsoft.graph.${type}` };
  if (options.baseType) annotation['baseType'] = options.baseType;
  if (options.openType) annotation['openType'] = true;
  return [
    `# ${type} resource type`,
    '',
    'Namespace: microsoft.graph',
    '',
    options.prose ?? `A ${type}.`,
    '',
    ...(options.rows ? ['## Properties', '', '|Property|Type|Description|', '|:---|:---|:---|', ...options.rows.map((r) => `|${r}|`), ''] : []),
    ...(options.relationships ? ['## Relationships', '', '|Relationship|Type|Description|', '|:---|:---|:---|', ...options.relationships.map((r) => `|${r}|`), ''] : []),
    ...(options.extra ?? []),
    '## JSON representation',
    '',
    `<!-- ${JSON.stringify(annotation)} -->`,
    ...(options.json ? ['```json', '{', ...options.json, '}', '```'] : []),
    '',
  ].join('\n');
}

function enumPage(type: string, members: readonly string[]): string {
  return ['---', 'doc_type: enumPageType', '---', '', `# ${type} enum type`, '', 'Namespace: microsoft.graph', '', '|Member|Description|', '|:---|:---|', ...members.map((m) => `|${m}|The ${m} member.|`), ''].join('\n');
}

/** 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string | undefined, needle: string): number {
  const index = (text ?? '').split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`fixture: ${needle} not found`);
  return index + 1;
}

function declaration(model: Model, id: string): Declaration | undefined {
  return model.declarations.find((d) => d.id === id);
}

function object(model: Model, id: string): ObjectDeclaration | undefined {
  const d = declaration(model, id);
  return d?.kind === 'object' ? d : undefined;
}

function typeOf(model: Model, id: string, property: string): TypeExpr | undefined {
  return object(model, id)?.properties.find((p) => p.name === property)?.type;
}

const brief = (d: Diagnostic) => ({ code: d.code, severity: d.severity, message: d.message, file: d.file, line: d.line, column: d.column });
const ref = (id: string): TypeExpr => ({ kind: 'ref', id });
const collection = (element: TypeExpr): TypeExpr => ({ kind: 'collection', element });

describe('links', () => {
  const gadget = resource('gadget', { rows: ['id|String|The id.'] });
  const pages: Pages = {
    'resources/widget.md': resource('widget', {
      rows: [
        'owner|[the owner](person-page.md)|Declared type of another file.',
        'backup|[backup owner](../resources/person-page.md)|Relative path to the same page.',
        'tool|[gadget](missing/gadget-file.md)|File absent: link text.',
        'tools|[gadget collection](nowhere.md)|File absent: link text, collection.',
        'state|[jobState](#jobstate-values)|Anchor on this page.',
        'otherState|[riskLevel](job.md#risklevel-values)|Anchor on another page.',
        'anchorText|[gadget](#no-such-anchor)|Unknown anchor: link text.',
        'bare|gadget|Bare name.',
        'qualified|microsoft.graph.gadget|Qualified name.',
        'upper|Gadget|Name in another case.',
        'many|gadget collection|Collection of a bare name.',
      ],
      extra: ['### jobState values', '', '|Member|Description|', '|:---|:---|', '|running|Running.|', '|done|Done.|', ''],
    }),
    'resources/person-page.md': resource('person', { rows: ['name|String|The name.'] }),
    'resources/gadget.md': gadget,
    'resources/job.md': resource('job', {
      rows: ['risk|[riskLevel](#risklevel-values)|The risk.'],
      extra: ['### riskLevel values', '', '|Member|Description|', '|:---|:---|', '|low|Low.|', '|high|High.|', ''],
    }),
    'other/report.md': resource('report', { rows: ['subject|[person](../resources/person-page.md)|From another folder.'] }),
  };

  const cases: { rule: string; id: string; property: string; want: TypeExpr }[] = [
    { rule: "link to a page resolves to the page's declared type", id: 'microsoft.graph.widget', property: 'owner', want: ref('microsoft.graph.person') },
    { rule: 'relative link to the same folder', id: 'microsoft.graph.widget', property: 'backup', want: ref('microsoft.graph.person') },
    { rule: 'relative link from another folder', id: 'microsoft.graph.report', property: 'subject', want: ref('microsoft.graph.person') },
    { rule: 'absent file falls back to the link text', id: 'microsoft.graph.widget', property: 'tool', want: ref('microsoft.graph.gadget') },
    { rule: 'absent file, link text "x collection"', id: 'microsoft.graph.widget', property: 'tools', want: collection(ref('microsoft.graph.gadget')) },
    { rule: 'anchor to an enum section on the same page', id: 'microsoft.graph.widget', property: 'state', want: ref('microsoft.graph.jobState') },
    { rule: 'anchor to an enum section on another page', id: 'microsoft.graph.widget', property: 'otherState', want: ref('microsoft.graph.riskLevel') },
    { rule: 'anchor that names no section falls back to the link text', id: 'microsoft.graph.widget', property: 'anchorText', want: ref('microsoft.graph.gadget') },
    { rule: 'bare name', id: 'microsoft.graph.widget', property: 'bare', want: ref('microsoft.graph.gadget') },
    { rule: 'qualified name', id: 'microsoft.graph.widget', property: 'qualified', want: ref('microsoft.graph.gadget') },
    { rule: 'name in another case', id: 'microsoft.graph.widget', property: 'upper', want: ref('microsoft.graph.gadget') },
    { rule: 'collection of a bare name', id: 'microsoft.graph.widget', property: 'many', want: collection(ref('microsoft.graph.gadget')) },
    { rule: 'anchor on the enum section of its own page', id: 'microsoft.graph.job', property: 'risk', want: ref('microsoft.graph.riskLevel') },
  ];

  const linked = link(pages);
  it.each(cases)('$rule', ({ id, property, want }) => {
    expect(typeOf(linked.model, id, property)).toEqual(want);
  });

  it('lists where links lead, for links in descriptions: each page to its type, each enum anchor to its enum', () => {
    expect(linked.model.linkTargets).toEqual({
      'other/report.md': 'microsoft.graph.report',
      'resources/gadget.md': 'microsoft.graph.gadget',
      'resources/job.md': 'microsoft.graph.job',
      'resources/job.md#risklevel': 'microsoft.graph.riskLevel',
      'resources/job.md#risklevel-values': 'microsoft.graph.riskLevel',
      'resources/person-page.md': 'microsoft.graph.person',
      'resources/widget.md': 'microsoft.graph.widget',
      'resources/widget.md#jobstate': 'microsoft.graph.jobState',
      'resources/widget.md#jobstate-values': 'microsoft.graph.jobState',
    });
  });

  it('report nothing when every type resolves', () => {
    expect(linked.diagnostics).toEqual([]);
  });

  it('sort declarations by id and count the pages', () => {
    expect({ ids: linked.model.declarations.map((d) => d.id), pageCount: linked.model.pageCount }).toEqual({
      ids: ['microsoft.graph.gadget', 'microsoft.graph.job', 'microsoft.graph.jobState', 'microsoft.graph.person', 'microsoft.graph.report', 'microsoft.graph.riskLevel', 'microsoft.graph.widget'],
      pageCount: 5,
    });
  });

  it('give the same model whatever the order of the pages', () => {
    const reversed = Object.fromEntries(Object.entries(pages).reverse());
    expect(link(reversed)).toEqual(linked);
  });
});

describe('unknown types', () => {
  const text = resource('widget', {
    rows: ['misspelt|Strng|Misspelt primitive.', 'prose|String or Int32|Unreadable.', 'dangling|[nothing](nothing.md)|Link to no page.', 'lost|[lost](#lost-values)|Anchor to nothing.', 'fine|String|Fine.'],
  });
  const { model, diagnostics } = link({ 'widget.md': text });

  it('type what cannot be resolved as unknown', () => {
    expect(object(model, 'microsoft.graph.widget')?.properties.map((p) => [p.name, p.type])).toEqual([
      ['misspelt', { kind: 'unknown', written: 'Strng' }],
      ['prose', { kind: 'unknown', written: 'String or Int32' }],
      ['dangling', { kind: 'unknown', written: 'nothing' }],
      ['lost', { kind: 'unknown', written: 'lost' }],
      ['fine', { kind: 'primitive', name: 'String' }],
    ]);
  });

  it('warn at the Type cell of each', () => {
    expect(sortDiagnostics(diagnostics).map(brief)).toEqual([
      { code: 'unknown-type', severity: 'warning', message: 'Unknown type "Strng"; typed as unknown', file: 'widget.md', line: lineOf(text, '|misspelt|'), column: 11 },
      { code: 'unknown-type', severity: 'warning', message: 'Unknown type "String or Int32"; typed as unknown', file: 'widget.md', line: lineOf(text, '|prose|'), column: 8 },
      { code: 'unresolved-link', severity: 'warning', message: 'Link target "nothing.md" defines no known type; typed as unknown', file: 'widget.md', line: lineOf(text, '|dangling|'), column: 11 },
      { code: 'unresolved-link', severity: 'warning', message: 'Link target "#lost-values" defines no known type; typed as unknown', file: 'widget.md', line: lineOf(text, '|lost|'), column: 7 },
    ]);
  });

  it('warn about an annotated base type no page defines, and drop it', () => {
    const page = resource('widget', { rows: ['id|String|x'], baseType: 'microsoft.graph.nothing' });
    const result = link({ 'widget.md': page });
    expect({ baseId: object(result.model, 'microsoft.graph.widget')?.baseId, diagnostics: result.diagnostics.map(brief) }).toEqual({
      baseId: undefined,
      diagnostics: [
        {
          code: 'unknown-base-type',
          severity: 'warning',
          message: 'Base type "microsoft.graph.nothing" is not defined by any page; the base is dropped',
          file: 'widget.md',
          line: lineOf(page, '<!--'),
          column: 1,
        },
      ],
    });
  });
});

describe('prose enums', () => {
  const job = resource('job', { rows: ['state|jobStatus|The state. Possible values are: `queued`, `done`.'] });

  it('are created when no page defines the name', () => {
    const { model, diagnostics } = link({ 'job.md': job });
    const origin = { file: 'job.md', line: lineOf(job, '|state|'), column: 8 };
    const want: EnumDeclaration = {
      kind: 'enum',
      id: 'microsoft.graph.jobStatus',
      namespace: 'microsoft.graph',
      name: 'jobStatus',
      description: '',
      flags: false,
      members: [
        { name: 'queued', description: '', origin },
        { name: 'done', description: '', origin },
      ],
      source: 'prose',
      origin,
    };
    expect({ declaration: declaration(model, 'microsoft.graph.jobStatus'), type: typeOf(model, 'microsoft.graph.job', 'state'), diagnostics }).toEqual({
      declaration: want,
      type: ref('microsoft.graph.jobStatus'),
      diagnostics: [],
    });
  });

  it('give way to an enum page of the same name', () => {
    const { model } = link({ 'job.md': job, 'zz/jobstatus.md': enumPage('jobStatus', ['pending', 'active', 'finished']) });
    const d = declaration(model, 'microsoft.graph.jobStatus');
    expect({ source: d?.kind === 'enum' ? d.source : undefined, members: d?.kind === 'enum' ? d.members.map((m) => m.name) : undefined }).toEqual({
      source: 'table',
      members: ['pending', 'active', 'finished'],
    });
  });

  it('give way to an enum section on another page', () => {
    const other = resource('task', { rows: ['id|String|x'], extra: ['### jobStatus values', '', '|Member|Description|', '|:---|:---|', '|waiting|Waiting.|', ''] });
    const { model } = link({ 'a-job.md': job, 'b-task.md': other });
    const d = declaration(model, 'microsoft.graph.jobStatus');
    expect(d?.kind === 'enum' ? d.members.map((m) => m.name) : undefined).toEqual(['waiting']);
  });

  it('come from the first page in path order when several pages list members', () => {
    const second = resource('task', { rows: ['status|jobStatus|Possible values are: `x`, `y`.'] });
    const expected = ['queued', 'done'];
    for (const pages of [{ 'a.md': job, 'b.md': second }, { 'b.md': second, 'a.md': job }]) {
      const d = declaration(link(pages).model, 'microsoft.graph.jobStatus');
      expect(d?.kind === 'enum' ? d.members.map((m) => m.name) : undefined).toEqual(expected);
    }
  });
});

describe('one type on several pages', () => {
  const first = resource('widget', { rows: ['id|String|The id.', 'name|String|First name row.'] });
  const second = resource('widget', { rows: ['name|String|Second name row.', 'size|Int32|The size.'], prose: 'More about widgets.' });
  const pages: Pages = { 'b/widget-more.md': second, 'a/widget.md': first, 'c/user.md': resource('user', { rows: ['gadget|[widget](../b/widget-more.md)|Link to the second page.'] }) };

  it('merge into the first page’s declaration, first row winning', () => {
    const { model } = link(pages);
    expect(object(model, 'microsoft.graph.widget')?.properties.map((p) => [p.name, p.type, p.description, p.origin.file])).toEqual([
      ['id', { kind: 'primitive', name: 'String' }, 'The id.', 'a/widget.md'],
      ['name', { kind: 'primitive', name: 'String' }, 'First name row.', 'a/widget.md'],
      ['size', { kind: 'primitive', name: 'Int32' }, 'The size.', 'b/widget-more.md'],
    ]);
    expect(object(model, 'microsoft.graph.widget')?.origin.file).toEqual('a/widget.md');
  });

  it('report the merge as info at the later page', () => {
    expect(link(pages).diagnostics.map(brief)).toEqual([
      {
        code: 'type-merged',
        severity: 'info',
        message: 'Type "microsoft.graph.widget" is also declared in a/widget.md; the properties of both pages are merged',
        file: 'b/widget-more.md',
        line: lineOf(second, '<!--'),
        column: 1,
      },
    ]);
  });

  it('are led by the page named after the type, even when it comes later in path order', () => {
    const extra = resource('widget', { rows: ['name|String|Extra name row.', 'size|Int32|The size.'] });
    const named = resource('widget', { rows: ['id|String|The id.', 'name|String|Named page row.'] });
    const { model, diagnostics } = link({ 'a/widget-extra.md': extra, 'b/widget.md': named });
    expect({
      origin: object(model, 'microsoft.graph.widget')?.origin.file,
      properties: object(model, 'microsoft.graph.widget')?.properties.map((p) => [p.name, p.description]),
      diagnostics: diagnostics.map(brief),
    }).toEqual({
      origin: 'b/widget.md',
      properties: [
        ['id', 'The id.'],
        ['name', 'Named page row.'],
        ['size', 'The size.'],
      ],
      diagnostics: [
        {
          code: 'type-merged',
          severity: 'info',
          message: 'Type "microsoft.graph.widget" is also declared in b/widget.md; the properties of both pages are merged',
          file: 'a/widget-extra.md',
          line: lineOf(extra, '<!--'),
          column: 1,
        },
      ],
    });
  });

  it('resolve a link to the later page to the merged type', () => {
    expect(typeOf(link(pages).model, 'microsoft.graph.user', 'gadget')).toEqual(ref('microsoft.graph.widget'));
  });
});

describe('an enum and an object of one name', () => {
  const enumText = enumPage('status', ['on', 'off']);
  const objectText = resource('status', { rows: ['id|String|x'] });

  it('clash: the first page in path order keeps the name, the other is dropped with a duplicate-type warning', () => {
    const { model, diagnostics } = link({ 'b-status.md': objectText, 'a-status.md': enumText });
    expect({ kinds: model.declarations.map((d) => [d.id, d.kind]), diagnostics: diagnostics.map(brief) }).toEqual({
      kinds: [['microsoft.graph.status', 'enum']],
      diagnostics: [
        {
          code: 'duplicate-type',
          severity: 'warning',
          message: 'Type "microsoft.graph.status" is also defined in a-status.md as another kind of type (an enum and an object); this definition is dropped',
          file: 'b-status.md',
          line: lineOf(objectText, '<!--'),
          column: 1,
        },
      ],
    });
  });

  it('clash the other way round when the object page comes first', () => {
    const { model, diagnostics } = link({ 'a-status.md': objectText, 'b-status.md': enumText });
    expect({ kinds: model.declarations.map((d) => [d.id, d.kind]), codes: diagnostics.map((d) => [d.code, d.file]) }).toEqual({
      kinds: [['microsoft.graph.status', 'object']],
      codes: [['duplicate-type', 'b-status.md']],
    });
  });
});

describe('inheritance', () => {
  const entity = resource('entity', { rows: ['id|String|The identifier.'] });
  const directoryObject = resource('directoryObject', { baseType: 'microsoft.graph.entity', rows: ['deletedDateTime|DateTimeOffset|When deleted.'] });

  it('break a two-type cycle at the first id and report it', () => {
    const a = resource('a', { baseType: 'microsoft.graph.b', rows: ['x|String|x'] });
    const b = resource('b', { baseType: 'microsoft.graph.a', rows: ['y|String|y'] });
    const { model, diagnostics } = link({ 'b.md': b, 'a.md': a });
    expect({ bases: model.declarations.map((d) => [d.id, d.kind === 'object' ? d.baseId : undefined]), diagnostics: diagnostics.map(brief) }).toEqual({
      bases: [
        ['microsoft.graph.a', undefined],
        ['microsoft.graph.b', 'microsoft.graph.a'],
      ],
      diagnostics: [
        {
          code: 'inheritance-cycle',
          // The severity is catalogue policy (being revised); the rest of the diagnostic is this stage's.
          severity: severityOf('inheritance-cycle'),
          message: 'Inheritance cycle: microsoft.graph.a → microsoft.graph.b → microsoft.graph.a; the base type is dropped',
          file: 'a.md',
          line: lineOf(a, '<!--'),
          column: 1,
        },
      ],
    });
  });

  it('report a type stated as its own base as a cycle, not as an unknown type', () => {
    const selfish = resource('selfish', { baseType: 'microsoft.graph.selfish', rows: ['x|String|x'] });
    const { model, diagnostics } = link({ 'selfish.md': selfish });
    expect({ bases: model.declarations.map((d) => [d.id, d.kind === 'object' ? d.baseId : undefined]), diagnostics: diagnostics.map((d) => [d.code, d.message, d.line]) }).toEqual({
      bases: [['microsoft.graph.selfish', undefined]],
      diagnostics: [['inheritance-cycle', 'Inheritance cycle: microsoft.graph.selfish → microsoft.graph.selfish; the base type is dropped', lineOf(selfish, '<!--')]],
    });
  });

  it('break a three-type cycle once, whatever the page order', () => {
    const pages: Pages = {
      'c.md': resource('c', { baseType: 'microsoft.graph.a' }),
      'a.md': resource('a', { baseType: 'microsoft.graph.b' }),
      'b.md': resource('b', { baseType: 'microsoft.graph.c' }),
      'd.md': resource('d', { baseType: 'microsoft.graph.b' }),
    };
    const want = {
      bases: [
        ['microsoft.graph.a', undefined],
        ['microsoft.graph.b', 'microsoft.graph.c'],
        ['microsoft.graph.c', 'microsoft.graph.a'],
        ['microsoft.graph.d', 'microsoft.graph.b'],
      ],
      diagnostics: [['inheritance-cycle', 'Inheritance cycle: microsoft.graph.a → microsoft.graph.b → microsoft.graph.c → microsoft.graph.a; the base type is dropped']],
    };
    for (const order of [pages, Object.fromEntries(Object.entries(pages).reverse())]) {
      const { model, diagnostics } = link(order);
      expect({ bases: model.declarations.map((d) => [d.id, d.kind === 'object' ? d.baseId : undefined]), diagnostics: diagnostics.map((d) => [d.code, d.message]) }).toEqual(want);
    }
  });

  const conflicts: { rule: string; annotated: string; prose: string; wantBase: string; wantDiagnostic: string | undefined }[] = [
    {
      rule: 'prose more specific than the annotation wins',
      annotated: 'microsoft.graph.entity',
      prose: 'Inherits from [directoryObject](directoryobject.md).',
      wantBase: 'microsoft.graph.directoryObject',
      wantDiagnostic:
        'The base type is stated two ways: the annotation says "microsoft.graph.entity", the text says "microsoft.graph.directoryObject"; using "microsoft.graph.directoryObject", the more specific',
    },
    {
      rule: 'annotation more specific than the prose wins',
      annotated: 'microsoft.graph.directoryObject',
      prose: 'Inherits from [entity](entity.md).',
      wantBase: 'microsoft.graph.directoryObject',
      wantDiagnostic:
        'The base type is stated two ways: the annotation says "microsoft.graph.directoryObject", the text says "microsoft.graph.entity"; using "microsoft.graph.directoryObject", the more specific',
    },
    {
      rule: 'unrelated bases: the annotation wins',
      annotated: 'microsoft.graph.entity',
      prose: 'Inherits from [gadget](gadget.md).',
      wantBase: 'microsoft.graph.entity',
      wantDiagnostic: 'The base type is stated two ways: the annotation says "microsoft.graph.entity", the text says "microsoft.graph.gadget"; using "microsoft.graph.entity", as the annotation says',
    },
    { rule: 'agreement: no diagnostic', annotated: 'microsoft.graph.directoryObject', prose: 'Inherits from [directoryObject](directoryobject.md).', wantBase: 'microsoft.graph.directoryObject', wantDiagnostic: undefined },
    { rule: 'prose naming no type is ignored silently', annotated: 'microsoft.graph.entity', prose: 'Inherits from the base policy type.', wantBase: 'microsoft.graph.entity', wantDiagnostic: undefined },
  ];
  it.each(conflicts)('base conflict: $rule', ({ annotated, prose, wantBase, wantDiagnostic }) => {
    const user = resource('user', { baseType: annotated, prose, rows: ['displayName|String|The name.'] });
    const { model, diagnostics } = link({ 'entity.md': entity, 'directoryobject.md': directoryObject, 'gadget.md': resource('gadget', { rows: ['id|String|x'] }), 'user.md': user });
    const line = lineOf(user, 'Inherits from');
    expect({ base: object(model, 'microsoft.graph.user')?.baseId, diagnostics: diagnostics.map(brief) }).toEqual({
      base: wantBase,
      diagnostics: wantDiagnostic === undefined ? [] : [{ code: 'base-type-conflict', severity: 'warning', message: wantDiagnostic, file: 'user.md', line, column: 1 }],
    });
  });

  it('base conflict: an entity type (with a key) whose base no page states counts as deriving from entity', () => {
    // Beta's directoryObject states no base; "Inherits from [directoryObject]" is still more specific than the annotation's entity.
    const rootless = resource('directoryObject', { rows: ['id|String|x'] }).replace('"blockType":"resource"', '"blockType":"resource","keyProperty":"id"');
    const contact = resource('orgContact', { baseType: 'microsoft.graph.entity', prose: 'Inherits from [directoryObject](directoryobject.md).', rows: ['mail|String|x'] });
    const keyless = resource('gadget', { rows: ['name|String|x'] });
    const device = resource('device', { baseType: 'microsoft.graph.entity', prose: 'Inherits from [gadget](gadget.md).', rows: ['mail|String|x'] });
    const { model } = link({ 'entity.md': entity, 'directoryobject.md': rootless, 'orgcontact.md': contact, 'gadget.md': keyless, 'device.md': device });
    expect([object(model, 'microsoft.graph.orgContact')?.baseId, object(model, 'microsoft.graph.device')?.baseId]).toEqual(['microsoft.graph.directoryObject', 'microsoft.graph.entity']);
  });

  it('use the prose base when there is no annotated one', () => {
    const user = resource('user', { prose: 'Inherits from [directoryObject](directoryobject.md).', rows: ['displayName|String|x'] });
    const { model } = link({ 'entity.md': entity, 'directoryobject.md': directoryObject, 'user.md': user });
    expect(object(model, 'microsoft.graph.user')?.baseId).toEqual('microsoft.graph.directoryObject');
  });

  it('drop a JSON-only property the type inherits, keep and report one it does not', () => {
    const user = resource('user', {
      baseType: 'microsoft.graph.directoryObject',
      rows: ['displayName|String|The name.'],
      json: ['  "id": "String",', '  "deletedDateTime": "String (timestamp)",', '  "displayName": "String",', '  "nickname": "String"'],
    });
    const { model, diagnostics } = link({ 'entity.md': entity, 'directoryobject.md': directoryObject, 'user.md': user });
    expect({
      properties: object(model, 'microsoft.graph.user')?.properties.map((p) => [p.name, p.source]),
      diagnostics: diagnostics.map(brief),
    }).toEqual({
      properties: [
        ['displayName', 'table'],
        ['nickname', 'json'],
      ],
      diagnostics: [
        {
          code: 'json-property-not-in-table',
          severity: 'warning',
          message: 'Property "nickname" is in the JSON representation but in no table; added with a type read from the JSON',
          file: 'user.md',
          line: lineOf(user, '"nickname"'),
          column: 3,
        },
      ],
    });
  });

  it('ignore JSON-only properties on an open type', () => {
    const bag = resource('propertyBag', { openType: true, rows: ['id|String|x'], json: ['  "id": "String",', '  "anyName": "String",', '  "anyNumber": 1'] });
    const { model, diagnostics } = link({ 'bag.md': bag });
    expect({ properties: object(model, 'microsoft.graph.propertyBag')?.properties.map((p) => p.name), open: object(model, 'microsoft.graph.propertyBag')?.open, diagnostics }).toEqual({
      properties: ['id'],
      open: true,
      diagnostics: [],
    });
  });
});

describe('type cells the corpus taught us', () => {
  it('alternatives "[a](a.md) or [b](b.md)" resolve to their nearest common base', () => {
    const { model, diagnostics } = link({
      'config.md': resource('mediaConfig', { rows: ['blob|String|x'] }),
      'app.md': resource('appHostedMediaConfig', { baseType: 'microsoft.graph.mediaConfig', rows: ['token|String|x'] }),
      'service.md': resource('serviceHostedMediaConfig', { baseType: 'microsoft.graph.mediaConfig', rows: ['prompts|String|x'] }),
      'call.md': resource('call', { rows: ['mediaConfig|[appHostedMediaConfig](app.md) or [serviceHostedMediaConfig](service.md)|x'] }),
    });
    expect(typeOf(model, 'microsoft.graph.call', 'mediaConfig')).toEqual(ref('microsoft.graph.mediaConfig'));
    expect(diagnostics.filter((d) => d.severity !== 'info').map(brief)).toEqual([]);
  });

  it('alternatives without a common base keep the first, with a warning at the Type cell', () => {
    const { model, diagnostics } = link({
      'a.md': resource('alpha', { rows: ['x|String|x'] }),
      'b.md': resource('beta', { rows: ['y|String|y'] }),
      'c.md': resource('gamma', { rows: ['pick|[alpha](a.md) or [beta](b.md)|x'] }),
    });
    expect(typeOf(model, 'microsoft.graph.gamma', 'pick')).toEqual(ref('microsoft.graph.alpha'));
    expect(diagnostics.filter((d) => d.code === 'alternative-types').map((d) => [d.file, d.line, d.column])).toEqual([['c.md', lineOf(resource('gamma', { rows: ['pick|[alpha](a.md) or [beta](b.md)|x'] }), '|pick|'), 7]]);
  });

  it('a link whose text is an Edm primitive means the primitive, unless the page defines a type of that name', () => {
    const { model } = link({
      'timestamp.md': resource('timeStamp', { rows: ['ticks|Int64|x'] }),
      'date.md': resource('Date', { rows: ['day|Int32|x'] }),
      'version.md': resource('version', { rows: ['modified|[DateTimeOffset](timestamp.md)|x', 'on|[Date](date.md)|x'] }),
    });
    expect(typeOf(model, 'microsoft.graph.version', 'modified')).toEqual({ kind: 'primitive', name: 'DateTimeOffset' });
    expect(typeOf(model, 'microsoft.graph.version', 'on')).toEqual(ref('microsoft.graph.Date'));
  });

  it('"This is an open type" in prose makes the type open, so its JSON example keys are not properties', () => {
    const { model, diagnostics } = link({ 'tokens.md': resource('tokenSet', { prose: 'This is an open type of Boolean properties.', json: ['"Echo": true'] }) });
    expect(object(model, 'microsoft.graph.tokenSet')?.open).toBe(true);
    expect(object(model, 'microsoft.graph.tokenSet')?.properties).toEqual([]);
    expect(diagnostics.filter((d) => d.code === 'json-property-not-in-table')).toEqual([]);
  });
});

describe('pages that define an object and an enum merged with another page', () => {
  it('a link to the page still means the page\'s object type', () => {
    const { model } = link({
      'enums.md': ['# Enum values', '', 'Namespace: microsoft.graph', '', '### listName values', '', '|Member|', '|:--|', '|none|', '|defaultList|', ''].join('\n'),
      'tasklist.md': resource('taskList', { rows: ['listName|listName|Which list.'], extra: ['### listName values', '', '|Member|', '|:--|', '|none|', '|flagged|', ''] }),
      'todo.md': resource('todo', { relationships: ['lists|[taskList](tasklist.md) collection|The lists.'] }),
    });
    expect(typeOf(model, 'microsoft.graph.todo', 'lists')).toEqual(collection(ref('microsoft.graph.taskList')));
    expect(declaration(model, 'microsoft.graph.listName')).toMatchObject({ kind: 'enum', members: [{ name: 'none' }, { name: 'defaultList' }, { name: 'flagged' }] });
  });

  it('link text naming another type than the target page wins, with a warning, unless it is the property\'s own name', () => {
    const { model, diagnostics } = link({
      'participant.md': resource('participantInfo', { rows: ['id|String|x'] }),
      'invitation.md': resource('invitationParticipantInfo', { rows: ['hidden|Boolean|x'] }),
      'call.md': resource('call', { rows: ['targets|[invitationParticipantInfo](participant.md) collection|x', 'participantInfo|[participantInfo](invitation.md)|x'] }),
    });
    expect(typeOf(model, 'microsoft.graph.call', 'targets')).toEqual(collection(ref('microsoft.graph.invitationParticipantInfo')));
    expect(typeOf(model, 'microsoft.graph.call', 'participantInfo')).toEqual(ref('microsoft.graph.invitationParticipantInfo'));
    expect(diagnostics.filter((d) => d.code === 'link-text-conflict').map((d) => d.file)).toEqual(['call.md']);
  });
});
