/**
 * Infinite scroll: appends paragraphs at the end of the page in bursts, as a feed that loads more
 * does, and notes when each burst went in. The paragraphs are built in Node (so their matches are
 * known there) and arrive as plain data; they are turned into nodes here, text only.
 */
import { benchGlobals } from './api';
import type { Paragraph } from '../generated-pages';

function paragraphElement(paragraph: Paragraph): HTMLParagraphElement {
  const p = document.createElement('p');
  for (const piece of paragraph) {
    if (!piece.tag) {
      p.append(piece.text);
      continue;
    }
    const inline = document.createElement(piece.tag);
    if (piece.tag === 'a') inline.setAttribute('href', '#');
    inline.textContent = piece.text;
    p.append(inline);
  }
  return p;
}

benchGlobals().feed = async (bursts, intervalMs) => {
  const appendedAt: number[] = [];
  for (const burst of bursts) {
    const fragment = document.createDocumentFragment();
    for (const paragraph of burst) fragment.append(paragraphElement(paragraph));
    document.body.append(fragment);
    appendedAt.push(performance.now());
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return appendedAt;
};
