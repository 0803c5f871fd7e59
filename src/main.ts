import { mount } from 'svelte';
import App from './app/App.svelte';
import { flushAll, hasUnsavedWork } from './shared/flush-registry';
import { callImportWorker } from './workers/import-client';
import { callPrepareWorker } from './workers/prepare-client';
import { callTrainWorker } from './workers/train-client';
import { workerCallback } from './workers/worker-handle';
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

// Benchmarks only (`vite build --mode bench`): lets them time steps the UI does not time,
// such as loading a stored dataset back. The branch is removed from normal builds.
if (import.meta.env.MODE === 'bench') {
  (window as unknown as { __looplab: unknown }).__looplab = { callImportWorker, callPrepareWorker, callTrainWorker, workerCallback };
}
