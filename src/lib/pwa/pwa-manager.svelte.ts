import type { Workbox } from 'workbox-window';
import { CONFIG_URL } from '../config/load-config';

/**
 * Owns the service worker. It is registered only once the person has agreed to store data on this
 * device: an anonymous session leaves no app cache behind either.
 */
/** Caches the service worker fills: workbox's precache and the runtime caches named in vite.config.ts. */
const WORKER_CACHES = /^(workbox-|solace-config$|solace-assets$)/;

export class PwaManager {
  #updateAvailable = $state(false);
  #offlineReady = $state(false);
  #workbox: Workbox | undefined;

  get updateAvailable() {
    return this.#updateAvailable;
  }
  get offlineReady() {
    return this.#offlineReady;
  }

  async register(): Promise<void> {
    if (this.#workbox || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    const { Workbox } = await import('workbox-window');
    const wb = new Workbox('sw.js', { scope: './' });
    this.#workbox = wb;
    wb.addEventListener('waiting', () => {
      this.#updateAvailable = true;
    });
    wb.addEventListener('activated', (event) => {
      if (!event.isUpdate) this.#offlineReady = true;
    });
    wb.addEventListener('controlling', (event) => {
      if (event.isUpdate) return;
      // The first page load happened before the worker existed: fetch the config again through it so
      // that its runtime cache holds a copy for offline starts.
      fetch(CONFIG_URL, { cache: 'no-cache' }).catch(() => undefined);
    });
    await wb.register();
  }

  /** Activates the waiting worker, then reloads once it controls the page. */
  applyUpdate(): void {
    const wb = this.#workbox;
    if (!wb) return;
    wb.addEventListener('controlling', () => location.reload());
    wb.messageSkipWaiting();
  }

  dismissUpdate(): void {
    this.#updateAvailable = false;
  }

  dismissOfflineReady(): void {
    this.#offlineReady = false;
  }

  /**
   * Unregisters the worker and deletes the caches it filled (app shell, config, app code). Model caches
   * are not its to delete: erasing decides about those, and may have been asked to keep them.
   */
  async unregister(): Promise<void> {
    const registrations = (await navigator.serviceWorker?.getRegistrations?.()) ?? [];
    await Promise.all(registrations.map((r) => r.unregister()));
    if ('caches' in globalThis) {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => WORKER_CACHES.test(name)).map((name) => caches.delete(name)));
    }
    this.#workbox = undefined;
  }
}

export const pwa = new PwaManager();
