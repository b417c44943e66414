/**
 * Parse stage: markdown text → mdast, with GFM tables and YAML front matter.
 * Nothing else: no interpretation happens here.
 */
import type { Root } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

/**
 * Adds GFM tables only (not the rest of GFM: autolink literals, footnotes and
 * strikethrough are of no use to the extractor and cost parse time).
 */
function remarkGfmTable(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkGfmTable).use(remarkFrontmatter, ['yaml']);

/** Strips a byte-order mark so that positions count from the first visible character. */
export function normalizeSource(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
