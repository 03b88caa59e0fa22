import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * Runs axe-core over the whole page and fails on serious or critical violations. Colour contrast
 * cannot be computed in jsdom (no layout); the palette in styles.css is chosen for AA instead.
 */
export async function expectAccessible(context: Element | Document = document): Promise<void> {
  const results = await axe.run(context, {
    resultTypes: ['violations'],
    rules: { 'color-contrast': { enabled: false } },
  });
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.html).join(' | ')}`);
  expect(serious).toEqual([]);
}
