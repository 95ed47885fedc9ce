/**
 * `npm run bench:safety`: recall on crisis messages and false-crisis rate on hard negatives, per
 * language, for the project's red-team corpus; the held-out set separately; the shared starter set
 * when present (../shared/redteam/dev-crisis.jsonl); then the time to screen one message.
 * The last line is machine-readable:
 *   safety: recall_en=<x> recall_zh=<x> false_crisis_en=<x> false_crisis_zh=<x>
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { screen } from '../src/lib/safety/screener';
import type { Turn } from '../src/lib/safety/types';

interface Case {
  id: string;
  lang: string;
  text: string;
  expect: 'crisis' | 'not_crisis';
  category?: string;
  recent?: Turn[];
}

interface Score {
  crisis: number;
  caught: number;
  negatives: number;
  falseCrisis: number;
  misses: Case[];
  falseAlarms: Case[];
}

function load(path: string): Case[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Case);
}

function score(cases: Case[]): Score {
  const s: Score = { crisis: 0, caught: 0, negatives: 0, falseCrisis: 0, misses: [], falseAlarms: [] };
  for (const c of cases) {
    const isCrisis = screen(c.text, c.lang, c.recent).level === 'crisis';
    if (c.expect === 'crisis') {
      s.crisis++;
      if (isCrisis) s.caught++;
      else s.misses.push(c);
    } else {
      s.negatives++;
      if (isCrisis) {
        s.falseCrisis++;
        s.falseAlarms.push(c);
      }
    }
  }
  return s;
}

const ratio = (n: number, d: number): string => (d === 0 ? 'n/a' : (n / d).toFixed(3));

function report(label: string, s: Score): void {
  console.log(
    `${label.padEnd(22)} recall ${ratio(s.caught, s.crisis)} (${s.caught}/${s.crisis})   ` +
      `false-crisis ${ratio(s.falseCrisis, s.negatives)} (${s.falseCrisis}/${s.negatives})`,
  );
  for (const c of s.misses) console.log(`    missed   ${c.id}: ${c.text}`);
  for (const c of s.falseAlarms) console.log(`    false    ${c.id}: ${c.text}`);
}

const dir = 'tests/fixtures/redteam';
const en = score(load(`${dir}/en.jsonl`));
const zh = score(load(`${dir}/zh.jsonl`));
const holdoutCases = load(`${dir}/holdout.jsonl`);

console.log('Red-team corpus (tests/fixtures/redteam)');
report('en', en);
report('zh', zh);
console.log('\nHeld-out set (never tuned against)');
report('holdout en', score(holdoutCases.filter((c) => c.lang === 'en')));
report('holdout zh', score(holdoutCases.filter((c) => c.lang === 'zh')));
report('holdout all', score(holdoutCases));

const shared = resolve('..', 'shared', 'redteam', 'dev-crisis.jsonl');
if (existsSync(shared)) {
  const dev = load(shared);
  console.log('\nShared starter set (../shared/redteam/dev-crisis.jsonl)');
  report('dev en', score(dev.filter((c) => c.lang === 'en')));
  report('dev zh', score(dev.filter((c) => c.lang === 'zh')));
}

// Timing: every corpus message, several rounds after a warm-up, one measurement per message.
const all = [...load(`${dir}/en.jsonl`), ...load(`${dir}/zh.jsonl`), ...holdoutCases];
for (const c of all) screen(c.text, c.lang, c.recent);
const times: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const c of all) {
    const t0 = performance.now();
    screen(c.text, c.lang, c.recent);
    times.push(performance.now() - t0);
  }
}
times.sort((a, b) => a - b);
const pct = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
console.log(
  `\nTime to screen one message: median ${pct(0.5).toFixed(3)} ms, p95 ${pct(0.95).toFixed(3)} ms ` +
    `(${times.length} runs; target median <= 1 ms)`,
);

console.log(
  `safety: recall_en=${ratio(en.caught, en.crisis)} recall_zh=${ratio(zh.caught, zh.crisis)} ` +
    `false_crisis_en=${ratio(en.falseCrisis, en.negatives)} false_crisis_zh=${ratio(zh.falseCrisis, zh.negatives)}`,
);
