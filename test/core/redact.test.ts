// The one redactor: every spelling of every credential, in text and in JSON-like values.
import { describe, expect, it } from 'vitest'
import { Redactor, spellings } from '../../src/core/redact.js'

const PW = 'p@ss "w/o+rd"&=x y'

describe('Redactor', () => {
  it('hides a value verbatim, in base64, URL-, form- and JSON-encoded', () => {
    const r = new Redactor([PW])
    const shapes = [
      PW,
      Buffer.from(PW).toString('base64'),
      encodeURIComponent(PW),
      new URLSearchParams({ q: PW }).toString().slice(2),
      JSON.stringify(PW).slice(1, -1)
    ]
    for (const s of shapes) expect(r.text(`before ${s} after`)).toBe('before *** after')
    expect(spellings(PW)).toEqual(expect.arrayContaining(shapes))
  })

  it('replaces the longest value first, so no tail survives', () => {
    const r = new Redactor(['abcd', 'abcdefgh'])
    expect(r.text('xabcdefghx')).toBe('x***x')
  })

  it('learns values at run time and tells listeners (the runner masks them too)', () => {
    const r = new Redactor()
    const told: string[] = []
    r.onAdd((v) => told.push(v))
    expect(r.text('Bearer tok-123456')).toBe('Bearer tok-123456')
    r.add('tok-123456')
    expect(r.text('Bearer tok-123456')).toBe('Bearer ***')
    expect(told).toContain('tok-123456')
  })

  it('ignores blank and very short values (they would garble ordinary text)', () => {
    const r = new Redactor(['', '  ', 'ab'])
    expect(r.text('ab cd')).toBe('ab cd')
    expect(r.size).toBe(0)
  })

  it('redacts every string of a JSON-like value, keys included, keeping its shape', () => {
    const r = new Redactor(['secret-value'])
    const doc = { a: ['x secret-value', 1, null, { 'secret-value': true }], b: 'ok' }
    expect(r.deep(doc)).toEqual({ a: ['x ***', 1, null, { '***': true }], b: 'ok' })
  })
})
