/**
 * Output paths. Every emitted path goes through one registry that refuses
 * two paths equal without regard to case (they are one file on Windows and
 * macOS), and a file where another path needs a folder. The names it builds
 * are made so that the registry never has to refuse: namespace stems avoid
 * the fixed files (`index.ts`, `validators.ts`, `runtime/validation.ts`) and
 * the names other namespaces' files take (`<ns>.validators.ts`,
 * `<ns>.schema.json`), and type files avoid their folder's `index` files.
 */
import type { EmitOptions } from '../options.js';
import { compareCodeUnits } from '../order.js';

/** Files every run may emit, whatever the docs say. */
export const fixedPaths = {
  index: 'index.ts',
  /** The validators entry: every namespace's isX / validateX, and the runtime's public types. */
  validators: 'validators.ts',
  runtime: 'runtime/validation.ts',
} as const;

/** A namespace as a file or folder name: anything but word characters, dots and hyphens replaced. */
export function namespaceFileStem(namespace: string): string {
  return namespace.replace(/[^\w.-]/g, '_').replace(/^\.+/, '_');
}

/** Stems the fixed files use (their first path segment, without extension). */
const fixedStems: ReadonlySet<string> = new Set(Object.values(fixedPaths).map((p) => (p.split('/')[0] ?? p).replace(/\.ts$/, '').toLowerCase()));

/** Endings that would make a namespace's file look like another namespace's (`x.validators.ts`) or like a file with an extension. */
const refusedEndings = ['.validators', '.schema', '.ts', '.js', '.json'];

function refusedStem(lower: string): boolean {
  return fixedStems.has(lower) || refusedEndings.some((ending) => lower.endsWith(ending));
}

export interface OutputPaths {
  readonly layout: EmitOptions['layout'];
  /** The namespace as a file (namespace layout) or folder (type layout) name. */
  readonly stem: (namespace: string) => string;
  /** The module that exports the namespace's types: `<stem>.ts`, or the folder's barrel `<stem>/index.ts`. */
  readonly typeModule: (namespace: string) => string;
  /** Type layout: the file name (without `.ts`) of one type's module in its namespace's folder. */
  readonly typeFileStem: (namespace: string, typeName: string) => string;
  readonly validatorModule: (namespace: string) => string;
  readonly schema: (namespace: string) => string;
}

/**
 * Paths for these namespaces and, per namespace, the TypeScript names of its
 * declarations. Stems are assigned in code-unit order of the namespaces, so
 * the result depends only on the set of names.
 */
export function outputPaths(namespaces: Iterable<string>, typeNames: ReadonlyMap<string, readonly string[]>, layout: EmitOptions['layout']): OutputPaths {
  const stems = new Map<string, string>();
  const takenStems = new Set<string>();
  for (const namespace of [...new Set(namespaces)].sort(compareCodeUnits)) {
    let stem = namespaceFileStem(namespace);
    while (refusedStem(stem.toLowerCase()) || takenStems.has(stem.toLowerCase())) stem = `${stem}_`;
    takenStems.add(stem.toLowerCase());
    stems.set(namespace, stem);
  }
  const typeFiles = new Map<string, Map<string, string>>();
  for (const [namespace, names] of typeNames) {
    const files = new Map<string, string>();
    const taken = new Set(['index']);
    for (const name of [...names].sort(compareCodeUnits)) {
      let file = name;
      while (taken.has(file.toLowerCase())) file = `${file}_`;
      taken.add(file.toLowerCase());
      files.set(name, file);
    }
    typeFiles.set(namespace, files);
  }
  const stem = (namespace: string): string => {
    const found = stems.get(namespace);
    if (found === undefined) throw new Error(`internal: no file stem for namespace ${namespace}`);
    return found;
  };
  return {
    layout,
    stem,
    typeModule: (namespace) => (layout === 'namespace' ? `${stem(namespace)}.ts` : `${stem(namespace)}/index.ts`),
    typeFileStem: (namespace, typeName) => {
      const file = typeFiles.get(namespace)?.get(typeName);
      if (file === undefined) throw new Error(`internal: no file for type ${typeName} of ${namespace}`);
      return file;
    },
    validatorModule: (namespace) => (layout === 'namespace' ? `${stem(namespace)}.validators.ts` : `${stem(namespace)}/index.validators.ts`),
    schema: (namespace) => `${stem(namespace)}.schema.json`,
  };
}

/** `./x.js` for a module path relative to the module at `from` (both output paths, `/`-separated). */
export function moduleSpecifier(from: string, to: string): string {
  const fromParts = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common]) common++;
  const up = fromParts.length - common;
  const rest = toParts.slice(common).join('/').replace(/\.ts$/, '.js');
  return up === 0 ? `./${rest}` : `${'../'.repeat(up)}${rest}`;
}

/**
 * The emitted files, by path: a map that refuses a path equal to another
 * without regard to case, or one that is a file where another path has a
 * folder. A refusal is a generator bug (the names above avoid it): it throws.
 */
export class EmittedFileMap {
  readonly #files = new Map<string, string>();
  readonly #lowerFiles = new Map<string, string>();
  readonly #lowerFolders = new Map<string, string>();

  set(path: string, text: string): void {
    const lower = path.toLowerCase();
    const clash = this.#lowerFiles.get(lower) ?? this.#lowerFolders.get(lower);
    if (clash !== undefined) throw new Error(`internal: output path ${JSON.stringify(path)} clashes with ${JSON.stringify(clash)} (paths are compared without regard to case)`);
    const segments = path.split('/');
    for (let i = 1; i < segments.length; i++) {
      const folder = segments.slice(0, i).join('/');
      const file = this.#lowerFiles.get(folder.toLowerCase());
      if (file !== undefined) throw new Error(`internal: output path ${JSON.stringify(path)} needs ${JSON.stringify(file)} to be a folder`);
      const known = this.#lowerFolders.get(folder.toLowerCase()) ?? folder;
      if (known !== folder) throw new Error(`internal: output folder ${JSON.stringify(folder)} clashes with ${JSON.stringify(known)} (paths are compared without regard to case)`);
      this.#lowerFolders.set(folder.toLowerCase(), folder);
    }
    this.#files.set(path, text);
    this.#lowerFiles.set(lower, path);
  }

  get(path: string): string | undefined {
    return this.#files.get(path);
  }

  /** The files sorted by path in code-unit order. */
  sorted(): Map<string, string> {
    return new Map([...this.#files.entries()].sort(([a], [b]) => compareCodeUnits(a, b)));
  }
}
