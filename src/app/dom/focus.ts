/**
 * Focus after an action. A control that disables or removes itself (Add step, Use this dataset,
 * Discard) drops keyboard focus to <body>, and a keyboard user must start again from the top.
 */

/** Whether keyboard focus fell to the page itself: no element holds it. */
export function focusLost(): boolean {
  return !document.activeElement || document.activeElement === document.body;
}

/** Focus `element` only when focus fell to the page: never steal it from where the user moved it. */
export function refocus(element: HTMLElement | null | undefined): void {
  if (focusLost()) element?.focus();
}
