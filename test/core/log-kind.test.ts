// Logs mistaken for oc image mirror output are named for what they are.
import { describe, expect, it } from 'vitest'
import { recognizeForeignLog } from '../../src/core/log-kind.js'

describe('recognizeForeignLog', () => {
  it('knows skopeo copy’s progress lines and its fatal lines', () => {
    expect(
      recognizeForeignLog([
        'Getting image source signatures',
        'Copying blob sha256:2617c8fdbf93a0b6e8d200018829a226971643411c19191daa82451f7cfd32cc',
        'Writing manifest to image destination'
      ])?.tool
    ).toBe('skopeo')
    const fatal = recognizeForeignLog([
      'time="2024-05-01T10:00:00Z" level=fatal msg="initializing source docker://q.io/a:v1: reading manifest v1 in q.io/a: toomanyrequests"'
    ])
    expect(fatal?.tool).toBe('skopeo')
    expect(fatal?.evidence).toMatch(/^time="2024-05-01T10:00:00Z" level=fatal/)
    expect(fatal?.evidence.length).toBeLessThanOrEqual(120)
  })

  it('knows oc-mirror v2’s log lines and its mirroring errors', () => {
    const found = recognizeForeignLog([
      '2025/03/01 10:00:00  [INFO]   : 👋 Hello, welcome to oc-mirror',
      '2025/03/01 10:00:09  [ERROR]  : [Worker] error mirroring image quay.io/ns/a:v1 error: toomanyrequests',
      '✗   1 / 3 additional images mirrored: Some additional images failed to be mirrored - please check the logs'
    ])
    expect(found?.tool).toBe('oc-mirror v2')
    expect(found?.hint).toContain('mirroring_errors_')
    expect(
      recognizeForeignLog(['error mirroring image quay.io/ns/a:v1 error: manifest unknown'])?.tool
    ).toBe('oc-mirror v2')
  })

  it('says nothing about oc output or arbitrary text', () => {
    expect(recognizeForeignLog(['error: one or more errors occurred', 'hello', ''])).toBeUndefined()
    expect(recognizeForeignLog([])).toBeUndefined()
  })
})
