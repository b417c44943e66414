/**
 * Type structures: model declarations → ts-morph structures (or, where
 * ts-morph's printer falls short, statement text), as pure functions.
 * Objects become exported interfaces; enums follow `options.enumStyle`.
 */
import type {
  EnumDeclarationStructure,
  InterfaceDeclarationStructure,
  JSDocStructure,
  OptionalKind,
  PropertySignatureStructure,
  TypeAliasDeclarationStructure,
} from 'ts-morph';
import type { Origin } from '../diagnostics.js';
import type { EnumDeclaration, EnumMember, ObjectDeclaration, Property } from '../model/ir.js';
import type { EmitOptions } from '../options.js';
import { commentText, identifier, propertyKey, stringLiteral } from './escape.js';
import { isNullable } from './policy.js';
import { printType, type RefPrinter } from './type-printer.js';
import { tsMorph } from './ts-morph.js';

/** Everything the structures need to know beyond the declaration itself. */
export interface TypeContext {
  /** How to print a reference to a declaration id from the current module. */
  readonly ref: RefPrinter;
  /** TypeScript name of a declaration id. */
  readonly nameOf: (id: string) => string;
  /**
   * Properties an object has through its base chain, by name, with their
   * types printed canonically (references as declaration ids), so that
   * comparing them records no imports.
   */
  readonly inherited: (id: string) => ReadonlyMap<string, string>;
  readonly options: EmitOptions;
  /** A description written on page `file` as JSDoc text: links to generated types as `{@link Name}` (see jsdoc.ts). */
  readonly describe: (markdown: string, file: string) => string;
}

export type Statement = string | InterfaceDeclarationStructure | TypeAliasDeclarationStructure | EnumDeclarationStructure;

/** The JSDoc of a declaration, property or member: its description (links rewritten, escaped), its source, tags. */
function docs(context: TypeContext, description: string, origin: Origin, tags: readonly string[] = []): OptionalKind<JSDocStructure>[] {
  const lines = [commentText(context.describe(description, origin.file)), `Source: ${commentText(`${origin.file}:${origin.line}`)}`, ...tags].filter((l) => l !== '');
  return [{ kind: tsMorph().StructureKind.JSDoc, description: lines.join('\n') }];
}

/** A JSDoc structure as comment text, for statements printed as text. */
function jsDocText(structures: readonly OptionalKind<JSDocStructure>[]): string {
  const description = String(structures[0]?.description ?? '');
  const lines = description.split('\n');
  return lines.length === 1 ? `/** ${lines[0]} */\n` : `/**\n${lines.map((l) => (l === '' ? ' *' : ` * ${l}`)).join('\n')}\n */\n`;
}

/**
 * A String property with documented values is typed as an open union,
 * `'a' | 'b' | (string & {})`: editors suggest the documented values, and
 * any other string is still accepted, since docs often list only some.
 */
/** References printed as declaration ids: for comparing types, never for output. */
export const canonicalRef: RefPrinter = (id) => id;

export function propertyType(property: Property, ref: RefPrinter, options: EmitOptions): string {
  const nullable = isNullable(property, options);
  const known = property.knownValues ?? [];
  const { type } = property;
  const isString = (t: typeof type) => t.kind === 'primitive' && t.name === 'String';
  if (known.length === 0 || !(isString(type) || (type.kind === 'collection' && isString(type.element)))) return printType(type, ref, options, nullable);
  const union = `${known.map((v) => stringLiteral(v)).join(' | ')} | (string & {})`;
  const printed = type.kind === 'collection' ? `(${union})[]` : union;
  return nullable ? `${printed} | null` : printed;
}

function propertyStructure(property: Property, context: TypeContext): OptionalKind<PropertySignatureStructure> {
  const tags = property.facets.readOnly ? ['@readonly'] : [];
  return {
    kind: tsMorph().StructureKind.PropertySignature,
    name: propertyKey(property.name, 'type'),
    type: propertyType(property, context.ref, context.options),
    hasQuestionToken: true,
    docs: docs(context, property.description, property.origin, tags),
  };
}

