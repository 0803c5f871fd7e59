import { mount } from 'svelte';
import App from './app/App.svelte';
import { flushAll, hasUnsavedWork } from './shared/flush-registry';
import './app/app.css';

// Write debounced edits before the tab can be frozen or closed.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') void flushAll();
});
window.addEventListener('pagehide', () => void flushAll());
window.addEventListener('beforeunload', (event) => {
  if (!hasUnsavedWork()) return;
  void flushAll();
  event.preventDefault();
});

mount(App, { target: document.getElementById('app')! });
