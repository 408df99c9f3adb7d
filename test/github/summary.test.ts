import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CLASS_INFO } from '../../src/core/classify.js'
import { escapeMarkdown } from '../../src/github/escape.js'
import {
  renderSummary,
  writeSummary,
  type SummaryInput,
  type SummaryLine
} from '../../src/github/summary.js'
import { renderGfm, tableAfter, visibleText } from '../support/gfm.js'
import { HOSTILE } from './hostile.js'

function line(n: number, extra: Partial<SummaryLine> = {}): SummaryLine {
  return {
    file: 'mapping.txt',
    line: n,
    source: `quay.io/ns/img${n}:v1`,
    destination: `file://mirror/ns/img${n}:v1`,
    status: 'mirrored',
    classes: [],
    reasons: [],
    retryable: false,
    ...extra
  }
}

/** Table rows (lines starting with `|`) must all have the same number of unescaped cells as their header. */
function tableCellCounts(md: string): number[][] {
  const tables: number[][] = []
  let current: number[] | undefined
  for (const l of md.split('\n')) {
    if (l.startsWith('|')) {
      current ??= []
      current.push(l.split('|').length)
    } else if (current !== undefined) {
      tables.push(current)
      current = undefined
    }
  }
  if (current !== undefined) tables.push(current)
  return tables
}

