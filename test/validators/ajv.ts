/**
 * Ajv (2020-12) loaded with the generated JSON Schema files, for tests and
 * the benchmark. Formats are the runtime's own checks (`formats`), so that the
 * schema and the generated validators apply the same Edm rules.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { formats } from '../../generator/runtime/validation.js';

export interface SchemaSet {
  readonly ajv: Ajv2020;
  /** A compiled validator for a def: `microsoft.graph.schema.json`, `user`. */
  readonly compile: (file: string, def: string) => ValidateFunction;
}

export function loadSchemas(files: ReadonlyMap<string, string>, options: { allErrors?: boolean } = {}): SchemaSet {
  const ajv = new Ajv2020({ strict: true, allErrors: options.allErrors ?? false, validateFormats: true });
  for (const [name, check] of Object.entries(formats)) ajv.addFormat(name, check);
  for (const [path, text] of files) if (path.endsWith('.schema.json')) ajv.addSchema(JSON.parse(text) as object);
  return {
    ajv,
    compile: (file, def) => {
      const validate = ajv.getSchema(`${file}#/$defs/${def.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      if (!validate) throw new Error(`no schema ${file}#/$defs/${def}`);
      return validate;
    },
  };
}
