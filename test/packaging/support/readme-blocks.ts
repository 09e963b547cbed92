/**
 * The TypeScript examples of a Markdown file: every fenced block opened with ```ts, in order.
 */

/** The text of each ```ts block of `markdown`. */
export function typescriptBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  const fence = /^```ts[ \t]*\r?\n([\s\S]*?)^```[ \t]*$/gm;
  for (let m = fence.exec(markdown); m !== null; m = fence.exec(markdown)) blocks.push(m[1] ?? '');
  return blocks;
}
