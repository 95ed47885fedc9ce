import type { ConfigProblem, Locale } from '../config/schema';
import { resolveConfig, type DeploymentConfig } from '../config/defaults';
import { detectRegion, resourcesFor } from '../config/regions';
import { loadDeploymentConfig } from '../config/load-config';
import { localize, matchLocale, translate, type MessageKey, type Params } from '../i18n';
import {
  clearPreferences,
  makeConsent,
  readConsent,
  readPreference,
  writePreference,
  type Consent,
  type StorageChoice,
} from './preferences';

/** Screens in the main navigation, in order. */
export const ROUTES = ['chat', 'checkin', 'mood', 'tools', 'settings'] as const;
/** Screens reached from elsewhere (Get help now, Tools), not from the navigation bar. */
export const EXTRA_ROUTES = ['safety-plan'] as const;
export type Route = (typeof ROUTES)[number] | (typeof EXTRA_ROUTES)[number];
const ALL_ROUTES: readonly string[] = [...ROUTES, ...EXTRA_ROUTES];

export type AppPhase = 'loading' | 'config-error' | 'consent' | 'ready';

function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '');
  return ALL_ROUTES.includes(name) ? (name as Route) : 'chat';
}

/** The shell's state: config, language, consent, region and the current screen. One instance: `app`. */
export class AppManager {
  #config = $state.raw<DeploymentConfig>(resolveConfig());
  #configProblems = $state.raw<ConfigProblem[]>([]);
  #phase = $state<AppPhase>('loading');
  #locale = $state<Locale>('en');
  #consent = $state.raw<Consent | undefined>(undefined);
  #region = $state('INTL');
  #route = $state<Route>('chat');
  #helpOpen = $state(false);

  get config() {
    return this.#config;
  }
  get configProblems() {
    return this.#configProblems;
  }
  get phase() {
    return this.#phase;
  }
  get locale() {
    return this.#locale;
  }
  get consent() {
    return this.#consent;
  }
  get storesOnDevice() {
    return this.#consent?.storage === 'device';
  }
  get region() {
    return this.#region;
  }
  get route() {
    return this.#route;
  }
  get helpOpen() {
    return this.#helpOpen;
  }
  get appName() {
    return localize(this.#config.organization.name, this.#locale);
  }
  get crisisResources() {
    return resourcesFor(this.#config.crisisResources, this.#region);
  }
  get regionOptions() {
    return Object.keys(this.#config.crisisResources);
  }

  t = (key: MessageKey, params?: Params): string => translate(this.#locale, key, params);

  async start(): Promise<void> {
    this.#consent = readConsent();
    this.#applyLocale(this.#pickLocale(this.#config));
    const loaded = await loadDeploymentConfig();
    if (loaded.kind === 'invalid') {
      this.#region = this.#pickRegion(this.#config);
      this.#configProblems = loaded.problems;
      this.#phase = 'config-error';
      return;
    }
    this.#config = loaded.config;
    this.#applyLocale(this.#pickLocale(loaded.config));
    this.#region = this.#pickRegion(loaded.config);
    this.#route = routeFromHash(location.hash);
    this.#phase = this.#consent ? 'ready' : 'consent';
  }

  #pickLocale(config: DeploymentConfig): Locale {
    const enabled = config.locales.enabled;
    const saved = readPreference('locale');
    if (this.#consent && saved && (enabled as string[]).includes(saved)) return saved as Locale;
    for (const tag of navigator.languages ?? [navigator.language]) {
      const match = matchLocale(tag, enabled);
      if (match) return match;
    }
    return config.locales.default;
  }

  #pickRegion(config: DeploymentConfig): string {
    const available = Object.keys(config.crisisResources);
    if (config.region && available.includes(config.region)) return config.region;
    const saved = readPreference('region');
    if (this.#consent && saved && available.includes(saved)) return saved;
    return detectRegion(
      {
        languages: navigator.languages ?? [navigator.language],
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      },
      available,
    );
  }

  #applyLocale(locale: Locale): void {
    this.#locale = locale;
    document.documentElement.lang = locale;
  }

  setLocale(locale: Locale): void {
    this.#applyLocale(locale);
    if (this.storesOnDevice) writePreference('locale', locale);
  }

  setRegion(region: string): void {
    this.#region = region;
    if (this.storesOnDevice) writePreference('region', region);
  }

  giveConsent(storage: StorageChoice): void {
    const consent = makeConsent(storage);
    this.#consent = consent;
    if (storage === 'device') {
      writePreference('consent', JSON.stringify(consent));
      writePreference('locale', this.#locale);
    }
    this.#phase = 'ready';
  }

  /** Withdraws consent to storage; what was stored is removed and the first-run screen shows again. */
  withdrawConsent(): void {
    clearPreferences();
    this.#consent = undefined;
    this.#phase = 'consent';
  }

  navigate(route: Route): void {
    this.#route = route;
    if (location.hash !== `#/${route}`) history.pushState(null, '', `#/${route}`);
  }

  syncRouteFromLocation(): void {
    this.#route = routeFromHash(location.hash);
  }

  openHelp(): void {
    this.#helpOpen = true;
  }

  closeHelp(): void {
    this.#helpOpen = false;
  }
}

export const app = new AppManager();
