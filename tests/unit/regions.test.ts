import { describe, expect, it } from 'vitest';
import { detectRegion, resourcesFor, smsHref, telHref } from '../../src/lib/config/regions';
import { DEFAULT_CRISIS_RESOURCES } from '../../src/lib/config/defaults';

const AVAILABLE = Object.keys(DEFAULT_CRISIS_RESOURCES);

describe('region detection for crisis lines', () => {
  it('prefers where the person is (time zone) over the language they read', () => {
    expect(detectRegion({ languages: ['zh-CN'], timeZone: 'Europe/London' }, AVAILABLE)).toBe('GB');
    expect(detectRegion({ languages: ['en-US'], timeZone: 'Asia/Shanghai' }, AVAILABLE)).toBe('CN');
  });

  it('falls back to the language region, then to a bare Chinese tag', () => {
    expect(detectRegion({ languages: ['en-IE'], timeZone: 'UTC' }, AVAILABLE)).toBe('IE');
    expect(detectRegion({ languages: ['zh'], timeZone: undefined }, AVAILABLE)).toBe('CN');
    expect(detectRegion({ languages: ['zh-Hans-CN'] }, AVAILABLE)).toBe('CN');
  });

  it('uses the international directory where no region is known', () => {
    expect(detectRegion({ languages: ['fr-FR'], timeZone: 'Europe/Paris' }, AVAILABLE)).toBe('INTL');
    expect(resourcesFor(DEFAULT_CRISIS_RESOURCES, 'FR').lines[0]?.url).toBe('https://findahelpline.com/');
  });

  it('ships the numbers from the safety guide', () => {
    expect(DEFAULT_CRISIS_RESOURCES.CN?.lines.map((l) => l.phone)).toEqual([
      '12356',
      '010-82951332',
      '400-161-9995',
    ]);
    expect(DEFAULT_CRISIS_RESOURCES.CN?.emergency).toEqual(['110', '120']);
    expect(DEFAULT_CRISIS_RESOURCES.US?.lines.map((l) => l.phone ?? l.sms)).toEqual(['988', '741741']);
    expect(DEFAULT_CRISIS_RESOURCES.GB?.lines[0]?.phone).toBe('116 123');
  });
});

describe('tap-to-call and tap-to-text links', () => {
  it('keeps only what a dialer understands', () => {
    expect(telHref('010-82951332')).toBe('tel:01082951332');
    expect(telHref('+44 116 123')).toBe('tel:+44116123');
  });

  it('pre-fills a text message body in the form phones accept', () => {
    expect(smsHref('741741', 'HOME')).toBe('sms:741741?&body=HOME');
    expect(smsHref('988')).toBe('sms:988');
  });
});
