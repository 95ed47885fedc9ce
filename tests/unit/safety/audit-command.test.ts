import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function runAudit(input: string): Promise<{ code: number | null; lines: unknown[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'scripts/safety-screen.ts'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stderr: err,
        lines: out
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => JSON.parse(l) as unknown),
      }),
    );
    child.stdin.end(input);
  });
}

describe('safety:screen audit command', () => {
  it('screens JSON lines, reports malformed ones and carries on', async () => {
    const input = [
      '{"id":"1","text":"I want to end my life","lang":"en"}',
      '',
      '{"id":"2","text":"笑死我了","lang":"zh","source":"deployment list"}',
      'this is not json',
      '{"id":"4","lang":"en"}',
      '{"id":"5","text":"我被家暴了","lang":"zh-CN"}',
      '{"id":6,"text":"I feel hopeless"}',
    ].join('\n');
    const { code, lines, stderr } = await runAudit(input);
    expect(code, stderr).toBe(0);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toEqual({ id: '1', level: 'crisis', categories: ['suicide'] });
    expect(lines[1]).toEqual({ id: '2', level: 'none', categories: [] });
    expect(lines[2]).toMatchObject({ id: null, error: expect.stringMatching(/JSON/) as unknown });
    expect(lines[3]).toMatchObject({ id: '4', error: expect.stringMatching(/text/) as unknown });
    expect(lines[4]).toEqual({ id: '5', level: 'crisis', categories: ['abuse'] });
    expect(lines[5]).toEqual({ id: 6, level: 'concern', categories: [] });
  }, 60_000);
});
