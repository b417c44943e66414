/**
 * Prints a type expression as TypeScript, with precedence: an array of a
 * union is parenthesised. One exhaustive switch.
 */
import type { EdmPrimitive, TypeExpr } from '../model/ir.js';

const primitiveTypes: Readonly<Record<EdmPrimitive, string>> = {
  Binary: 'string',
  Boolean: 'boolean',
  Byte: 'number',
  Date: 'string',
  DateTimeOffset: 'string',
  Decimal: 'number',
  Double: 'number',
  Duration: 'string',
  Guid: 'string',
  Int16: 'number',
  Int32: 'number',
  Int64: 'number',
  SByte: 'number',
  Single: 'number',
  Stream: 'string',
  String: 'string',
  TimeOfDay: 'string',
};

export function primitiveType(name: EdmPrimitive): string {
  return primitiveTypes[name];
}

/** Printed types and whether they bind looser than `[]` (a union). */
interface Printed {
  readonly text: string;
  readonly union: boolean;
}

export type RefPrinter = (id: string) => string;

function print(type: TypeExpr, ref: RefPrinter): Printed {
  switch (type.kind) {
    case 'primitive':
      return { text: primitiveType(type.name), union: false };
    case 'ref':
      return { text: ref(type.id), union: false };
    case 'collection': {
      const element = print(type.element, ref);
      return { text: element.union ? `(${element.text})[]` : `${element.text}[]`, union: false };
    }
    case 'unknown':
      return { text: 'unknown', union: false };
    default: {
      const never: never = type;
      throw new Error(`internal: unhandled type ${JSON.stringify(never)}`);
    }
  }
}

export function printType(type: TypeExpr, ref: RefPrinter, nullable = false): string {
  const printed = print(type, ref);
  if (!nullable || printed.text === 'unknown') return printed.text;
  return `${printed.text} | null`;
}
