import { describe, expect, it } from 'vitest';
import { readMailflowFile } from '../../src/core/formats/index.js';
import type { ReadProgress } from '../../src/worker/protocol.js';
import { readFileInChunks } from '../../src/worker/read-file-in-chunks.js';

function exactCounts(days: number): string {
  const lines = ['date,direction,connector,connector_type,forced_tls,tls,messages'];
  for (let day = 0; day < days; day++) {
    const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
    lines.push(`${date},inbound,"Fabrikam, ""Partner"" In",Partner,true,TLS1.2,${day + 1}`);
    lines.push(`${date},outbound,,,false,none,${2 * day}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('reading a File in chunks in the worker', () => {
  it('gives the same result as reading the bytes at once, reporting progress up to the whole size', async () => {
    const text = exactCounts(3000);
    const file = new File([text], 'counts.csv');
    const progress: ReadProgress[] = [];
    const result = await readFileInChunks(file, file.name, {}, (step) => progress.push(step));
    expect(result).toEqual(readMailflowFile('counts.csv', new TextEncoder().encode(text)));
    expect(result.records).toHaveLength(6000);
    expect(progress[0]).toEqual({ bytesRead: 0, totalBytes: file.size });
    expect(progress.at(-1)).toEqual({ bytesRead: file.size, totalBytes: file.size });
    for (let index = 1; index < progress.length; index++) {
      expect(progress[index]?.bytesRead).toBeGreaterThanOrEqual(progress[index - 1]?.bytesRead ?? 0);
    }
  });

  it('stops at a refused header and still reports the file as done', async () => {
    const file = new File([`When,Where\n${'x,y\n'.repeat(200_000)}`], 'odd.csv');
    const progress: ReadProgress[] = [];
    const result = await readFileInChunks(file, file.name, {}, (step) => progress.push(step));
    expect(result.needs?.kind).toBe('mapping');
    expect(progress.at(-1)).toEqual({ bytesRead: file.size, totalBytes: file.size });
  });
});
