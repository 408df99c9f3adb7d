// mode: validate (no oc, no network, no secrets) and mapping errors stopping a mirror run
// before oc is spawned.
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { run } from '../../src/main.js'
import { renderGfm, tableAfter, visibleText } from '../support/gfm.js'
import { actionEnvPerTest, annotations, captureStdout } from './harness.js'

const setup = actionEnvPerTest()

const D = 'sha256:5c6feb0694f3760a8dcbf8a835ee9e1f4ba60680e2725b59d67b4d41e3f7c9d6'
const MAPPING = [
  '# mirrored nightly',
  'quay.io/ns/alpha:v1=registry.example.com/ns/alpha:v1',
  'quay.io/ns/beta:v1\tregistry.example.com/ns/beta:v1',
  'quay.io/ns/gamma:v1=registry.example.com/ns/alpha:v1',
  `quay.io/ns/delta:v1=registry.example.com/ns/delta@${D}`,
  'quay.io/ns/tiny:v1=registry.example.com/ns/tiny:v1',
  ''
].join('\n')

describe('mode: validate', () => {
  it('annotates the tab line, the second use of a destination and the digest destination, then fails', async () => {
    const e = setup([{ case: '4.12/clean-reg' }])
    const mapping = e.writeFile('mapping.txt', MAPPING)
    e.stub({ mapping, mode: 'validate', 'filter-by-os': '.*', upload: 'false' })
    const stdout = captureStdout()
    await run()

    const errors = annotations(stdout()).filter((a) => a.level === 'error')
    expect(errors.map((a) => [a.props['file'], Number(a.props['line'])])).toEqual([
      ['mapping.txt', 3],
      ['mapping.txt', 4],
      ['mapping.txt', 5]
    ])
    expect(errors[1].message).toContain('each destination tag may only be specified once')
    expect(errors[2].message).toContain('you must specify a tag for DST')
    expect(process.exitCode).toBe(1)
    expect(e.outputs()['outcome']).toBe('failed')
    // No process at all: the stand-in oc records even `oc version`.
    expect(e.allCalls()).toEqual([])
    expect(e.summary()).toContain('validate')
  })

  it('accepts a tag-less source and a Go-only filter-by-os pattern, as oc does', async () => {
    const e = setup([{ case: '4.12/clean-reg' }])
    const mapping = e.writeFile('mapping.txt', '127.0.0.1:5000/ns/tiny 127.0.0.1:5001/tl/tiny\n')
    e.stub({ mapping, mode: 'validate', 'filter-by-os': '(?P<os>linux)/amd64', upload: 'false' })
    const stdout = captureStdout()
    await run()
    const found = annotations(stdout())
    expect(found.filter((a) => a.level === 'error')).toEqual([])
    expect(
      found.some((a) => a.level === 'warning' && a.message.includes('neither tag nor digest'))
    ).toBe(true)
    expect(e.outputs()['outcome']).toBe('success')
    expect(process.exitCode).toBeUndefined()
  })

  it('passes a clean mapping with no error annotation and spawns nothing', async () => {
    const e = setup([{ case: '4.12/clean-reg' }])
    const mapping = e.mappingFrom('4.12/clean-reg')
    e.stub({ mapping, mode: 'validate', 'filter-by-os': '.*', upload: 'false' })
    const stdout = captureStdout()
    await run()
    expect(annotations(stdout()).filter((a) => a.level === 'error')).toEqual([])
    expect(e.outputs()['outcome']).toBe('success')
    expect(process.exitCode).toBeUndefined()
    expect(e.allCalls()).toEqual([])
  })
})