describe('escapeMarkdown', () => {
  it('neutralises table, HTML, link, code, emphasis and autolink syntax', () => {
    const hostile =
      'a|b `code` *em* _u_ [link](https://evil.example) <img src=x onerror=alert(1)> # h\nnext & www.evil.example'
    const out = escapeMarkdown(hostile)
    expect(out).not.toMatch(/[|<>\n\r]/)
    // Outside the entities we add, every Markdown special is backslash-escaped.
    expect(out.replace(/&#?\w+;/g, '')).not.toMatch(/(^|[^\\])[`*_[\]()#]/)
    expect(out).not.toContain('://')
    expect(out).not.toContain('www.')
    expect(out).toContain('&lt;img')
    expect(out).toContain('&#124;')
    expect(out).toContain('&amp;')
  })

  it('keeps entities intact (no escaped # inside them)', () => {
    expect(escapeMarkdown('a|b')).toBe('a&#124;b')
    expect(escapeMarkdown('sha256:ab')).toBe('sha256&#58;ab')
    expect(escapeMarkdown('x\\|y')).toBe('x\\\\&#124;y')
  })
})

describe('renderSummary', () => {
  it('renders outcome, class table with what to do, lines, attempts and tool version', () => {
    const input: SummaryInput = {
      lines: [
        line(1),
        line(2, {
          status: 'failed',
          classes: ['auth'],
          reasons: ['unauthorized'],
          retryable: false
        }),
        line(3, {
          status: 'failed',
          classes: ['rate-limit'],
          reasons: ['HTTP 429'],
          retryable: true
        }),
        line(4, { classes: ['server'], reasons: ['HTTP 503'], recoveredAfter: 1 })
      ],
      attempts: [
        {
          attempt: 1,
          linesRun: 4,
          mirrored: 1,
          failed: 3,
          planningSeconds: 1.25,
          mirroringSeconds: 10,
          rate: '16.16MB/s',
          exitCode: 1,
          durationSeconds: 12.5
        },
        {
          attempt: 2,
          linesRun: 2,
          mirrored: 1,
          failed: 1,
          exitCode: null,
          repair: 'plain rerun (1 line), --force (1 line)'
        }
      ],
      toolVersion: 'Client Version: 4.12.0',
      toolNote: 'oc client 4.12.0: oc ≤ 4.13 keeps a file:// manifest whose layer failed.',
      forced: ['Attempt 2 passed --force: s3:// cannot be inspected or edited here.'],
      artifactName: 'oc-mirror-log'
    }
    const md = renderSummary(input)
    expect(md).toContain(
      '❌ 2 of 4 mapping entries failed after 2 attempt(s): 1 permanent, 1 retryable.'
    )
    expect(md).toContain('1 recovered on a retry.')
    expect(md).toContain(CLASS_INFO.auth.whatToDo.replace(/\|/g, '\\|'))
    expect(md).toContain(CLASS_INFO['rate-limit'].meaning.replace(/\|/g, '\\|'))
    expect(md).toMatch(/\| `server` \| 0 \| 1 \| 0 \| yes \|/)
    // Failed first: permanent, retryable, recovered, mirrored.
    const order = [...md.matchAll(/^\| mapping\\\.txt:(\d+) \|/gm)].map((m) => m[1])
    expect(order).toEqual(['2', '3', '4', '1'])
    expect(md).toContain('❌ failed (permanent)')
    expect(md).toContain('✅ mirrored (retry after attempt 1)')
    expect(md).toContain('| 1 | 4 | 1 | 3 | 1.3 | 10.0 | 16\\.16MB/s | 1 | 12.5 | – |')
    expect(md).toContain(
      '| 2 | 2 | 1 | 1 | – | – | – | killed | – | plain rerun \\(1 line\\), \\-\\-force \\(1 line\\) |'
    )
    // Why --force was passed, right under the table; what the oc version changes.
    expect(md).toContain('Attempt 2 passed \\-\\-force&#58; s3&#58;// cannot be inspected')
    expect(md).toContain('oc client 4\\.12\\.0&#58; oc ≤ 4\\.13 keeps')
    expect(md).toContain('Tool version: Client Version&#58; 4\\.12\\.0')
    for (const counts of tableCellCounts(md)) expect(new Set(counts).size).toBe(1)
  })

  it('all mirrored, validate and dry-run outcomes', () => {
    expect(renderSummary({ lines: [line(1), line(2)] })).toContain(
      '✅ All 2 mapping entries mirrored.'
    )
    expect(renderSummary({ mode: 'dry-run', lines: [line(1)] })).toContain(
      '✅ All 1 mapping entries planned.'
    )
    const v = renderSummary({
      mode: 'validate',
      lines: [line(1)],
      findings: [
        { file: 'm.txt', line: 3, severity: 'error', code: 'invalid-reference', message: 'bad' },
        { file: 'm.txt', line: 4, severity: 'warning', code: 'tab-separator', message: 'tab' }
      ]
    })
    expect(v).toContain(
      '❌ Validation found 1 error(s) and 1 warning(s) in the mapping (1 mapping line checked).'
    )
    expect(v).toContain('| error | m\\.txt:3 | `invalid-reference` | bad |')
  })

  it('escapes every hostile string so no table breaks and no HTML or link gets through', () => {
    const lines = HOSTILE.map((h, i) =>
      line(i + 1, {
        file: h,
        source: `${h} | <script>alert(1)</script>`,
        destination: `[x](javascript:alert(1)) ${h}`,
        status: 'failed',
        classes: ['unknown'],
        reasons: [`${h}\n| injected | row |`, '<img src=x>'],
        retryable: false
      })
    )
    const md = renderSummary({
      lines,
      findings: HOSTILE.map((h, i) => ({
        file: h,
        line: i + 1,
        severity: 'warning' as const,
        code: h,
        message: `${h} \`code\``
      })),
      runLevel: [
        { severity: 'error', class: 'unknown', reason: 'x', text: HOSTILE.join('\n'), logLine: 3 }
      ],
      toolVersion: '<b>4.12</b>',
      notes: ['<a href="https://evil.example">click</a>'],
      title: '# not a heading'
    })
    expect(md).not.toMatch(/<(?!br>)[a-z/]/i)
    expect(md).not.toMatch(/\]\(/)
    expect(md).not.toContain('://')
    // eslint-disable-next-line no-control-regex
    expect(md).not.toMatch(/[\r\u001b\u0000-\u0008\u2028]/)
    expect(md).not.toMatch(/^(::|##\[)/m)
    for (const counts of tableCellCounts(md)) expect(new Set(counts).size).toBe(1)
    // Exactly the rows we rendered: header + separator + one per line.
    const lineRows = md.split('\n').filter((l) => l.startsWith('| ') && l.includes('❌'))
    expect(lineRows).toHaveLength(HOSTILE.length)
  })

  it('stays under 1 MiB with 20,000 lines and points at the artifact', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) =>
      line(i + 1, {
        status: i % 3 === 0 ? 'failed' : 'mirrored',
        classes: i % 3 === 0 ? ['network'] : [],
        reasons: i % 3 === 0 ? ['connection reset by peer '.repeat(40)] : [],
        retryable: true,
        source: `quay.io/${'very-long-namespace/'.repeat(10)}img${i}:v1`
      })
    )
    const md = renderSummary({ lines, artifactName: 'oc-mirror-log' })
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024)
    expect(md).toMatch(
      /_Showing \d+ of 20000 lines \(failed first\); the full list is in the `oc-mirror-log` artifact \(JSON report\)\._/
    )
    const shown = Number(/Showing (\d+) of/.exec(md)?.[1])
    expect(shown).toBeGreaterThan(0)
    expect(shown).toBeLessThanOrEqual(500)
    // Failed lines come first even when cut.
    const statuses = md.split('\n').filter((l) => l.startsWith('| mapping'))
    expect(statuses.every((l) => l.includes('❌'))).toBe(true)
  })

  it('caps rows by count as well', () => {
    const md = renderSummary({ lines: Array.from({ length: 600 }, (_, i) => line(i + 1)) })
    expect(md).toContain(
      '_Showing 500 of 600 lines (failed first); the full list is in the JSON report._'
    )
  })
})

