/**
 * Audit command: `npm run --silent safety:screen < phrases.jsonl`
 * Reads JSON lines {"id","text","lang"} on stdin and writes one JSON line {"id","level","categories"}
 * per input on stdout, so a deployment can check the screener on its own phrases. Unknown fields are
 * ignored, blank lines skipped, and a malformed line yields {"id":null,"error":"..."} (with the id when
 * it could be read) without stopping the rest.
 */
import { createInterface } from 'node:readline';
import { screen } from '../src/lib/safety/screener';

type Id = string | number | null;

function readId(value: unknown): Id {
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

function processLine(line: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (err) {
    return JSON.stringify({ id: null, error: `invalid JSON: ${(err as Error).message}` });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return JSON.stringify({ id: null, error: 'expected a JSON object' });
  }
  const record = parsed as Record<string, unknown>;
  const id = readId(record.id);
  if (typeof record.text !== 'string') {
    return JSON.stringify({ id, error: 'missing "text" (expected a string)' });
  }
  const lang = typeof record.lang === 'string' ? record.lang : 'en';
  const result = screen(record.text, lang);
  return JSON.stringify({ id, level: result.level, categories: result.categories });
}

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  if (line.trim() === '') return;
  process.stdout.write(processLine(line) + '\n');
});
