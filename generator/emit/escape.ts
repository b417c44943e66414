/**
 * The one place doc text becomes code. Every name, literal and comment taken
 * from a page goes through these helpers: string literals are JSON-escaped,
 * property keys are identifiers or quoted literals, identifiers that are not
 * identifiers are refused, and comment text cannot close its comment.
 */

const identifierPattern = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u;

export function isIdentifier(text: string): boolean {
  return identifierPattern.test(text);
}

/** A generated identifier: refuses anything that is not one (a bug upstream, never doc text). */
export function identifier(text: string): string {
  if (!isIdentifier(text)) throw new Error(`internal: not an identifier: ${JSON.stringify(text)}`);
  return text;
}

/** A string literal: JSON escaping, plus U+2028/U+2029, which older engines treat as line ends. */
export function stringLiteral(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * A property key in a type or object literal. `__proto__` is quoted and, in
 * object literals, must be computed (`["__proto__"]`) so that it defines a
 * property rather than the prototype.
 */
export function propertyKey(name: string, context: 'type' | 'object'): string {
  if (name === '__proto__') return context === 'object' ? `[${stringLiteral(name)}]` : stringLiteral(name);
  return isIdentifier(name) ? name : stringLiteral(name);
}

/** Text for a JSDoc comment: cannot end the comment, no control characters, `<br>` as line breaks. */
export function commentText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g, ' ')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
