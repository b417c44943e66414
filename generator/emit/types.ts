/**
 * Type structures: model declarations → ts-morph structures, as pure
 * functions. Objects become exported interfaces; enums an `as const` object
 * plus a same-name union type.
 */
import {
  StructureKind,
  type InterfaceDeclarationStructure,
  type JSDocStructure,
  type OptionalKind,
  type PropertySignatureStructure,
  type TypeAliasDeclarationStructure,
} from 'ts-morph';
import type { Origin } from '../diagnostics.js';
import type { EnumDeclaration, ObjectDeclaration, Property } from '../model/ir.js';
import { commentText, identifier, propertyKey, stringLiteral } from './escape.js';
import { printType, type RefPrinter } from './type-printer.js';

/** Everything the structures need to know beyond the declaration itself. */
export interface TypeContext {
  /** How to print a reference to a declaration id from the current module. */
  readonly ref: RefPrinter;
  /** TypeScript name of a declaration id. */
  readonly nameOf: (id: string) => string;
  /** Properties an object inherits, by name, with their printed types. */
  readonly inherited: (id: string) => ReadonlyMap<string, string>;
}

function docs(description: string, origin: Origin, tags: readonly string[] = []): OptionalKind<JSDocStructure>[] {
  const lines = [commentText(description), `Source: ${commentText(`${origin.file}:${origin.line}`)}`, ...tags].filter((l) => l !== '');
  return [{ kind: StructureKind.JSDoc, description: lines.join('\n') }];
}

/** Nullability policy: a property may be null unless the docs say "not nullable"; collections are never null (OData returns empty). */
export function isNullable(property: Property): boolean {
  return property.type.kind !== 'collection' && property.facets.nullable !== false;
}

export function propertyType(property: Property, ref: RefPrinter): string {
  return printType(property.type, ref, isNullable(property));
}

function propertyStructure(property: Property, ref: RefPrinter): OptionalKind<PropertySignatureStructure> {
  const tags = property.facets.readOnly ? ['@readonly'] : [];
  return {
    kind: StructureKind.PropertySignature,
    name: propertyKey(property.name, 'type'),
    type: propertyType(property, ref),
    hasQuestionToken: true,
    docs: docs(property.description, property.origin, tags),
  };
}

export function interfaceStructure(declaration: ObjectDeclaration, context: TypeContext): InterfaceDeclarationStructure {
  const extendsList: string[] = [];
  if (declaration.baseId) {
    const inherited = context.inherited(declaration.baseId);
    const overridden = declaration.properties
      .filter((p) => inherited.has(p.name) && inherited.get(p.name) !== propertyType(p, context.ref))
      .map((p) => stringLiteral(p.name));
    const base = context.ref(declaration.baseId);
    extendsList.push(overridden.length > 0 ? `Omit<${base}, ${overridden.join(' | ')}>` : base);
  }
  return {
    kind: StructureKind.Interface,
    name: identifier(context.nameOf(declaration.id)),
    isExported: true,
    extends: extendsList,
    docs: docs(declaration.description, declaration.origin, declaration.open ? ['Open type: may carry properties not listed here.'] : []),
    properties: declaration.properties.map((p) => propertyStructure(p, context.ref)),
    // An open type accepts any further property.
    ...(declaration.open ? { indexSignatures: [{ keyName: 'property', keyType: 'string', returnType: 'unknown' }] } : {}),
  };
}

/** A JSDoc structure as comment text. */
function jsDocText(structures: readonly OptionalKind<JSDocStructure>[]): string {
  const description = String(structures[0]?.description ?? '');
  const lines = description.split('\n');
  return lines.length === 1 ? `/** ${lines[0]} */\n` : `/**\n${lines.map((l) => (l === '' ? ' *' : ` * ${l}`)).join('\n')}\n */\n`;
}

export function enumStructures(declaration: EnumDeclaration, context: TypeContext): (string | TypeAliasDeclarationStructure)[] {
  const name = identifier(context.nameOf(declaration.id));
  const tags = declaration.flags ? ['Flags: a value may combine members, comma-separated.'] : [];
  const documentation = docs(declaration.description, declaration.origin, tags);
  if (declaration.members.length === 0) {
    return [{ kind: StructureKind.TypeAlias, name, isExported: true, type: 'string', docs: documentation }];
  }
  // Printed as text: ts-morph's printer mis-indents multi-line variable initializers.
  const lines = declaration.members.flatMap((member) => [
    ...(member.description === '' ? [] : [`  /** ${commentText(member.description).replace(/\n/g, ' ')} */`]),
    `  ${propertyKey(member.name, 'object')}: ${stringLiteral(member.name)},`,
  ]);
  const constant = `${jsDocText(documentation)}export const ${name} = {\n${lines.join('\n')}\n} as const;`;
  const union = `(typeof ${name})[keyof typeof ${name}]`;
  const alias: TypeAliasDeclarationStructure = {
    kind: StructureKind.TypeAlias,
    name,
    isExported: true,
    type: declaration.flags ? `${union} | \`\${${union}},\${string}\`` : union,
    docs: documentation,
  };
  return [constant, alias];
}
