/**
 * The deployment config (`public/solace.config.json`): what a clinic, employer or public-health team
 * sets when they host Solace. Every field is optional; what is missing comes from `defaults.ts`.
 * Unknown fields are refused so a typo ("crisisLine") is reported instead of silently ignored.
 */
import * as v from 'valibot';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

const LocaleSchema = v.picklist(LOCALES, 'expected "en" or "zh-CN"');

const NonEmpty = v.pipe(v.string('expected text'), v.trim(), v.minLength(1, 'expected non-empty text'));

/** Plain text, or one text per language: `"Clinic"` or `{ "en": "Clinic", "zh-CN": "诊所" }`. */
export const LocalizedTextSchema = v.union(
  [NonEmpty, v.strictObject({ en: v.optional(NonEmpty), 'zh-CN': v.optional(NonEmpty) })],
  'expected text, or an object with "en" and/or "zh-CN" text',
);
export type LocalizedText = v.InferOutput<typeof LocalizedTextSchema>;

const PhoneSchema = v.pipe(
  v.string('expected a phone number as text'),
  v.regex(/^\+?[0-9][0-9 ()-]{1,24}$/, 'expected a phone number of digits, spaces, "+", "-" or brackets'),
);

const HttpUrlSchema = v.pipe(
  v.string('expected a URL'),
  v.url('expected an absolute URL such as "https://example.org/"'),
  v.check((u) => /^https?:\/\//.test(u), 'expected an http:// or https:// URL'),
);

/** A path on the app's own origin ("icons/logo.svg") or an absolute URL. */
const AssetSchema = v.pipe(
  v.string('expected a path or URL'),
  v.check((s) => !/^(javascript|data):/i.test(s), 'expected a path or an http(s) URL'),
);

export const CrisisLineSchema = v.strictObject({
  name: LocalizedTextSchema,
  phone: v.optional(PhoneSchema),
  sms: v.optional(PhoneSchema),
  smsBody: v.optional(v.pipe(v.string(), v.maxLength(40, 'expected at most 40 characters'))),
  url: v.optional(HttpUrlSchema),
  hours: v.optional(LocalizedTextSchema),
  description: v.optional(LocalizedTextSchema),
});
export type CrisisLine = v.InferOutput<typeof CrisisLineSchema>;

export const RegionResourcesSchema = v.strictObject({
  name: LocalizedTextSchema,
  emergency: v.pipe(
    v.array(PhoneSchema, 'expected a list of emergency numbers'),
    v.minLength(1, 'expected at least one emergency number'),
  ),
  lines: v.array(CrisisLineSchema, 'expected a list of crisis lines'),
});
export type RegionResources = v.InferOutput<typeof RegionResourcesSchema>;

/** ISO 3166-1 alpha-2 ("CN", "US"), or "INTL" for the fallback used where no region matches. */
const RegionCodeSchema = v.pipe(
  v.string(),
  v.regex(/^([A-Z]{2}|INTL)$/, 'expected a region code such as "CN", "US" or "INTL"'),
);

export const CounselorSchema = v.strictObject({
  name: LocalizedTextSchema,
  description: v.optional(LocalizedTextSchema),
  booking: v.optional(HttpUrlSchema),
  phone: v.optional(PhoneSchema),
  email: v.optional(v.pipe(v.string(), v.email('expected an email address'))),
  languages: v.optional(v.array(LocaleSchema)),
});
export type Counselor = v.InferOutput<typeof CounselorSchema>;

export const DeploymentConfigSchema = v.strictObject({
  organization: v.optional(
    v.strictObject({
      name: LocalizedTextSchema,
      shortName: v.optional(v.pipe(NonEmpty, v.maxLength(12, 'expected at most 12 characters'))),
      logo: v.optional(AssetSchema),
      website: v.optional(HttpUrlSchema),
    }),
  ),
  locales: v.optional(
    v.pipe(
      v.strictObject({
        default: LocaleSchema,
        enabled: v.pipe(
          v.array(LocaleSchema, 'expected a list of locales'),
          v.minLength(1, 'expected at least one locale'),
        ),
      }),
      v.check((l) => l.enabled.includes(l.default), 'expected "default" to be one of "enabled"'),
    ),
  ),
  region: v.optional(RegionCodeSchema),
  crisisResources: v.optional(
    v.record(RegionCodeSchema, RegionResourcesSchema, 'expected an object of regions'),
  ),
  counselors: v.optional(v.array(CounselorSchema, 'expected a list of counselors')),
  minimumAge: v.optional(
    v.pipe(
      v.number('expected a number'),
      v.integer('expected a whole number'),
      v.minValue(13, 'expected 13 or more'),
      v.maxValue(21, 'expected 21 or less'),
    ),
  ),
  models: v.optional(
    v.strictObject({
      hosts: v.optional(v.array(HttpUrlSchema, 'expected a list of URLs')),
      defaultChatModel: v.optional(NonEmpty),
      chatModels: v.optional(v.array(NonEmpty)),
      emotionModels: v.optional(v.array(NonEmpty)),
    }),
  ),
  theme: v.optional(
    v.strictObject({
      color: v.pipe(v.string(), v.hexColor('expected a colour such as "#2f6f6a"')),
    }),
  ),
  disclaimer: v.optional(LocalizedTextSchema),
  /** Employer and public-health events: open straight into an anonymous questionnaire flow. */
  screening: v.optional(
    v.strictObject({
      enabled: v.boolean('expected true or false'),
      instruments: v.optional(
        v.pipe(
          v.array(
            v.picklist(['phq9', 'gad7', 'who5', 'phq2', 'gad2'], 'expected phq9, gad7, who5, phq2 or gad2'),
          ),
          v.minLength(1, 'expected at least one questionnaire'),
        ),
      ),
    }),
  ),
});
export type DeploymentConfigInput = v.InferInput<typeof DeploymentConfigSchema>;
export type DeploymentConfigFile = v.InferOutput<typeof DeploymentConfigSchema>;

/** One problem in a config file, phrased for the person who wrote it. */
export interface ConfigProblem {
  /** Dotted path of the field, e.g. `crisisResources.CN.lines.0.phone`; `(root)` for the file itself. */
  field: string;
  message: string;
}

export type ConfigParseResult =
  { ok: true; config: DeploymentConfigFile } | { ok: false; problems: ConfigProblem[] };

export function parseDeploymentConfig(raw: unknown): ConfigParseResult {
  const result = v.safeParse(DeploymentConfigSchema, raw);
  if (result.success) return { ok: true, config: result.output };
  return {
    ok: false,
    problems: result.issues.map((issue) => ({
      field: v.getDotPath(issue) ?? '(root)',
      message:
        issue.type === 'strict_object' ? 'unknown field: remove it or check its spelling' : issue.message,
    })),
  };
}
