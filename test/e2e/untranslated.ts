import type { Page } from 'playwright-core';
import { untranslatedWords } from '../helpers/technical-tokens';

/**
 * Visible text in the page that is still in English: every text node outside elements marked translate="no"
 * (certificate contents, file names, fingerprints, versions), reduced to words that are not technical tokens.
 * `data` lists values interpolated into sentences (file names, CNs), which are left out too.
 * Also checks aria-label, title and placeholder attributes, which screen readers speak.
 */
export async function untranslatedText(page: Page, data: string[] = []): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const skip = (el: Element | null) => !!el?.closest('[translate="no"], script, style, [hidden], [aria-hidden="true"]');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text && !skip(node.parentElement)) out.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (skip(el)) continue;
      for (const attr of ['aria-label', 'title', 'placeholder']) {
        const value = el.getAttribute(attr);
        if (value) out.push(value);
      }
    }
    return out;
  });
  // values shown inside translated sentences (file names, CNs) are data, not UI text
  const strip = (text: string) => data.reduce((t, value) => t.split(value).join(' '), text);
  return texts.flatMap((text) => untranslatedWords(strip(text)).map((word) => `${word} (in "${text.slice(0, 80)}")`));
}
