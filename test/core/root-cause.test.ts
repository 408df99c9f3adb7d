// Root cause first, on real oc 4.13/4.14 transcripts: the blob failure that made the manifest
// push fail heads the verdict; `manifest blob unknown` stays as evidence after it.
import { describe, expect, it } from 'vitest'
import { Attributor } from '../../src/core/attribute.js'
import { LogParser } from '../../src/core/log-parser.js'
import { parseMappings } from '../../src/core/mapping.js'
import {
  ROOT_CAUSE_NOT_PRINTED,
  rootCauseFirst,
  rootCauses,
  verdictTitle
} from '../../src/core/root-cause.js'
import type { MappingSet, Triage } from '../../src/core/types.js'
import { planAnnotations } from '../../src/github/annotations.js'
import { combinedLog, readCase, splitLines } from '../support/transcripts.js'

function triage(set: MappingSet, lines: readonly string[]): Triage {
  const a = new Attributor(set)
  const p = new LogParser()
  for (const l of lines) for (const e of p.push(l)) a.onEvent(e)
  for (const e of p.end()) a.onEvent(e)
  return a.finish()
}

/** Case, failed image, its root-cause class, and the text of the cause's error line. */
const CASES = [
  ['429-json-blob-reg', 'rate-limit', 'unable to open source layer'],
  ['404-blob-reg', 'not-found', 'unable to open source layer'],
  ['503-blob-always-reg', 'server', 'unable to open source layer']
] as const

describe.each(['4.13', '4.14'])('oc %s transcripts', (version) => {
  it.each(CASES)('%s: the title is %s, the consequence stays as evidence', (name, cause, head) => {
    const c = readCase(version, name)
    const set = parseMappings([{ file: 'mapping.txt', text: c.mapping }])
    const log = splitLines(combinedLog(c, 3))
    const failed = triage(set, log).verdicts.filter((v) => v.status === 'failed')
    expect(failed).toHaveLength(1)
    const v = failed[0]
    expect(v.classes).toEqual([cause, 'dependency'])
    expect(verdictTitle(v.classes)).toBe(cause)
    // The first reason and the first evidence line are the cause's; the consequence follows.
    expect(v.reasons[0]).not.toMatch(/manifest pushed before its blobs/)
    expect(v.reasons).toContain('manifest pushed before its blobs')
    expect(log[v.evidence[0] - 1]).toContain(head)
    expect(log[v.evidence[1] - 1]).toContain('manifest blob unknown')
    expect(v.reasons).not.toContain(ROOT_CAUSE_NOT_PRINTED)
  })

  it('a log without the cause (cut before it): titled by the consequence, and says so', () => {
    const c = readCase(version, '429-json-blob-reg')
    const set = parseMappings([{ file: 'mapping.txt', text: c.mapping }])
    const log = splitLines(combinedLog(c, 3)).filter(
      (l) => !l.startsWith('error: unable to open source layer')
    )
    const v = triage(set, log).verdicts.find((x) => x.status === 'failed')!
    expect(v.classes).toEqual(['dependency'])
    expect(verdictTitle(v.classes)).toBe('dependency')
    expect(v.reasons).toContain(ROOT_CAUSE_NOT_PRINTED)
  })
})

it('oc 4.14, manifest list: the child layer 429 heads both refused pushes (child and index)', () => {
  const c = readCase('4.14', '429-json-child-blob-list-reg')
  const set = parseMappings([{ file: 'mapping.txt', text: c.mapping }])
  const v = triage(set, splitLines(combinedLog(c, 5))).verdicts[0]
  expect(v.classes).toEqual(['rate-limit', 'dependency'])
  expect(verdictTitle(v.classes)).toBe('rate-limit')
  expect(v.evidence.length).toBeGreaterThanOrEqual(3)
})

describe('helpers', () => {
  it('rootCauseFirst is stable within each group', () => {
    const items = [
      { class: 'dependency' as const, n: 1 },
      { class: 'server' as const, n: 2 },
      { class: 'dependency' as const, n: 3 },
      { class: 'network' as const, n: 4 }
    ]
    expect(rootCauseFirst(items).map((i) => i.n)).toEqual([2, 4, 1, 3])
  })

  it('rootCauses drops consequences; verdictTitle falls back to them, then to unconfirmed', () => {
    expect(rootCauses(['dependency', 'rate-limit'])).toEqual(['rate-limit'])
    expect(verdictTitle(['dependency', 'rate-limit', 'incomplete'])).toBe('rate-limit, incomplete')
    expect(verdictTitle(['dependency'])).toBe('dependency')
    expect(verdictTitle([])).toBe('unconfirmed')
  })

  it('annotation titles name the root cause only', () => {
    const [a] = planAnnotations({
      lines: [
        {
          file: 'mapping.txt',
          line: 2,
          status: 'failed',
          classes: ['dependency', 'not-found'],
          reasons: ['blob unknown', 'manifest pushed before its blobs'],
          retryable: false
        }
      ]
    })
    expect(a?.title).toBe('not-found')
    expect(a?.message).toContain('manifest pushed before its blobs')
  })
})
