// --filter-by-os follows Go's regexp (RE2): what oc accepts is accepted, what oc refuses is
// refused with Go's own message, and matching is unanchored against `os/arch[/variant]`.
import { describe, expect, it } from 'vitest'
import { osFilterMatcher, osFilterProblem, platformString } from '../../src/core/os-filter.js'

describe('osFilterProblem (Go regexp syntax)', () => {
  // Go's regexp.MatchString example: `foo.*` and `bar.*` compile, `a(b` does not.
  it('gives Go’s compile error for `a(b` (the regexp package example)', () => {
    expect(osFilterProblem('foo.*')).toBeUndefined()
    expect(osFilterProblem('bar.*')).toBeUndefined()
    expect(osFilterProblem('a(b')).toBe('error parsing regexp: missing closing ): `a(b`')
  })

  it.each([
    '(?P<os>linux)/amd64',
    '(?i)LINUX/(AMD64|ARM64)',
    '\\Qlinux/amd64\\E',
    '[[:alpha:]]+/arm64',
    '\\pL+/s390x',
    'linux/amd64\\z',
    '(?U)linux/.+',
    '.*'
  ])('accepts %s (valid Go, partly invalid JavaScript)', (pattern) => {
    expect(osFilterProblem(pattern)).toBeUndefined()
  })

  it.each([
    ['linux/(amd64', 'missing closing ): `linux/(amd64`'],
    ['linux(?!/arm)', 'invalid or unsupported Perl syntax: `(?!`'],
    ['(linux)/\\1', 'invalid escape sequence: `\\1`'],
    ['linux/a{1001}', 'invalid repeat count: `{1001}`'],
    ['linux/x**', 'invalid nested repetition operator: `**`']
  ])('refuses %s like Go', (pattern, message) => {
    expect(osFilterProblem(pattern)).toBe(`error parsing regexp: ${message}`)
  })
})

describe('osFilterMatcher (oc: MatchString on os/arch[/variant])', () => {
  it('matches anywhere in the platform string, as Go’s MatchString does', () => {
    expect(osFilterMatcher('amd64')('linux/amd64')).toBe(true)
    expect(osFilterMatcher('(?P<os>linux)/amd64')('linux/amd64')).toBe(true)
    expect(osFilterMatcher('(?P<os>linux)/amd64')('linux/arm64')).toBe(false)
    expect(osFilterMatcher('linux/arm64')('linux/arm64/v8')).toBe(true)
    expect(osFilterMatcher('^linux/arm64$')('linux/arm64/v8')).toBe(false)
    expect(osFilterMatcher('(?i)WINDOWS')('windows/amd64')).toBe(true)
  })

  it('builds the string oc matches', () => {
    expect(platformString({ os: 'linux', architecture: 'arm64', variant: 'v8' })).toBe(
      'linux/arm64/v8'
    )
    expect(platformString({ os: 'linux', architecture: 'amd64' })).toBe('linux/amd64')
  })
})
