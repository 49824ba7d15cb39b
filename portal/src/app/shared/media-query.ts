import { DestroyRef, type Signal, inject, signal } from '@angular/core';

/** Phones and small tablets: the side menu turns into a drawer below this width. */
export const NARROW_SCREEN = '(max-width: 767.98px)';

/**
 * A signal that follows a CSS media query (plain matchMedia, no CDK). Call in an injection
 * context; the listener goes away with the caller.
 */
export function mediaQuery(query: string): Signal<boolean> {
  const list = typeof matchMedia === 'function' ? matchMedia(query) : null;
  const matches = signal(list?.matches ?? false);
  if (list) {
    const onChange = (event: MediaQueryListEvent) => matches.set(event.matches);
    list.addEventListener('change', onChange);
    inject(DestroyRef).onDestroy(() => list.removeEventListener('change', onChange));
  }
  return matches.asReadonly();
}