describe('mode: validate job summary, rendered as GitHub renders it', () => {
  it('findings first, no visible backslash, an error line never "parsed", counts match the rows', async () => {
    const e = setup([{ case: '4.12/clean-reg' }])
    const mapping = e.writeFile(
      'mapping.txt',
      [
        '# nightly',
        'quay.io/ns/alpha:v1  registry.example.com/ns/alpha:v1',
        `quay.io/ns/delta:v1=registry.example.com/ns/delta@${D}`,
        'quay.io/ns/beta:v1=registry.example.com/ns/beta:v1',
        'quay.io/ns/same:v1=quay.io/ns/same:v1',
        ''
      ].join('\n')
    )
    e.stub({ mapping, mode: 'validate', 'filter-by-os': '.*', upload: 'false' })
    captureStdout()
    await run()
    const html = renderGfm(e.summary())
    const text = visibleText(html)
    // Backslash escapes are for the renderer: none may be left for the reader.
    expect(text).not.toMatch(/\\[-.!_*#()[\]`+=~^$:]/)
    expect(html).toContain('<code>double-space</code>')
    expect(html).toContain('<code>src-equals-dst</code>')
    expect(html.indexOf('<h3>Findings</h3>')).toBeGreaterThan(0)
    expect(html.indexOf('<h3>Findings</h3>')).toBeLessThan(html.indexOf('<h3>Mapping lines</h3>'))

    // Findings: errors first, each kind in mapping order.
    expect(
      tableAfter(html, 'Findings')
        .slice(1)
        .map((r) => [r[0], r[1]])
    ).toEqual([
      ['error', 'mapping.txt:3'],
      ['error', 'mapping.txt:5'],
      ['warning', 'mapping.txt:2']
    ])
    const table = tableAfter(html, 'Mapping lines')
    // The messages are in the findings table; a line shows its findings' codes.
    expect(table[0]).toEqual(['Line', 'Source', 'Destination', 'Status', 'Findings'])
    const rows = table.slice(1)
    expect(rows.find((r) => r[0] === 'mapping.txt:2')?.[4]).toBe('<code>double-space</code>')
    const status = new Map(rows.map((r) => [r[0], r[3]]))
    expect(status.get('mapping.txt:5')).toBe('❌ error')
    expect(status.get('mapping.txt:3')).toBe('❌ error')
    expect(status.get('mapping.txt:2')).toMatch(/warning/)
    expect(status.get('mapping.txt:4')).toBe('✅ parsed')
    // Errors, then warnings, then parsed lines.
    expect(rows.map((r) => r[0])).toEqual([
      'mapping.txt:3',
      'mapping.txt:5',
      'mapping.txt:2',
      'mapping.txt:4'
    ])
    // The line oc rejects (3) is a row too, and the counts say so.
    expect(text).toContain('4 mapping lines checked')
    expect(text).toContain('4 mapping lines (3 entries) in 1 file: 2 error(s), 1 warning(s).')
  })

  it('caps the parsed rows after the findings', async () => {
    const e = setup([{ case: '4.12/clean-reg' }])
    const lines = Array.from(
      { length: 700 },
      (_, i) => `quay.io/ns/img${i}:v1=registry.example.com/ns/img${i}:v1`
    )
    lines[650] = 'quay.io/ns/same:v1=quay.io/ns/same:v1'
    const mapping = e.writeFile('mapping.txt', lines.join('\n') + '\n')
    e.stub({ mapping, mode: 'validate', 'filter-by-os': '.*', upload: 'false' })
    captureStdout()
    await run()
    const html = renderGfm(e.summary())
    expect(tableAfter(html, 'Findings').slice(1)[0]?.[1]).toBe('mapping.txt:651')
    const rows = tableAfter(html, 'Mapping lines').slice(1)
    expect(rows.length).toBeLessThanOrEqual(500)
    expect(rows[0]?.[0]).toBe('mapping.txt:651')
    expect(visibleText(html)).toMatch(/Showing \d+ of 700 lines \(errors and warnings first\)/)
  })

  it('summary: false writes no job summary', async () => {
    const e = setup([{ case: '4.12/clean-reg' }])
    const mapping = e.writeFile('mapping.txt', 'quay.io/ns/same:v1=quay.io/ns/same:v1\n')
    e.stub({ mapping, mode: 'validate', 'filter-by-os': '.*', upload: 'false', summary: 'false' })
    const stdout = captureStdout()
    await run()
    expect(e.summary()).toBe('')
    // Annotations and outputs are unaffected.
    expect(annotations(stdout()).filter((a) => a.level === 'error')).toHaveLength(1)
    expect(e.outputs()['outcome']).toBe('failed')
  })
})

describe('mapping errors in mode: mirror', () => {
  it('stops before oc is spawned and annotates the line', async () => {
    const e = setup([{ case: '4.12/clean-reg' }])
    const mapping = e.writeFile('sub/../mapping.txt', MAPPING)
    e.stub({ mapping, 'filter-by-os': '.*', upload: 'false', 'registry-auth': '{"auths":{}}' })
    const stdout = captureStdout()
    await run()
    const errors = annotations(stdout()).filter((a) => a.level === 'error' && a.props['file'])
    expect(errors.map((a) => Number(a.props['line']))).toEqual([3, 4, 5])
    expect(e.allCalls()).toEqual([])
    expect(process.exitCode).toBe(1)
    expect(e.outputs()['outcome']).toBe('failed')
    expect(errors.map((a) => a.props['file'])).toEqual([
      'mapping.txt',
      'mapping.txt',
      'mapping.txt'
    ])
    // The secret file written for registry-auth is gone once main ends, and main says so.
    const files = readdirSync(e.runnerTemp, { recursive: true }).map(String)
    expect(files.some((f) => f.includes('mirror-guard-'))).toBe(true)
    expect(files.filter((f) => f.endsWith('registry-auth.json'))).toEqual([])
    expect(e.state()['runState']).toContain('"finished":true')
  })
})
