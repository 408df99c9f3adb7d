// One slow test on its own (the library backs off ~3 s then ~5 s between its retries), so
// it runs in parallel with the other files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { uploadFiles } from '../../src/github/artifacts.js'
import { ResultsService } from '../support/results-service.js'

let service: ResultsService | undefined
let tmp: string

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'artifacts-retry-'))
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
})
afterEach(async () => {
  await service?.stop()
  rmSync(tmp, { recursive: true, force: true })
})

it('the service answering 503 twice, then OK: the upload succeeds', async () => {
  service = await ResultsService.start()
  for (const [k, v] of Object.entries(service.env())) vi.stubEnv(k, v)
  service.failNext(2, 503, /CreateArtifact$/)
  const file = path.join(tmp, 'log.txt')
  writeFileSync(file, 'error: unable to push quay.io/a/b: HTTP 503\n')

  const up = await uploadFiles('oc-mirror-log', [file], tmp)

  expect(up.warning).toBeUndefined()
  expect(up.id).toBeGreaterThan(0)
  expect(service.requests.map((r) => `${r.path.split('/').pop() ?? ''} ${r.status}`)).toEqual([
    'CreateArtifact 503',
    'CreateArtifact 503',
    'CreateArtifact 200',
    `${up.id} 201`,
    `${up.id} 201`,
    'FinalizeArtifact 200'
  ])
  expect(service.artifacts().map((a) => a.name)).toEqual(['oc-mirror-log'])
}, 60_000)
