import * as core from '@actions/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  emitAnnotations,
  MAX_MESSAGE_CHARS,
  planAnnotations,
  type Annotation,
  type LineResult
} from '../../src/github/annotations.js'
import type { MappingFinding, RunFinding } from '../../src/core/types.js'
import { HOSTILE } from './hostile.js'

function failed(line: number, retryable: boolean, extra: Partial<LineResult> = {}): LineResult {
  return {
    file: 'mapping.txt',
    line,
    status: 'failed',
    classes: retryable ? ['rate-limit'] : ['auth'],
    reasons: [retryable ? 'HTTP 429 with empty body' : 'unauthorized: authentication required'],
    attempts: 3,
    retryable,
    source: `quay.io/ns/img${line}:v1`,
    destination: `mirror.local/ns/img${line}:v1`,
    ...extra
  }
}

function recovered(line: number): LineResult {
  return {
    file: 'mapping.txt',
    line,
    status: 'mirrored',
    classes: ['server'],
    reasons: ['HTTP 503'],
    attempts: 2,
    recoveredAfter: 1,
    retryable: true
  }
}

const count = (as: Annotation[], level: Annotation['level']): number =>
  as.filter((a) => a.level === level).length

describe('planAnnotations', () => {
  it('25 failures → 10 errors (permanent first) and one overflow notice', () => {
    // Interleave so that order in the input is not what puts permanent ones first.
    const lines = Array.from({ length: 25 }, (_, i) => failed(i + 1, i % 2 === 0))
    const plan = planAnnotations({ lines, moreAt: 'the oc-mirror-log artifact' })
    expect(count(plan, 'error')).toBe(10)
    expect(count(plan, 'warning')).toBe(0)
    expect(count(plan, 'notice')).toBe(1)
    const errors = plan.filter((a) => a.level === 'error')
    // 12 permanent (even lines), so all 10 shown errors are permanent, in line order.
    expect(errors.map((a) => a.startLine)).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20])
    expect(errors.every((a) => a.title === 'auth')).toBe(true)
    expect(errors[0]).toMatchObject({
      file: 'mapping.txt',
      message:
        'quay.io/ns/img2:v1 → mirror.local/ns/img2:v1 failed after 3 attempts (permanent): unauthorized: authentication required'
    })
    const overflow = plan.find((a) => a.level === 'notice')
    expect(overflow?.title).toBe('more results')
    expect(overflow?.message).toMatch(/^15 errors not shown as annotations/)
    expect(overflow?.message).toContain('job summary and the oc-mirror-log artifact')
    expect(overflow?.file).toBeUndefined()
  })

  it('shows retryable failures after permanent ones when there is room', () => {
    const plan = planAnnotations({ lines: [failed(1, true), failed(2, false), failed(3, true)] })
    expect(plan.map((a) => [a.level, a.startLine, a.title])).toEqual([
      ['error', 2, 'auth'],
      ['error', 1, 'rate-limit'],
      ['error', 3, 'rate-limit']
    ])
    expect(plan[1]?.message).toContain('(retryable, still failing)')
  })

  it('recovered lines become notices; the overflow takes the last notice slot', () => {
    const fits = planAnnotations({ lines: Array.from({ length: 10 }, (_, i) => recovered(i + 1)) })
    expect(count(fits, 'notice')).toBe(10)
    expect(fits.every((a) => a.title === 'recovered')).toBe(true)
    expect(fits[0]?.message).toBe(
      'mapping line 1 mirrored on a retry after failing attempt 1 (server): HTTP 503'
    )

    const over = planAnnotations({ lines: Array.from({ length: 12 }, (_, i) => recovered(i + 1)) })
    expect(count(over, 'notice')).toBe(10)
    expect(over.filter((a) => a.title === 'recovered')).toHaveLength(9)
    expect(over.at(-1)?.message).toMatch(/^3 notices not shown/)

    // Errors overflowing also costs a notice slot, and says so.
    const both = planAnnotations({
      lines: [
        ...Array.from({ length: 11 }, (_, i) => failed(i + 1, false)),
        ...Array.from({ length: 10 }, (_, i) => recovered(100 + i))
      ]
    })
    expect(count(both, 'error')).toBe(10)
    expect(count(both, 'notice')).toBe(10)
    expect(both.at(-1)?.message).toMatch(/^1 error, 1 notice not shown/)
  })

  it('mapping errors lead the errors, warnings fill the warning budget, run-level has no file', () => {
    const findings: MappingFinding[] = [
      { file: 'm.txt', line: 4, severity: 'error', code: 'invalid-reference', message: 'bad ref' },
      ...Array.from({ length: 12 }, (_, i): MappingFinding => ({
        file: 'm.txt',
        line: 10 + i,
        severity: 'warning',
        code: 'tab-separator',
        message: 'tab'
      })),
      { file: 'missing.txt', line: 0, severity: 'error', code: 'unreadable', message: 'open' }
    ]
    const runLevel: RunFinding[] = [
      { severity: 'error', class: 'network', reason: 'connection refused', text: 'x', logLine: 9 }
    ]
    const plan = planAnnotations({ lines: [failed(1, false)], findings, runLevel })
    const errors = plan.filter((a) => a.level === 'error')
    expect(errors.map((a) => a.title)).toEqual([
      'mapping: invalid-reference',
      'mapping: unreadable',
      'auth',
      'network'
    ])
    expect(errors[1]?.startLine).toBeUndefined()
    expect(errors[3]?.file).toBeUndefined()
    expect(count(plan, 'warning')).toBe(10)
    expect(plan.at(-1)?.message).toMatch(/^2 warnings not shown/)
  })

  it('caps message length and strips control characters', () => {
    const long = failed(1, false, { reasons: ['x'.repeat(5000) + '\u001b[31m'] })
    const [a] = planAnnotations({ lines: [long] })
    expect(a?.message.length).toBe(MAX_MESSAGE_CHARS)
    expect(a?.message.endsWith('…')).toBe(true)
    const [b] = planAnnotations({
      lines: [failed(1, false, { reasons: ['\u001b[31mred\u001b[0m\r done\u0007'] })]
    })
    expect(b?.message).toMatch(/: red done$/)
  })
})

