// mode: validate (no oc, no network, no secrets) and mapping errors stopping a mirror run
// before oc is spawned.
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { run } from '../../src/main.js'
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
