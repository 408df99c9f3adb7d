// The retry mapping's origin comment: what renderRetryMapping writes, parseOriginComment and
// originOf read back — for any file name, line, classes and reason (a property), and for the
// reasons that fooled the former greedy parser (`host:5000 refused: …`).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseMappingText } from '../../src/core/mapping.js'
import {
  originComment,
  originOf,
  parseOriginComment,
  renderRetryMapping
} from '../../src/core/retry-mapping.js'
import type { FailureClass, LineVerdict } from '../../src/core/types.js'

const CLASSES: FailureClass[] = [
  'rate-limit',
  'quota-exhausted',
  'auth',
  'not-found',
  'server',
  'network',
  'tls',
  'integrity',
  'usage',
  'dependency',
  'filtered',
  'incomplete',
  'wrong-image',
  'unverified',
  'unconfirmed',
  'unknown'
]

/** Printable, no whitespace runs at the ends: what oneLine keeps as it is. */
const printable = fc
  .string({ minLength: 1, maxLength: 60, unit: 'grapheme' })
  .map((s) =>
    s
      // eslint-disable-next-line no-control-regex -- control characters are what oneLine replaces
      .replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029]/g, 'x')
      .replace(/\s+/g, ' ')
      .trim()
  )
  .filter((s) => s !== '')

const failed = (entryId: number, classes: FailureClass[], reason: string): LineVerdict => ({
  entryId,
  status: 'failed',
  classes,
  reasons: [reason],
  evidence: [],
  retryable: true
})

describe('origin comment: writer and parser', () => {
  it('round-trips any file, line, classes and reason', () => {
    fc.assert(
      fc.property(
        printable,
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.uniqueArray(fc.constantFrom(...CLASSES), { minLength: 1, maxLength: 3 }),
        printable,
        (file, line, classes, reason) => {
          expect(parseOriginComment(originComment(file, line, classes, reason))).toEqual({
            file,
            line
          })
        }
      ),
      { numRuns: 500 }
    )
  })

  it('keeps a registry’s separators, C1 controls and escapes out of the comment', () => {
    const comment = originComment(
      'mapping.txt',
      3,
      ['rate-limit'],
      'too\u2028many\u2029requests \u009b31mred\u001b[0m \u0085next\r\nline'
    )
    expect(comment).toBe('# mapping.txt:3 rate-limit: toomanyrequests red next line')
    expect(parseOriginComment(comment)).toEqual({ file: 'mapping.txt', line: 3 })
  })

  it('a reason naming host:port and a colon does not move the origin', () => {
    const comment = originComment(
      'mapping.txt',
      7,
      ['network'],
      'registry 127.0.0.1:5000 refused: connection reset; retry 2:30 later: x'
    )
    expect(parseOriginComment(comment)).toEqual({ file: 'mapping.txt', line: 7 })
    expect(parseOriginComment(originComment('dir:1 x/m.txt', 3, ['auth'], 'no'))).toEqual({
      file: 'dir:1 x/m.txt',
      line: 3
    })
  })

  it('other comments name no origin', () => {
    expect(
      parseOriginComment('# mirror-guard retry mapping: 2 mapping entries not mirrored.')
    ).toBe(undefined)
    expect(parseOriginComment('# just a note: with a colon')).toBeUndefined()
    expect(parseOriginComment('q/a:v1=r/a:v1')).toBeUndefined()
  })

  it('originOf reads the comment renderRetryMapping wrote before each line', () => {
    const set = parseMappingText(
      'q/a:v1=r/a:v1\n# kept\nq/b:v1=r/b:v1 q/c:v1=r/c:v1\nq/d:v1=r/d:v1\n',
      'dir/mapping.txt'
    )
    const [a, b, , d] = set.entries
    const text = renderRetryMapping(set, [
      failed(a.id, ['rate-limit'], 'HTTP 429 at 127.0.0.1:5000 refused: later'),
      failed(b.id, ['auth', 'dependency'], 'HTTP 401'),
      { ...failed(d.id, [], ''), status: 'mirrored' }
    ])
    const texts = new Map([['retry.txt', text]])
    const lines = text.split('\n')
    const origins = lines
      .map((_, i) => originOf(texts, 'retry.txt', i + 1))
      .filter((o) => o !== undefined)
    // Line 3 of the mapping is a fan-out whose second entry was not failed: only b is retried.
    expect(origins).toEqual([
      { file: 'dir/mapping.txt', line: 1 },
      { file: 'dir/mapping.txt', line: 3 }
    ])
    expect(lines).toContain('q/b:v1=r/b:v1')
    expect(lines).toContain('# dir/mapping.txt:3 auth: HTTP 401')
  })
})
