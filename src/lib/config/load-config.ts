import { parseDeploymentConfig, type ConfigProblem } from './schema';
import { resolveConfig, type DeploymentConfig } from './defaults';

export const CONFIG_URL = 'solace.config.json';

export type ConfigLoadResult =
  | { kind: 'ok'; config: DeploymentConfig; source: 'file' | 'defaults' }
  | { kind: 'invalid'; problems: ConfigProblem[] };

/**
 * Reads and validates the deployment config. A missing file (404, or a static host's HTML fallback for
 * unknown paths, or no network and no cached copy) means built-in defaults; an invalid one is reported.
 */
export async function loadDeploymentConfig(fetchImpl: typeof fetch = fetch): Promise<ConfigLoadResult> {
  let response: Response;
  try {
    response = await fetchImpl(CONFIG_URL, { cache: 'no-cache' });
  } catch {
    return { kind: 'ok', config: resolveConfig(), source: 'defaults' };
  }
  const type = response.headers.get('content-type') ?? '';
  if (response.status === 404 || (response.ok && type.includes('text/html'))) {
    return { kind: 'ok', config: resolveConfig(), source: 'defaults' };
  }
  if (!response.ok) {
    return {
      kind: 'invalid',
      problems: [{ field: '(file)', message: `the server answered ${response.status}` }],
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await response.text());
  } catch (error) {
    return {
      kind: 'invalid',
      problems: [{ field: '(file)', message: `not valid JSON: ${(error as Error).message}` }],
    };
  }
  const parsed = parseDeploymentConfig(raw);
  return parsed.ok
    ? { kind: 'ok', config: resolveConfig(parsed.config), source: 'file' }
    : { kind: 'invalid', problems: parsed.problems };
}
