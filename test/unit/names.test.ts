/**
 * Names: TypeScript identifiers assigned in one late pass, with a collision
 * rule that depends only on the set of declarations.
 */
import { describe, expect, it } from 'vitest';
import type { Declaration, EnumDeclaration, Model, Naming, ObjectDeclaration } from '../../generator/model/ir.js';
import { assignNames, camelCase, pascalCase } from '../../generator/model/names.js';

const origin = { file: 'x.md', line: 1, column: 1 };

function obj(id: string): ObjectDeclaration {
  const dot = id.lastIndexOf('.');
  return { kind: 'object', id, namespace: id.slice(0, dot), name: id.slice(dot + 1), description: '', open: false, properties: [], origin };
}

function enm(id: string): EnumDeclaration {
  const dot = id.lastIndexOf('.');
  return { kind: 'enum', id, namespace: id.slice(0, dot), name: id.slice(dot + 1), description: '', flags: false, members: [], source: 'table', origin };
}

const model = (declarations: readonly Declaration[]): Model => ({ declarations, pageCount: 1, linkTargets: {} });

/** Every permutation of a short list. */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe('pascalCase', () => {
  const cases: { given: string; want: string }[] = [
    { given: 'synchronizationTaskExecution', want: 'SynchronizationTaskExecution' },
    { given: 'user', want: 'User' },
    { given: 'User', want: 'User' },
    { given: 'callRecords', want: 'CallRecords' },
    { given: 'a-b c', want: 'ABC' },
    { given: 'x.y', want: 'XY' },
    { given: 'user_id', want: 'User_id' },
    { given: '$ref', want: '$ref' },
    { given: '3dModel', want: '_3dModel' },
    { given: '', want: '_' },
    { given: '---', want: '_' },
    { given: 'élan', want: 'Élan' },
    { given: 'ios13', want: 'Ios13' },
  ];
  it.each(cases)('$given', ({ given, want }) => {
    expect(pascalCase(given)).toEqual(want);
  });
});

describe('camelCase', () => {
  const cases: { given: string; want: string }[] = [
    { given: 'callRecords', want: 'callRecords' },
    { given: 'CallRecords', want: 'callRecords' },
    { given: 'graph', want: 'graph' },
    { given: 'external-connectors', want: 'externalConnectors' },
    { given: 'class', want: 'class_' },
    { given: 'enum', want: 'enum_' },
    { given: 'Namespace', want: 'namespace_' },
    { given: 'security', want: 'security' },
    { given: '2fa', want: '_2fa' },
  ];
  it.each(cases)('$given', ({ given, want }) => {
    expect(camelCase(given)).toEqual(want);
  });
});