describe('writeSummary', () => {
  const dirs: string[] = []
  afterEach(() => {
    core.summary.emptyBuffer()
    // core caches the summary path; a fresh file per test needs the cache cleared.
    ;(core.summary as unknown as { _filePath?: string })._filePath = undefined
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  })

  it('appends the rendered Markdown to GITHUB_STEP_SUMMARY', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'summary-'))
    dirs.push(dir)
    const file = path.join(dir, 'summary.md')
    writeFileSync(file, 'before\n')
    vi.stubEnv('GITHUB_STEP_SUMMARY', file)
    const md = renderSummary({ lines: [line(1)] })
    expect(await writeSummary(md)).toEqual({ written: true })
    expect(readFileSync(file, 'utf8')).toBe(`before\n${md}`)
  })

  it('returns the reason instead of throwing when there is no summary file', async () => {
    vi.stubEnv('GITHUB_STEP_SUMMARY', '')
    const result = await writeSummary('# x')
    expect(result.written).toBe(false)
    expect(result.reason).toMatch(/GITHUB_STEP_SUMMARY/)
  })
})

describe('renderSummary through a GFM renderer', () => {
  it('leaves out attempt columns no attempt has data for (skopeo prints no phase table)', () => {
    const html = renderGfm(
      renderSummary({
        lines: [line(1)],
        attempts: [
          { attempt: 1, linesRun: 1, mirrored: 1, failed: 0, exitCode: 0, durationSeconds: 2 }
        ]
      })
    )
    expect(tableAfter(html, 'Attempts')[0]).toEqual([
      'Attempt',
      'Lines run',
      'Mirrored',
      'Failed',
      'Exit code',
      'Duration s'
    ])
  })

  it('names the retry artifact and gives a ready retry-from step', () => {
    const md = renderSummary({
      lines: [
        line(1, { status: 'failed', classes: ['rate-limit'], reasons: ['429'], retryable: true })
      ],
      retry: {
        lines: 1,
        path: '/tmp/w/retry-mapping.txt',
        artifact: 'nightly retry #2',
        runId: '123456',
        uses: 'mirror-guard/mirror-guard@v1'
      }
    })
    const html = renderGfm(md)
    expect(visibleText(html)).toContain(
      'The 1 mapping line not mirrored are in the artifact nightly retry #2'
    )
    const yaml = /<pre><code class="language-yaml">([\s\S]*?)<\/code><\/pre>/.exec(html)?.[1] ?? ''
    const lines = visibleText(yaml).split('\n')
    expect(lines).toContain('- uses: mirror-guard/mirror-guard@v1')
    expect(lines).toContain('    retry-from: "nightly retry #2"')
    expect(lines.some((l) => l.startsWith('    run-id: 123456 #'))).toBe(true)
  })

  it('lets no hostile text become HTML, a link or a broken table', () => {
    const md = renderSummary({
      lines: HOSTILE.map((h, i) =>
        line(i + 1, {
          source: `${h} <script>x</script> https://evil.example`,
          destination: `[x](javascript:alert(1)) ${h} www.evil.example`,
          status: 'failed',
          classes: ['unknown'],
          reasons: [`<img src=x onerror=alert(1)> ${h}`],
          retryable: false
        })
      ),
      findings: HOSTILE.map((h, i) => ({
        file: `m|${h}`,
        line: i + 1,
        severity: 'warning' as const,
        code: `${h} \`x\` | <b>`,
        message: h
      }))
    })
    const html = renderGfm(md)
    expect(html).not.toMatch(/<(script|img|a|b)\b/i)
    const rows = tableAfter(html, 'Mapping lines')
    for (const r of rows) expect(r).toHaveLength(6)
    for (const r of tableAfter(html, 'Findings')) expect(r).toHaveLength(4)
  })
})
