import { describe, expect, it } from '@jest/globals';
import type { Page } from '../dto/page.js';
import { pagesSince } from './pages-since.js';

function lister(pages: Record<number, Page<string>>) {
  const asked: number[] = [];
  const list = async ({ after }: { after: number }) => {
    asked.push(after);
    return pages[after] ?? { items: [], versionMax: null };
  };
  return { list, asked };
}

describe('pagesSince', () => {
  it('follows version.max until a page comes back empty', async () => {
    const { list, asked } = lister({
      10: { items: ['a', 'b'], versionMax: 12 },
      12: { items: ['c'], versionMax: 20 },
      20: { items: [], versionMax: null },
    });
    const seen: string[] = [];
    for await (const page of pagesSince(list, 10)) seen.push(...page.items);
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(asked).toEqual([10, 12, 20]);
  });

  it('starts from the beginning by default', async () => {
    const { list, asked } = lister({ 0: { items: ['a'], versionMax: 1 } });
    const pages = [];
    for await (const page of pagesSince(list)) pages.push(page);
    expect(pages).toHaveLength(1);
    expect(asked).toEqual([0, 1]);
  });

  it('stops instead of looping when the cursor does not advance', async () => {
    const { list, asked } = lister({ 5: { items: ['a'], versionMax: 5 }, 7: { items: ['b'], versionMax: null } });
    const seen: string[] = [];
    for await (const page of pagesSince(list, 5)) seen.push(...page.items);
    for await (const page of pagesSince(list, 7)) seen.push(...page.items);
    expect(seen).toEqual(['a', 'b']);
    expect(asked).toEqual([5, 7]);
  });
});