describe('assignNames', () => {
  const cases: { rule: string; given: Declaration[]; want: Naming['typeNames'] }[] = [
    {
      rule: 'no collision: plain PascalCase',
      given: [obj('microsoft.graph.user'), enm('microsoft.graph.riskLevel')],
      want: { 'microsoft.graph.user': 'User', 'microsoft.graph.riskLevel': 'RiskLevel' },
    },
    {
      rule: 'object and enum with one PascalCase name: the enum gets Enum',
      given: [obj('microsoft.graph.riskLevel'), enm('microsoft.graph.RiskLevel')],
      want: { 'microsoft.graph.riskLevel': 'RiskLevel', 'microsoft.graph.RiskLevel': 'RiskLevelEnum' },
    },
    {
      rule: 'the object keeps the name even when the enum id sorts first',
      given: [enm('microsoft.graph.Zeta'), obj('microsoft.graph.zeta')],
      want: { 'microsoft.graph.zeta': 'Zeta', 'microsoft.graph.Zeta': 'ZetaEnum' },
    },
    {
      rule: 'two objects: the first id in code-unit order keeps the name, the other a number',
      given: [obj('microsoft.graph.aB'), obj('microsoft.graph.a-b')],
      want: { 'microsoft.graph.a-b': 'AB', 'microsoft.graph.aB': 'AB2' },
    },
    {
      rule: 'two objects and an enum',
      given: [enm('microsoft.graph.a_b'), obj('microsoft.graph.aB'), obj('microsoft.graph.a-b')],
      want: { 'microsoft.graph.a-b': 'AB', 'microsoft.graph.aB': 'AB2', 'microsoft.graph.a_b': 'A_b' },
    },
    {
      rule: 'two enums: the second by id gets Enum',
      given: [enm('microsoft.graph.state'), enm('microsoft.graph.State')],
      want: { 'microsoft.graph.State': 'State', 'microsoft.graph.state': 'StateEnum' },
    },
    {
      rule: 'a suffixed name never takes a name another declaration wants',
      given: [obj('microsoft.graph.x'), enm('microsoft.graph.X'), obj('microsoft.graph.xEnum')],
      want: { 'microsoft.graph.x': 'X', 'microsoft.graph.X': 'X2', 'microsoft.graph.xEnum': 'XEnum' },
    },
    {
      rule: 'names differing only in case collide (they are one file name on macOS and Windows): the second gets a number',
      given: [obj('microsoft.graph.ab'), obj('microsoft.graph.aB')],
      want: { 'microsoft.graph.aB': 'AB', 'microsoft.graph.ab': 'Ab2' },
    },
    {
      rule: 'a name of the ECMAScript library (Set, Record, Omit) gets Type, so that emitted code still reaches the global',
      given: [obj('microsoft.graph.termStore.set'), obj('microsoft.graph.record'), enm('microsoft.graph.omit'), obj('microsoft.graph.setting')],
      want: { 'microsoft.graph.termStore.set': 'SetType', 'microsoft.graph.record': 'RecordType', 'microsoft.graph.omit': 'OmitType', 'microsoft.graph.setting': 'Setting' },
    },
    {
      rule: 'names are per namespace',
      given: [obj('microsoft.graph.alert'), enm('microsoft.graph.security.alert')],
      want: { 'microsoft.graph.alert': 'Alert', 'microsoft.graph.security.alert': 'Alert' },
    },
  ];

  it.each(cases)('$rule', ({ given, want }) => {
    expect(assignNames(model(given)).typeNames).toEqual(want);
  });

  it.each(cases)('$rule: independent of declaration order', ({ given, want }) => {
    for (const order of permutations(given)) expect(assignNames(model(order)).typeNames).toEqual(want);
  });

  it('give every declaration of a namespace a distinct name', () => {
    const given = [obj('n.s.a'), enm('n.s.A'), obj('n.s.aEnum'), enm('n.s.a2'), obj('n.s.A2'), enm('n.s.a-2')];
    const names = Object.values(assignNames(model(given)).typeNames);
    expect(new Set(names).size).toEqual(given.length);
  });

  const aliasCases: { rule: string; given: string[]; want: Naming['namespaceAliases'] }[] = [
    { rule: 'last segment', given: ['microsoft.graph', 'microsoft.graph.callRecords'], want: { 'microsoft.graph': 'graph', 'microsoft.graph.callRecords': 'callRecords' } },
    { rule: 'reserved word', given: ['microsoft.graph.enum'], want: { 'microsoft.graph.enum': 'enum_' } },
    { rule: 'clash: more segments for the later namespace', given: ['microsoft.graph.security', 'other.security'], want: { 'microsoft.graph.security': 'security', 'other.security': 'other_security' } },
    { rule: 'clash: code-unit order decides', given: ['microsoft.graph', 'a.graph'], want: { 'a.graph': 'graph', 'microsoft.graph': 'microsoft_graph' } },
    { rule: 'clash left after all segments: a number', given: ['graph', 'x.graph', 'graph.graph'], want: { graph: 'graph', 'graph.graph': 'graph_graph', 'x.graph': 'x_graph' } },
  ];
  it.each(aliasCases)('namespace aliases: $rule', ({ given, want }) => {
    for (const order of permutations(given)) {
      expect(assignNames(model(order.map((namespace) => obj(`${namespace}.thing`)))).namespaceAliases).toEqual(want);
    }
  });
});
