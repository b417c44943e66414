/**
 * Options that change what is generated. Plain data; every stage that needs
 * one reads it from here. The CLI fills them from graphdoc.config.json, the
 * package.json "graphdoc" key and flags; the programmatic API takes them as
 * an argument. Defaults are what the README documents.
 */

export interface EmitOptions {
  /**
   * How an enum is emitted:
   * - `const-object`: `export const X = { a: 'a' } as const` plus `export type X = (typeof X)[keyof typeof X]` (default);
   * - `union`: only `export type X = 'a' | 'b'` (no runtime value);
   * - `enum`: a TypeScript `export enum X { a = 'a' }`.
   */
  readonly enumStyle: 'const-object' | 'union' | 'enum';
  /**
   * When a property admits `null`:
   * - `documented`: unless its description says "not nullable", collections included (default);
   * - `always`: every property;
   * - `never`: no property.
   */
  readonly nullability: 'documented' | 'always' | 'never';
  /**
   * TypeScript type for Date, DateTimeOffset, TimeOfDay and Duration:
   * - `string`: plain `string` (default; JSON carries them as strings);
   * - `branded`: `string & { readonly __format?: 'date-time' }`-style branded strings, per format.
   */
  readonly dateMapping: 'string' | 'branded';
  /**
   * TypeScript type for Int64:
   * - `number`: as Graph serialises it (default);
   * - `string`: for services that send 64-bit integers as strings (IEEE754Compatible=true);
   * - `number-or-string`: either.
   */
  readonly int64Mapping: 'number' | 'string' | 'number-or-string';
  /**
   * Output files:
   * - `namespace`: one module per doc namespace plus index.ts (default);
   * - `type`: one module per declaration under a folder per namespace, plus index.ts barrels.
   */
  readonly layout: 'namespace' | 'type';
  /** Emit runtime validators (`isX`, `validateX`) next to the types. */
  readonly validators: boolean;
  /** Emit a JSON Schema (2020-12) file per namespace. */
  readonly jsonSchema: boolean;
  /**
   * Give open types an index signature, `[property: string]: unknown`. Off by
   * default: every interface deriving from an open type inherits it, and then
   * a misspelt property (`{ displayNme: 'x' }`) compiles.
   */
  readonly indexSignatures: boolean;
}

export const defaultEmitOptions: EmitOptions = {
  enumStyle: 'const-object',
  nullability: 'documented',
  dateMapping: 'string',
  int64Mapping: 'number',
  layout: 'namespace',
  validators: true,
  jsonSchema: false,
  indexSignatures: false,
};
