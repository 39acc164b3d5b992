import { useEffect, type RefObject } from 'react';

/**
 * Keeps a CSS custom property on the root element equal to a sticky element's height, so
 * `scroll-padding-top` can keep entries that are scrolled to (by a link, by focus or by the
 * address) from hiding under the sticky search bar, whose height changes as its controls wrap.
 */
export function useStickyHeight(ref: RefObject<HTMLElement | null>, property: `--${string}`): void {
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const root = element.ownerDocument.documentElement;
    const update = () =>
      root.style.setProperty(property, `${Math.ceil(element.getBoundingClientRect().height)}px`);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty(property);
    };
  }, [ref, property]);
}
