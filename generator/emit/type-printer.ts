/**
 * Prints a type expression as TypeScript, with precedence: an array of a
 * union is parenthesised. One exhaustive switch.
 */
import type { TypeExpr } from '../model/ir.js';
import type { EmitOptions } from '../options.js';
import { primitiveTypeScript } from './policy.js';

/** Printed types and whether they bind looser than `[]` (a union). */
interface Printed {
  readonly text: string;
  readonly union: boolean;
}

export type RefPrinter = (id: string) => string;

function print(type: TypeExpr, ref: RefPrinter, options: EmitOptions): Printed {
  switch (type.kind) {
    case 'primitive': {
      const text = primitiveTypeScript(type.name, options);
      return { text, union: /[|&]/.test(text) };
    }
    case 'ref':
      return { text: ref(type.id), union: false };
    case 'collection': {
      const element = print(type.element, ref, options);
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

export function printType(type: TypeExpr, ref: RefPrinter, options: EmitOptions, nullable = false): string {
  const printed = print(type, ref, options);
  if (!nullable || printed.text === 'unknown') return printed.text;
  return `${printed.text} | null`;
}
