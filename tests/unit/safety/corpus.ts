import { readFileSync } from 'node:fs';
import type { Turn } from '../../../src/lib/safety/types';

export interface RedTeamCase {
  id: string;
  lang: 'en' | 'zh';
  text: string;
  expect: 'crisis' | 'not_crisis';
  category: string;
  recent?: Turn[];
}

export function loadCorpus(name: 'en' | 'zh' | 'holdout'): RedTeamCase[] {
  return readFileSync(`tests/fixtures/redteam/${name}.jsonl`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as RedTeamCase);
}
