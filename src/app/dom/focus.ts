/**
 * Focus after an action. A control that disables or removes itself (Add step, Use this dataset,
 * Discard) drops keyboard focus to <body>, and a keyboard user must start again from the top.
 */
import { tick } from 'svelte';

/**
 * Whether keyboard focus fell to the page itself, or is about to: no element holds it, or the one
 * that does was just disabled or removed. Chromium now moves focus off such an element only at
 * its next rendering (the HTML spec's focus fixup), after svelte's tick has already run.
 */
export function focusLost(): boolean {
  const el = document.activeElement;
  return !el || el === document.body || !el.isConnected || el.matches(':disabled');
}

/** Focus `element` only when focus fell to the page: never steal it from where the user moved it. */
export function refocus(element: HTMLElement | null | undefined): void {
  if (focusLost()) element?.focus();
}

/**
 * Once `done` settles and the page shows what it changed (svelte's tick), refocus the element
 * `target` names then (it may be one the change made): the flow of every control that turns
 * itself off while a worker works. Resolves to `done`'s value.
 */
export async function refocusAfter<T>(done: Promise<T>, target: () => HTMLElement | null | undefined): Promise<T> {
  const value = await done;
  await tick();
  refocus(target());
  return value;
}
