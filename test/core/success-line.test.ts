// The stdout success line grammar without a regex, and its byte-level cache.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseSuccessLine, SuccessLineCache } from '../../src/core/success-line.js'

/** The grammar as a regex (docs/oc-behaviour.md §1.5): what the hand-written parser must equal. */
const SUCCESS_RE = /^((?:sha256|sha512):[0-9a-f]+) (\S+)$/

function byRegex(line: string) {
  const m = SUCCESS_RE.exec(line)
  if (!m) return undefined
  const digest = m[1] ?? ''
  const ref = m[2] ?? ''
  const colon = ref.lastIndexOf(':')
  if (colon > ref.lastIndexOf('/') && colon < ref.length - 1) {
    return { digest, destination: ref.slice(0, colon), tag: ref.slice(colon + 1) }
  }
  return { digest, destination: ref }
}

const latin1 = (b: Buffer, s: number, e: number): string => b.toString('latin1', s, e)

// Pieces that hit every branch: prefixes, hex and non-hex, all kinds of whitespace.
const piece = fc.constantFrom(
  'sha256:',
  'sha512:',
  'sha384:',
  'ab',
  '09',
  'fG',
  ' ',
  '  ',
  '\t',
  '\v',
  '\f',
  '\r',
  '\u00a0',
  '\u2003',
  '\u3000',
  '\ufeff',
  '\u0001',
  'é',
  ':',
  '/',
  'v1',
  'file://ns/a',
  '127.0.0.1:5001/x/alpha',
  'registry.example.com/ns/img:tag'
)
const lineArb = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''))
const successArb = fc
  .tuple(
    fc.constantFrom('sha256:', 'sha512:'),
    fc.stringMatching(/^[0-9a-f]{1,64}$/),
    fc.constantFrom('file://ns/a', '127.0.0.1:5001/x/alpha', 'quay.io/ns/b', 'host:5000/a/b'),
    fc.option(fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/), { nil: undefined })
  )
  .map(([alg, hex, repo, tag]) => `${alg}${hex} ${repo}${tag === undefined ? '' : `:${tag}`}`)

describe('parseSuccessLine', () => {
  it('equals the regex grammar on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(lineArb, successArb, fc.string()), (line) => {
        expect(parseSuccessLine(line)).toEqual(byRegex(line))
      }),
      { numRuns: 3000 }
    )
  })
})

describe('SuccessLineCache', () => {
  it('returns what parseSuccessLine returns, for new and repeated lines, ASCII only', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(successArb, lineArb), { maxLength: 40 }), (lines) => {
        const cache = new SuccessLineCache(latin1)
        for (const line of [...lines, ...lines]) {
          if ([...line].some((ch) => ch.charCodeAt(0) > 0x7f)) continue
          const buf = Buffer.from(`xx${line}yy`, 'latin1')
          expect(cache.lookup(buf, 2, buf.length - 2)).toEqual(parseSuccessLine(line))
        }
      }),
      { numRuns: 500 }
    )
  })

  it('shares the parts of a repeated line and tells apart lines that hash alike', () => {
    const cache = new SuccessLineCache(latin1)
    const d = `sha256:${'ab'.repeat(32)}`
    const a = Buffer.from(`${d} quay.io/ns/a:v1`)
    const first = cache.lookup(a, 0, a.length)
    expect(cache.lookup(Buffer.from(a), 0, a.length)).toBe(first)
    // Same digest start and the same last 16 bytes (what is hashed): only the full comparison
    // separates them.
    const d2 = `sha256:${'ab'.repeat(8)}${'cd'.repeat(24)}`
    const b = Buffer.from(`${d2} quay.io/ns/a:v1`)
    expect(cache.lookup(b, 0, b.length)?.digest).toBe(d2)
    expect(cache.lookup(b, 0, b.length)).not.toBe(first)
    const c = Buffer.from(`${d} quay.iq/ns/a:v1`)
    expect(cache.lookup(c, 0, c.length)?.destination).toBe('quay.iq/ns/a')
    expect(cache.lookup(a, 0, a.length)).toBe(first)
  })

  it('stays bounded: past its capacity new lines are parsed, not remembered', () => {
    const cache = new SuccessLineCache(latin1, 4)
    const line = (i: number) =>
      Buffer.from(`sha256:${i.toString(16).padStart(64, '0')} q.io/a:v${i}`)
    const seen = Array.from({ length: 10 }, (_, i) => cache.lookup(line(i), 0, line(i).length))
    expect(seen.map((p) => p?.tag)).toEqual(Array.from({ length: 10 }, (_, i) => `v${i}`))
    expect(cache.lookup(line(2), 0, line(2).length)).toBe(seen[2])
    const late = cache.lookup(line(8), 0, line(8).length)
    expect(late).toEqual(seen[8])
    expect(late).not.toBe(seen[8])
  })

  it('does not remember long lines (a hostile log cannot grow it past a few MB)', () => {
    const cache = new SuccessLineCache(latin1)
    const long = Buffer.from(`sha256:${'a'.repeat(4000)} q.io/a:v1`)
    const first = cache.lookup(long, 0, long.length)
    expect(first?.tag).toBe('v1')
    expect(cache.lookup(long, 0, long.length)).not.toBe(first)
    expect(cache.lookup(long, 0, long.length)).toEqual(first)
  })

  it('rejects lines that cannot be success lines without decoding them', () => {
    let decoded = 0
    const cache = new SuccessLineCache((b, s, e) => {
      decoded++
      return latin1(b, s, e)
    })
    for (const text of ['s3://', 'short', 'something else entirely', 'sha', 'sha256']) {
      const buf = Buffer.from(text)
      expect(cache.lookup(buf, 0, buf.length)).toBeUndefined()
    }
    expect(decoded).toBe(0)
  })
})
