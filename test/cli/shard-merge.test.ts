// `mirror-guard shard` and `mirror-guard merge` on files: the split table, one shard's mapping,
// and merges of hand-made shard reports (the oc end to end is test/e2e/shards.test.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CliIo } from '../../src/cli/io.js'
import { mergeCommand } from '../../src/cli/merge.js'
import { shardCommand } from '../../src/cli/shard.js'
import { parseMappingText } from '../../src/core/mapping.js'
import { parseOriginComment } from '../../src/core/retry-mapping.js'
import { mappingDigests } from '../../src/core/shard-merge.js'
import { planShards } from '../../src/core/shard-plan.js'
import { activeLines } from '../support/e2e-checks.js'

let dir: string
let out: string
let err: string
let io: CliIo
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mg-shard-'))
  out = ''
  err = ''
  io = { out: (s) => void (out += s), err: (s) => void (err += s), cwd: dir }
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const LONG = 'registry.example.com/' + 'very-long-namespace/'.repeat(3)
const LINES = Array.from({ length: 12 }, (_, i) => `q.io/s${i}:1 ${LONG}r${i % 5}:t${i}`)
const TEXT = '# mapping\n' + LINES.join('\n') + '\n'

/** The report a shard job writes, with `failedLines` (1-based mapping lines) failed. */
function shardReport(index: number, count: number, failedLines: number[] = [], text = TEXT) {
  const set = parseMappingText(text, 'mapping.txt')
  const ids = new Set(planShards(set.entries, count).shards[index - 1])
  return {
    version: 1,
    shard: { index, count },
    mapping: { files: mappingDigests([{ file: 'mapping.txt', text }]), entries: 12 },
    lines: set.entries
      .filter((e) => ids.has(e.id))
      .map((e) => {
        const failed = failedLines.includes(e.line)
        return {
          file: 'mapping.txt',
          line: e.line,
          source: e.source.raw,
          destination: e.destination.raw,
          status: failed ? 'failed' : 'mirrored',
          classes: failed ? ['rate-limit'] : [],
          reasons: failed ? ['HTTP 429'] : [],
          evidence: [],
          retryable: failed
        }
      }),
    run: {
      outcome: failedLines.length ? 'partial' : 'success',
      attempts: [{ startedAt: '2026-01-01T00:00:00Z', endedAt: '2026-01-01T00:02:05Z' }]
    }
  }
}

function write(name: string, value: unknown): string {
  writeFileSync(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value))
  return name
}

describe('mirror-guard shard', () => {
  it('prints the split as a table within 80 columns', async () => {
    write('mapping.txt', TEXT)
    expect(await shardCommand(['-f', 'mapping.txt', '--count', '4'], io)).toBe(0)
    const rows = out.trimEnd().split('\n')
    expect(rows[0]).toMatch(/^SHARD\s+ENTRIES\s+SHARE\s+REPOSITORIES$/)
    expect(rows.slice(1, 5).map((r) => r.split(/\s+/)[0])).toEqual(['1/4', '2/4', '3/4', '4/4'])
    expect(out).toContain('12 mapping entries in 4 shard(s)')
    for (const r of rows) expect(r.length).toBeLessThanOrEqual(80)
  })

  it('writes one shard mapping that oc reads: the planned lines, verbatim', async () => {
    write('mapping.txt', TEXT)
    expect(
      await shardCommand(
        ['-f', 'mapping.txt', '--count', '3', '--index', '2', '--out', 's.txt'],
        io
      )
    ).toBe(0)
    const set = parseMappingText(TEXT, 'mapping.txt')
    const planned = planShards(set.entries, 3).shards[1].map((id) => set.entries[id].text)
    expect(activeLines(readFileSync(join(dir, 's.txt'), 'utf8'))).toEqual(planned)
    expect(err).toContain(`shard 2/3: ${planned.length} mapping entries written to s.txt`)
  })

  it.each([
    [['--count', '3'], 'missing -f MAPPING'],
    [['-f', 'mapping.txt'], 'missing --count N'],
    [['-f', 'mapping.txt', '--count', '0'], '--count "0" is not a whole number from 1 to 256'],
    [
      ['-f', 'mapping.txt', '--count', '3', '--index', '4'],
      '--index "4" is not a whole number from 1 to 3'
    ],
    [['-f', 'mapping.txt', '--count', '3', '--out', 'x'], '--out needs --index I']
  ])('%j → exit 2: %s', async (args, message) => {
    write('mapping.txt', TEXT)
    expect(await shardCommand(args, io)).toBe(2)
    expect(err).toContain(message)
  })
})