describe('emitAnnotations through the real @actions/core', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  function stdout(): () => string[] {
    const chunks: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString())
      return true
    })
    return () => chunks.join('').split('\n').slice(0, -1)
  }

  it('hostile text cannot start a line or forge a command', () => {
    const read = stdout()
    const lines: LineResult[] = HOSTILE.map((h, i) =>
      failed(i + 1, i % 2 === 0, {
        file: `dir/${h}.txt`,
        classes: ['unknown'],
        reasons: [h, `second ${h}`],
        source: h,
        destination: `${h}:tag`
      })
    )
    const findings: MappingFinding[] = HOSTILE.map((h, i) => ({
      file: h,
      line: i + 1,
      severity: 'warning',
      code: h,
      message: h
    }))
    const plan = planAnnotations({
      lines,
      findings,
      budget: { error: 50, warning: 50, notice: 10 }
    })
    emitAnnotations(plan)
    const out = read()
    expect(out).toHaveLength(plan.length)
    for (const line of out) {
      // Every line is one of our commands: name, escaped properties, `::`, escaped message.
      const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line)
      expect(m, line).not.toBeNull()
      const [, , props = '', message = ''] = m ?? []
      expect(props).toMatch(/^title=[^,]*(,file=[^,]*)?(,line=\d+)?$/)
      // %, CR and LF are escaped; nothing can end the line early.
      // eslint-disable-next-line no-control-regex
      expect(message).not.toMatch(/[\r\n\u001b\u0000-\u0008]/)
      expect(message).not.toMatch(/%(?!25|0A|0D)/)
    }
    expect(out.join('\n')).not.toMatch(/^(::(?!error |warning |notice )|##\[)/m)
    // `%0A` in the input arrives as a literal, not as a newline.
    expect(out.join('\n')).toContain('value %250A::error::via percent')
  })

  it('passes title, file and line as properties', () => {
    const read = stdout()
    emitAnnotations(planAnnotations({ lines: [failed(7, false)] }))
    expect(read()).toEqual([
      '::error title=auth,file=mapping.txt,line=7::quay.io/ns/img7:v1 → mirror.local/ns/img7:v1 failed after 3 attempts (permanent): unauthorized: authentication required'
    ])
  })

  it('uses the sink it is given', () => {
    const calls: [string, string, core.AnnotationProperties][] = []
    emitAnnotations(planAnnotations({ lines: [recovered(3)] }), {
      error: (m, p) => calls.push(['error', m, p]),
      warning: (m, p) => calls.push(['warning', m, p]),
      notice: (m, p) => calls.push(['notice', m, p])
    })
    expect(calls).toHaveLength(1)
    expect(calls[0]?.[0]).toBe('notice')
    expect(calls[0]?.[2]).toEqual({ title: 'recovered', file: 'mapping.txt', startLine: 3 })
  })
})