export function interfaceStructure(declaration: ObjectDeclaration, context: TypeContext): InterfaceDeclarationStructure {
  const extendsList: string[] = [];
  if (declaration.baseId) {
    const inherited = context.inherited(declaration.baseId);
    const overridden = declaration.properties
      .filter((p) => inherited.has(p.name) && inherited.get(p.name) !== propertyType(p, canonicalRef, context.options))
      .map((p) => stringLiteral(p.name));
    const base = context.ref(declaration.baseId);
    extendsList.push(overridden.length > 0 ? `Omit<${base}, ${overridden.join(' | ')}>` : base);
  }
  return {
    kind: tsMorph().StructureKind.Interface,
    name: identifier(context.nameOf(declaration.id)),
    isExported: true,
    extends: extendsList,
    docs: docs(context, declaration.description, declaration.origin, declaration.open ? ['Open type: may carry properties not listed here.'] : []),
    properties: declaration.properties.map((p) => propertyStructure(p, context)),
    // An open type accepts any further property; typed so only on request (`indexSignatures`), as derived interfaces inherit it.
    ...(declaration.open && context.options.indexSignatures ? { indexSignatures: [{ keyName: 'property', keyType: 'string', returnType: 'unknown' }] } : {}),
  };
}

function memberDoc(context: TypeContext, member: EnumMember): string | undefined {
  return member.description === '' ? undefined : commentText(context.describe(member.description, member.origin.file)).replace(/\n/g, ' ');
}

/** The union of an enum's members as string literal types. */
function memberUnion(declaration: EnumDeclaration): string {
  return declaration.members.map((m) => stringLiteral(m.name)).join(' | ');
}

/** A flags enum's type also admits comma-separated combinations of members. */
function withFlags(declaration: EnumDeclaration, union: string): string {
  return declaration.flags ? `${union} | \`\${${union}},\${string}\`` : union;
}

export function enumStatements(declaration: EnumDeclaration, context: TypeContext): Statement[] {
  const name = identifier(context.nameOf(declaration.id));
  const tags = declaration.flags ? ['Flags: a value may combine members, comma-separated.'] : [];
  const documentation = docs(context, declaration.description, declaration.origin, tags);
  if (declaration.members.length === 0) {
    return [{ kind: tsMorph().StructureKind.TypeAlias, name, isExported: true, type: 'string', docs: documentation }];
  }
  switch (context.options.enumStyle) {
    case 'union':
      return [{ kind: tsMorph().StructureKind.TypeAlias, name, isExported: true, type: withFlags(declaration, memberUnion(declaration)), docs: documentation }];
    case 'enum': {
      const enumStructure: EnumDeclarationStructure = {
        kind: tsMorph().StructureKind.Enum,
        name,
        isExported: true,
        docs: documentation,
        members: declaration.members.map((m) => {
          const doc = memberDoc(context, m);
          return { name: propertyKey(m.name, 'type'), value: m.name, ...(doc ? { docs: [doc] } : {}) };
        }),
      };
      return [enumStructure];
    }
    case 'const-object': {
      // Printed as text: ts-morph's printer mis-indents multi-line variable initializers.
      const lines = declaration.members.flatMap((member) => {
        const doc = memberDoc(context, member);
        return [...(doc ? [`  /** ${doc} */`] : []), `  ${propertyKey(member.name, 'object')}: ${stringLiteral(member.name)},`];
      });
      const constant = `${jsDocText(documentation)}export const ${name} = {\n${lines.join('\n')}\n} as const;`;
      const union = `(typeof ${name})[keyof typeof ${name}]`;
      return [constant, { kind: tsMorph().StructureKind.TypeAlias, name, isExported: true, type: withFlags(declaration, union), docs: documentation }];
    }
  }
}
