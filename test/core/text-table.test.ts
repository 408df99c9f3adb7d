// Tables fitted to a terminal: one line per row when it fits; otherwise the detail column on
// its own line and the other columns cut (in the middle for references, keeping the tag).
import { describe, expect, it } from 'vitest'
import { cutText, fitTable, type Column } from '../../src/core/text-table.js'

const COLUMNS: Column[] = [
  { header: 'STATUS', cut: 'none' },
  { header: 'REF', cut: 'middle' },
  { header: 'WHY', cut: 'end' }
]

describe('cutText', () => {
  it('cuts at the end or in the middle, never past the width', () => {
    expect(cutText('abcdefghij', 10, 'end')).toBe('abcdefghij')
    expect(cutText('abcdefghij', 6, 'end')).toBe('abcde…')
    expect(cutText('registry.example/ns/image:v1.2.3', 15, 'middle')).toBe('registr…:v1.2.3')
    expect(cutText('registry.example/ns/image:v1.2.3', 15, 'middle')).toHaveLength(15)
  })
})

describe('fitTable', () => {
  it('keeps one line per row when everything fits', () => {
    expect(fitTable(COLUMNS, [['ok', 'a/b:v1', 'fine']], 80)).toEqual([
      'STATUS  REF     WHY',
      'ok      a/b:v1  fine'
    ])
  })

  it('moves the detail column to its own line and cuts the rest to the width', () => {
    const ref = 'registry.example.com:5000/some/deep/namespace/image-name:v1.2.3'
    const why = 'HTTP 429 with empty body; '.repeat(8)
    const lines = fitTable(
      COLUMNS,
      [
        ['FAILED', ref, why],
        ['', '', 'second problem']
      ],
      40,
      {
        detail: 2
      }
    )
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(40)
    expect(lines[0]).toBe('STATUS  REF')
    expect(lines[1]).toBe('    WHY')
    expect(lines[2]).toMatch(/^FAILED {2}registry\.\S*…\S*:v1\.2\.3$/)
    expect(lines[3]).toMatch(/^ {4}HTTP 429 with empty body; .*…$/)
    // A continuation row carries only its detail.
    expect(lines[4]).toBe('    second problem')
    expect(lines).toHaveLength(5)
  })

  it('without a detail column, shrinks the widest column first', () => {
    const lines = fitTable(COLUMNS, [['FAILED', 'x'.repeat(50), 'y'.repeat(50)]], 60)
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(60)
    expect(lines[1]?.startsWith('FAILED  ')).toBe(true)
  })
})
