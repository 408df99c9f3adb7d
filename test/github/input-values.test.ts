// The single-value parsers of the inputs, apart from readInputs: defaults from the table, every
// problem collected in read order, secrets never echoed.
import { describe, expect, it } from 'vitest'
import type { InputSpec } from '../../src/github/input-specs.js'
import {
  extraArgsProblems,
  filterByOsProblem,
  InputReader,
  parseRetryOn,
  registryAuthProblem
} from '../../src/github/input-values.js'

const SPECS: InputSpec[] = [
  { name: 'n', description: '', default: '3' },
  { name: 'token', description: '', default: '${{ github.token }}' },
  { name: 'flag', description: '', default: 'false' }
]

function reader(values: Record<string, string>): InputReader {
  return new InputReader((name) => values[name] ?? '', SPECS)
}

describe('InputReader', () => {
  it('an empty value takes the table default, except one the runner resolves', () => {
    const r = reader({ flag: '  ' })
    expect(r.int('n', 1, 5)).toBe(3)
    expect(r.optional('token')).toBeUndefined()
    expect(r.bool('flag')).toBe(false)
    expect(r.errors).toEqual([])
  })

  it('collects every problem in the order the values were read', () => {
    const r = reader({ n: '9', flag: 'yes', d: '10 m', mode: 'x', s: '4/3' })
    expect(r.int('n', 1, 5)).toBeUndefined()
    expect(r.bool('flag')).toBe(false)
    expect(r.duration('d')).toBeUndefined()
    expect(r.oneOf('mode', ['a', 'b'])).toBe('a')
    expect(r.shard('s')).toBeUndefined()
    expect(r.errors.map((e) => e.slice(0, e.indexOf(':')))).toEqual([
      'Input n',
      'Input flag',
      'Input d',
      'Input mode',
      'Input s'
    ])
    expect(r.errors[0]).toBe('Input n: "9" is not a whole number from 1 to 5.')
  })

  it('durations: seconds or Go units; longer than a timer holds is refused', () => {
    const r = reader({ a: '1h30m', b: '600h', c: '' })
    expect(r.duration('a')).toBe(5400)
    expect(r.duration('b')).toBeUndefined()
    expect(r.duration('c')).toBeUndefined()
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]).toMatch(/^Input b: "600h" is longer than the longest wait/)
  })

  it('lines: trimmed, empty lines dropped; shard: I/N', () => {
    const r = reader({ l: ' a \r\n\n b\n', s: '2/3' })
    expect(r.lines('l')).toEqual(['a', 'b'])
    expect(r.shard('s')).toEqual({ index: 2, count: 3 })
  })
})

describe('value checks', () => {
  it('retry-on keeps known classes once and names the unknown ones', () => {
    expect(parseRetryOn('network, rate-limit\nnetwork')).toEqual({
      classes: ['network', 'rate-limit']
    })
    const bad = parseRetryOn('network,nope')
    expect(bad.classes).toEqual(['network'])
    expect(bad.error).toMatch(/^Input retry-on: unknown class "nope"; classes are /)
  })

  it('registry-auth problems never show the value', () => {
    const secret = '{"auths": "s3cr3t"'
    expect(registryAuthProblem(secret)).toMatch(/not valid JSON/)
    expect(registryAuthProblem('{"auths":"s3cr3t"}')).toMatch(/no "auths" object/)
    expect(registryAuthProblem('{"auths":"s3cr3t"}')).not.toContain('s3cr3t')
    expect(registryAuthProblem('{"auths":{}}')).toBeUndefined()
  })

  it('extra-args flags the action owns and filter-by-os patterns Go rejects', () => {
    expect(extraArgsProblems(['--force', '-fmap.txt', '--keep-manifest-list=true'])).toEqual([
      'Input extra-args: "--force" sets --force, which the action controls; use the input force-on-retry instead.',
      'Input extra-args: "-fmap.txt" sets -f, which the action controls; use the input mapping instead.'
    ])
    expect(filterByOsProblem('linux/.*')).toBeUndefined()
    expect(filterByOsProblem('(?=x)')).toMatch(/^Input filter-by-os: "\(\?=x\)" is not a valid/)
  })
})
