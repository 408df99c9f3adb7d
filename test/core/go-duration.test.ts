// parseGoDuration is hand-parsed (it runs once per attempt of a log of many): property-tested
// against the regex grammar it replaced, on strings built from its own pieces.
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { parseGoDuration } from '../../src/core/go-units.js'

const UNITS: Record<string, number> = {
  h: 3600,
  m: 60,
  s: 1,
  ms: 1e-3,
  us: 1e-6,
  µs: 1e-6,
  μs: 1e-6,
  ns: 1e-9
}

function byRegex(text: string): number | undefined {
  if (!/^(?:\d+(?:\.\d+)?(?:h|m|s|ms|us|µs|μs|ns))+$/.test(text)) return undefined
  let total = 0
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|μs|ns)/g)) {
    total += Number(m[1]) * (UNITS[m[2] ?? ''] ?? 0)
  }
  return Math.round(total * 1e9) / 1e9
}

it('reads what the regex grammar reads, and rejects what it rejects', () => {
  const piece = fc.constantFrom(
    ...['0', '1', '12', '5.25', '3.', '.', 'h', 'm', 's', 'ms', 'us', 'µs', 'μs', 'ns'],
    ...['x', '', 'mm', 'sm', ' ', '-1', '1e3']
  )
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
      const text = parts.join('')
      expect(parseGoDuration(text)).toBe(byRegex(text))
    }),
    { numRuns: 20_000 }
  )
  expect(parseGoDuration('2h33m43.97s')).toBe(9223.97)
})
