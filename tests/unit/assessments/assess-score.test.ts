import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

/** Runs the audit command as a person would, with `input` on stdin; returns the parsed output lines. */
function runAudit(input: string): { lines: unknown[]; status: number | null; stderr: string } {
  const run = spawnSync('npx', ['tsx', 'scripts/assess-score.ts'], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const lines = run.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
  return { lines, status: run.status, stderr: run.stderr };
}

describe('npm run assess:score (scripts/assess-score.ts)', () => {
  it('scores good lines and reports bad ones without stopping', { timeout: 90_000 }, () => {
    const input = [
      '{"id":"phq9-item9","instrument":"phq9","answers":[0,0,0,0,0,0,0,0,1]}',
      '{"id":"phq9-mod-severe","instrument":"phq9","answers":[3,3,3,3,3,0,0,0,0]}',
      '{"id":"gad7-severe","instrument":"gad7","answers":[3,3,3,3,3,0,0]}',
      '',
      '{"id":"who5-edge","instrument":"who5","answers":[3,3,3,2,2]}',
      '{"id":"who5-low","instrument":"who5","answers":[2,2,1,1,1]}',
      '   ',
      '{"id":"phq2-pos","instrument":"phq2","answers":[2,1]}',
      '{"id":"gad2-neg","instrument":"gad2","answers":[1,1]}',
      '{"id":"short","instrument":"gad7","answers":[1,1,1]}',
      '{"id":"too-big","instrument":"phq9","answers":[0,0,0,0,0,0,0,0,4]}',
      '{"id":"half","instrument":"who5","answers":[1,1,1,1,0.5]}',
      '{"id":"who","instrument":"bdi","answers":[1]}',
      '{"id":"no-answers","instrument":"phq2"}',
      '{"id": 7, "instrument":"gad2","answers":[3,3]}',
      'this is not json',
      '["phq9"]',
      '{"id":"last","instrument":"gad7","answers":[0,0,0,0,0,0,0]}',
    ].join('\n');

    const { lines, status, stderr } = runAudit(`${input}\n`);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(lines).toEqual([
      { id: 'phq9-item9', score: 1, band: 'minimal', flags: ['item9'] },
      { id: 'phq9-mod-severe', score: 15, band: 'moderately_severe', flags: [] },
      { id: 'gad7-severe', score: 15, band: 'severe', flags: [] },
      { id: 'who5-edge', score: 52, band: 'adequate_wellbeing', flags: [] },
      { id: 'who5-low', score: 28, band: 'very_poor_wellbeing', flags: [] },
      { id: 'phq2-pos', score: 3, band: 'positive', flags: ['offer_full'] },
      { id: 'gad2-neg', score: 2, band: 'negative', flags: [] },
      { id: 'short', error: 'GAD-7 needs 7 answers, got 3' },
      { id: 'too-big', error: 'PHQ-9 answer 9 must be 0-3, got 4' },
      { id: 'half', error: 'WHO-5 answer 5 must be a whole number, got 0.5' },
      { id: 'who', error: 'unknown instrument "bdi"' },
      { id: 'no-answers', error: 'PHQ-2 answers must be a list of numbers' },
      { id: 7, score: 6, band: 'positive', flags: ['offer_full'] },
      { id: null, error: 'malformed JSON' },
      { id: null, error: 'expected a JSON object with "id", "instrument" and "answers"' },
      { id: 'last', score: 0, band: 'minimal', flags: [] },
    ]);
  });
});
