import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDeploymentConfig } from '../../src/lib/config/schema';
import { resolveConfig, DEFAULT_CRISIS_RESOURCES } from '../../src/lib/config/defaults';
import { buildCsp } from '../../src/lib/config/csp';

describe('deployment config', () => {
  it('accepts the shipped public/solace.config.json', () => {
    const raw = JSON.parse(readFileSync('public/solace.config.json', 'utf8')) as unknown;
    expect(parseDeploymentConfig(raw).ok).toBe(true);
  });

  it('accepts the clinic example from the README', () => {
    const readme = readFileSync('README.md', 'utf8');
    const block = /<!-- clinic-example -->\s*```json\n([\s\S]*?)```/.exec(readme);
    expect(block, 'README has a clinic example').not.toBeNull();
    const parsed = parseDeploymentConfig(JSON.parse(block![1]!) as unknown);
    expect(parsed).toMatchObject({ ok: true });
  });

  it('an empty file means built-in defaults', () => {
    const parsed = parseDeploymentConfig({});
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const config = resolveConfig(parsed.config);
    expect(config.minimumAge).toBe(16);
    expect(config.crisisResources.CN?.lines.map((l) => l.phone)).toContain('12356');
    expect(config.crisisResources.US?.emergency).toEqual(['911']);
  });

  it('names the bad field and what it expects', () => {
    const parsed = parseDeploymentConfig({
      minimumAge: 'sixteen',
      crisisResources: {
        CN: { name: 'China', emergency: ['110'], lines: [{ name: 'x', phone: 'call us' }] },
      },
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toContainEqual({ field: 'minimumAge', message: 'expected a number' });
    expect(parsed.problems.map((p) => p.field)).toContain('crisisResources.CN.lines.0.phone');
  });

  it('reports an unknown field instead of ignoring it', () => {
    const parsed = parseDeploymentConfig({ crisisLine: [] });
    expect(parsed).toEqual({
      ok: false,
      problems: [{ field: 'crisisLine', message: 'unknown field: remove it or check its spelling' }],
    });
  });

  it('refuses a minimum age below 13 and a default locale that is not enabled', () => {
    const parsed = parseDeploymentConfig({ minimumAge: 12, locales: { default: 'zh-CN', enabled: ['en'] } });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.field).sort()).toEqual(['locales', 'minimumAge']);
  });

  it('puts the deployment regions first and keeps built-in defaults for the rest', () => {
    const parsed = parseDeploymentConfig({
      crisisResources: {
        CN: {
          name: '上海',
          emergency: ['110', '120'],
          lines: [{ name: '上海心理热线', phone: '021-12320-5' }],
        },
      },
    });
    if (!parsed.ok) throw new Error('expected a valid config');
    const config = resolveConfig(parsed.config);
    expect(config.crisisResources.CN?.lines[0]?.phone).toBe('021-12320-5');
    expect(config.crisisResources.US).toEqual(DEFAULT_CRISIS_RESOURCES.US);
  });
});

describe('content security policy', () => {
  it('allows only the app origin and the configured model hosts to be contacted', () => {
    const csp = buildCsp(['https://models.clinic.example/solace/'], { forHeader: true });
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self' https://models.clinic.example;");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('leaves header-only directives out of the meta tag', () => {
    expect(buildCsp([], { forHeader: false })).not.toContain('frame-ancestors');
  });
});
