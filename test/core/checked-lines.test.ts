import { describe, expect, it } from 'vitest'
import { checkedLines } from '../../src/core/checked-lines.js'
import { parseMappings } from '../../src/core/mapping.js'
import { lintMappings } from '../../src/core/validate.js'

describe('checkedLines', () => {
  it('has one row per mapping line, rejected lines included, in file order', () => {
    const files = [
      {
        file: 'b.txt',
        text: [
          '# comment',
          'quay.io/ns/a:v1 reg.local/m/a:v1 reg.local/m/a2:v1',
          'quay.io/ns/d:v1=reg.local/m/d@sha256:' + 'a'.repeat(64),
          'quay.io/ns/e:v1=quay.io/ns/e:v1'
        ].join('\n')
      },
      { file: 'a.txt', text: 'quay.io/ns/f:v1  reg.local/m/f:v1\n' }
    ]
    const set = parseMappings(files)
    const findings = [...set.findings, ...lintMappings(set, { filterByOs: '.*' })]
    const rows = checkedLines(set, findings, new Map(files.map((f) => [f.file, f.text])))
    expect(rows.map((r) => [r.file, r.line, r.entries.length, r.severity])).toEqual([
      ['b.txt', 2, 2, undefined],
      ['b.txt', 3, 0, 'error'],
      ['b.txt', 4, 1, 'error'],
      ['a.txt', 1, 1, 'warning']
    ])
    expect(rows[1]?.text).toBe(files[0]?.text.split('\n')[2])
    expect(rows[1]?.findings.map((f) => f.code)).toHaveLength(1)
  })

  it('leaves file-level findings (line 0) out', () => {
    const rows = checkedLines({ entries: [] }, [
      { file: 'x.txt', line: 0, severity: 'error', code: 'file-missing', message: 'open x.txt' }
    ])
    expect(rows).toEqual([])
  })
})