describe('mirror-guard merge', () => {
  it('all shards mirrored: exit 0, no retry mapping, a per-shard table within 80 columns', async () => {
    write('mapping.txt', TEXT)
    const reports = [1, 2, 3].map((i) => write(`r${i}.json`, shardReport(i, 3)))
    expect(await mergeCommand(['-f', 'mapping.txt', ...reports], io)).toBe(0)
    const table = out.split('\n\n')[0].split('\n')
    expect(table[0]).toMatch(/^SHARD\s+LINES\s+MIRRORED\s+FAILED\s+ATTEMPTS\s+TIME\s+REPORT$/)
    expect(table[1]).toMatch(/^1\/3\s+\d+\s+\d+\s+0\s+1\s+2m05s\s+r1\.json$/)
    for (const r of table) expect(r.length).toBeLessThanOrEqual(80)
    expect(out).toContain('nothing to retry')
  })

  it('without -f a missing shard cannot be listed: exit 1 and a warning', async () => {
    const reports = [1, 3].map((i) => write(`r${i}.json`, shardReport(i, 3, [2])))
    expect(await mergeCommand(['--retry-out', 'retry.txt', ...reports], io)).toBe(1)
    expect(err).toContain(
      'shard 2/3 sent no report; without the mapping (-f) its lines are unknown'
    )
    expect(out).toMatch(/^2\/3\s+\?\s+0\s+0\s+-\s+-\s+\(no report\)$/m)

    // Registry destinations: a plain rerun is enough, and the hint fits 80 columns.
    expect(out).toMatch(/^retry mapping: retry\.txt \(\d+ entr(y|ies)\)$/m)
    expect(out).toContain('  rerun with: oc image mirror -f retry.txt …\n')
    expect(out).not.toContain('--force')
    for (const row of out.split('\n')) expect(row.length).toBeLessThanOrEqual(80)
  })

  it('without -f, origin comments as a job writes them: root cause, one capped line, parsed back', async () => {
    const r1 = shardReport(1, 2)
    const r2 = shardReport(2, 2)
    const failed = r2.lines[0]
    if (failed === undefined) throw new Error('shard 2 has no lines')
    Object.assign(failed, {
      status: 'failed',
      classes: ['rate-limit', 'dependency'],
      reasons: [`HTTP 429 from host:5000\n${'x'.repeat(1000)}`, 'manifest blob unknown'],
      retryable: true
    })
    const names = [write('r1.json', r1), write('r2.json', r2)]
    expect(await mergeCommand(['--retry-out', 'retry.txt', ...names], io)).toBe(1)
    const retry = readFileSync(join(dir, 'retry.txt'), 'utf8').split('\n')
    const comment = retry.find((l) => l.startsWith(`# mapping.txt:${failed.line} `)) ?? ''
    expect(comment).toMatch(/^# mapping\.txt:\d+ rate-limit: HTTP 429 from host:5000 x+…?$/)
    expect(comment.length).toBeLessThan(340)
    expect(parseOriginComment(comment)).toEqual({ file: 'mapping.txt', line: failed.line })
    expect(retry[retry.indexOf(comment) + 1]).toBe(`${failed.source}=${failed.destination}`)
  })

  it.each([
    [
      'different N',
      () => [shardReport(1, 3), shardReport(2, 4)],
      'shards of different splits overlap'
    ],
    ['one shard twice', () => [shardReport(1, 3), shardReport(1, 3)], 'are both shard 1/3'],
    [
      'another mapping',
      () => [shardReport(1, 2), shardReport(2, 2, [], TEXT + 'q.io/x:1 d.io/x:1\n')],
      'was made from other mapping files'
    ],
    ['not a report', () => [{ hello: 1 }], 'not a mirror-guard report']
  ])('%s → exit 2', async (_, make, message) => {
    const names = make().map((r, i) => write(`r${i}.json`, r))
    expect(await mergeCommand(names, io)).toBe(2)
    expect(err).toContain(message)
  })

  it('-f of another mapping → exit 2 naming both files', async () => {
    write('mapping.txt', TEXT.replace('s0:1', 's0:2'))
    const reports = [1, 2].map((i) => write(`r${i}.json`, shardReport(i, 2)))
    expect(await mergeCommand(['-f', 'mapping.txt', ...reports], io)).toBe(2)
    expect(err).toMatch(
      /r1\.json was made from other mapping files: mapping\.txt \(sha256 [0-9a-f]{12}\)/
    )
  })
})
