// WCAG 2.x relative luminance and contrast ratio, used by the token contrast test.

export function parseHex(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const value = parseInt(match[1], 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  const [hi, lo] = la > lb ? [la, lb] : [lb, la];
  return (hi + 0.05) / (lo + 0.05);
}

/** Reads `selector { --name: #rrggbb; }` blocks from a plain CSS file. */
export function readCustomPropertyBlocks(css: string): { selector: string; vars: Record<string, string> }[] {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const blocks: { selector: string; vars: Record<string, string> }[] = [];
  const blockPattern = /([^{}]+)\{([^{}]*)\}/g;
  for (const match of withoutComments.matchAll(blockPattern)) {
    const selector = (match[1] ?? '').trim();
    const vars: Record<string, string> = {};
    for (const decl of (match[2] ?? '').split(';')) {
      const m = /^\s*(--[\w-]+)\s*:\s*(.+?)\s*$/.exec(decl);
      if (m?.[1] && m[2]) vars[m[1]] = m[2];
    }
    blocks.push({ selector, vars });
  }
  return blocks;
}
