// The redactor that keeps credentials out of the log files, the report and the retry mapping.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { masksFor } from '../../src/core/secret-values.js'
import { redactor } from '../../src/action/secrets.js'

describe('redactor', () => {
  it('replaces every occurrence, longest value first', () => {
    const redact = redactor(['pw-for-tests', 'ci:pw-for-tests', 'Y2k6cHctZm9yLXRlc3Rz'])
    expect(redact('auth ci:pw-for-tests / pw-for-tests / Y2k6cHctZm9yLXRlc3Rz')).toBe(
      'auth *** / *** / ***'
    )
  })

  it('is the identity without secrets', () => {
    expect(redactor([])('text')).toBe('text')
    expect(redactor([''])('text')).toBe('text')
  })

  it('no credential of a registry-auth document survives, whatever surrounds it', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 8, maxLength: 30 }).filter((s) => !s.includes('*')),
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        (password, before, after) => {
          const auth = Buffer.from(`user:${password}`).toString('base64')
          const doc = JSON.stringify({ auths: { 'r.example': { auth, identitytoken: password } } })
          const redact = redactor(masksFor(doc))
          for (const secret of [password, auth]) {
            expect(redact(`${before}${secret}${after}`)).not.toContain(secret)
          }
        }
      )
    )
  })
})
