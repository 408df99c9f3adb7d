// Properties: untrusted text stays on one line; accepted repository paths stay inside the root.
import fc from 'fast-check'
import { join, relative, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { unsafeRepoPath } from '../../src/verify/file-layout.js'
import { oneLine } from '../../src/core/text.js'

describe('safety properties', () => {
  it('oneLine never lets a line break or control character through', () => {
    expect(oneLine('ok\n::error::pwned\r\u2028x\u0007')).toBe('ok ::error::pwned  x?')
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const out = oneLine(s)
        // eslint-disable-next-line no-control-regex -- the characters under test
        expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/)
      })
    )
  })

  it('a repository path it accepts never leaves <root>/v2', () => {
    const root = resolve('/tmp/mirror-root')
    const part = fc.oneof(
      fc.constantFrom('..', '.', '', 'a', 'ns', '~', '..a', 'a..', '\\..', 'C:', '/'),
      fc.string({ maxLength: 6 })
    )
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), (parts) => {
        const path = parts.join('/')
        if (unsafeRepoPath(path) !== undefined) return
        const rel = relative(join(root, 'v2'), resolve(root, 'v2', ...path.split('/')))
        expect(rel === '..' || rel.startsWith(`..${sep}`) || rel === '').toBe(false)
      })
    )
  })
})
