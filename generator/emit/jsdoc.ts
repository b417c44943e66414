/**
 * Descriptions as JSDoc text. The docs' descriptions are Markdown whose links
 * point at other pages of the doc set, which are not in the user's project:
 * a link to a page (or enum anchor) that defines a generated type becomes
 * `{@link Name}` (`{@link Name | text}` when the text says something else), a
 * link to an absolute URL stays a Markdown link (editors render it), and any
 * other link keeps its text only. Emphasis and code spans are kept as
 * written: editors render them. Nothing inside a code span is rewritten.
 */
import { posix } from 'node:path';

/** The TypeScript name a `{@link}` should use for a link key (`page.md` or `page.md#anchor`, lower case), or undefined. */
export type LinkResolver = (key: string) => string | undefined;

/** `[text](url "title")`, with one level of brackets allowed in the text (`[[x]](y)` is rare but legal); `!` before it makes an image. */
const inlineLink = /(!?)\[((?:[^[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
/** `[text][label]` and `[text][]`: their definitions are elsewhere on the page, not in the description. */
const referenceLink = /\[((?:[^[\]]|\[[^\]]*\])*)\]\[[^\]]*\]/g;

function decode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The link key of a URL written on page `file`, or undefined for URLs that lead out of the doc set. */
export function linkKey(file: string, url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/') || url.startsWith('//')) return undefined;
  const [path = '', anchor] = url.split('#');
  const page = path === '' ? file : posix.normalize(posix.join(posix.dirname(file), decode(path.replace(/\\/g, '/'))));
  if (!/\.md$/i.test(page)) return undefined;
  return `${page.toLowerCase()}${anchor ? `#${anchor.toLowerCase()}` : ''}`;
}

/** Link text as plain words: emphasis and code markers removed, for comparing with a type name. */
const plainText = (text: string): string => text.replace(/[*_`]/g, '').trim();

function rewriteLinks(markdown: string, file: string, resolve: LinkResolver): string {
  const withInline = markdown.replace(inlineLink, (_whole, image: string, text: string, url: string) => {
    if (image) return text;
    if (/^https?:\/\//i.test(url)) return `[${text}](${url})`;
    const key = linkKey(file, url);
    const name = key === undefined ? undefined : (resolve(key) ?? (key.includes('#') ? resolve(key.slice(0, key.indexOf('#'))) : undefined));
    if (name === undefined) return text;
    const shown = plainText(text);
    const bare = name.slice(name.lastIndexOf('.') + 1);
    return shown === '' || shown.toLowerCase() === bare.toLowerCase() ? `{@link ${name}}` : `{@link ${name} | ${shown.replace(/[{}]/g, '')}}`;
  });
  return withInline.replace(referenceLink, (_whole, text: string) => text);
}

/** A description (Markdown) as JSDoc text: links rewritten as above, code spans left alone. */
export function jsdocDescription(markdown: string, file: string, resolve: LinkResolver): string {
  // Split around code spans (backtick runs of equal length), rewriting only the text between them.
  const parts = markdown.split(/(`+)([\s\S]*?)\1/);
  let result = '';
  for (let i = 0; i < parts.length; i += 3) {
    result += rewriteLinks(parts[i] ?? '', file, resolve);
    if (i + 2 < parts.length) result += `${parts[i + 1] ?? ''}${parts[i + 2] ?? ''}${parts[i + 1] ?? ''}`;
  }
  return result;
}
