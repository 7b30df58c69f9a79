/**
 * Registers the service worker (dist/sw.js, written by scripts/service-worker.ts) in
 * builds only: the dev server's modules change on every edit. Called once the
 * engine is ready and the notebook's first run is over, so the first visit's precache
 * competes with neither (on two cores it made the first Run all ~0.9 s later).
 */
export function registerServiceWorker(): void {
  // MODE, not PROD: PROD follows NODE_ENV, which the end-to-end tests' build runs under as
  // "test"; MODE is "production" for every `vite build` and "development" for the dev server.
  if (import.meta.env.MODE !== 'production' || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('./sw.js').catch((error: unknown) => {
    // Offline use is a bonus; the page works without it.
    console.warn('Service worker not registered:', error);
  });
}
