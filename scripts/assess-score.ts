/**
 * Audit command: scores questionnaires line by line, so anyone can check Solace's scoring against the
 * published rules without the app.
 *
 *   npm run --silent assess:score < answers.jsonl
 *
 * Input, one JSON object per line: {"id": "...", "instrument": "phq9", "answers": [0, 1, ...]}
 * (instrument: phq9, gad7, who5, phq2, gad2). Blank lines are skipped.
 * Output, one line per input line: {"id", "score", "band", "flags"}; WHO-5's score is the 0-100 percentage.
 * A line that cannot be scored gives {"id", "error"} (id null when unreadable) and the rest go on.
 */
import { createInterface } from 'node:readline';
import { AssessmentError, scoreAnswers } from '../src/lib/assessments/scoring';

type Id = string | number | null;
type OutputLine =
  { id: Id; score: number; band: string; flags: readonly string[] } | { id: Id; error: string };

function idOf(value: unknown): string | number | null {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null;
  return typeof value.id === 'string' || typeof value.id === 'number' ? value.id : null;
}

/** Scores one input line; bad input becomes an error line rather than an exception. */
function scoreLine(line: string): OutputLine {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { id: null, error: 'malformed JSON' };
  }
  const id = idOf(input);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { id, error: 'expected a JSON object with "id", "instrument" and "answers"' };
  }
  const { instrument, answers } = input as { instrument?: unknown; answers?: unknown };
  try {
    const result = scoreAnswers(instrument, answers);
    return { id, score: result.score, band: result.band, flags: result.flags };
  } catch (error) {
    if (error instanceof AssessmentError) return { id, error: error.message };
    throw error;
  }
}

async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    process.stdout.write(`${JSON.stringify(scoreLine(line))}\n`);
  }
}

await main();
