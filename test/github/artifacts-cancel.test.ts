// retry-from's download under a stop: a results service (or REST API) that never answers must
// not hold a cancelled run; the download is given up at once and says it was cancelled.
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { downloadRetryMapping } from '../../src/github/artifacts.js'
import { fakeRuntimeToken } from '../support/results-service.js'

let server: Server
let url: string
const seen: IncomingMessage[] = []
let tmp: string

beforeAll(async () => {
  // Takes every request and never answers.
  server = createServer((req) => seen.push(req))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  rmSync(tmp, { recursive: true, force: true })
})
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'artifacts-cancel-'))
  vi.stubEnv('ACTIONS_RUNTIME_TOKEN', fakeRuntimeToken('101', 'job-a'))
  vi.stubEnv('ACTIONS_RESULTS_URL', `${url}/`)
  vi.stubEnv('GITHUB_SERVER_URL', 'https://github.com')
  vi.stubEnv('GITHUB_API_URL', url)
  vi.stubEnv('GITHUB_REPOSITORY', 'octo/mirror')
})

/** Downloads with a signal that fires once the server holds the library's first request. */
async function stoppedWhileWaiting(
  req: Omit<Parameters<typeof downloadRetryMapping>[0], 'signal'>
) {
  const ctl = new AbortController()
  const before = seen.length
  let stoppedAt = 0
  const poll = setInterval(() => {
    if (seen.length > before && !ctl.signal.aborted) {
      stoppedAt = Date.now()
      ctl.abort(new Error('SIGTERM'))
    }
  }, 20)
  try {
    const got = await downloadRetryMapping({ ...req, signal: ctl.signal })
    return { got, afterStop: Date.now() - stoppedAt, stopped: stoppedAt > 0 }
  } finally {
    clearInterval(poll)
  }
}

describe('downloadRetryMapping under a stop', () => {
  it('this run: a results service that never answers is given up when the signal fires', async () => {
    const r = await stoppedWhileWaiting({
      name: 'oc-mirror-retry-mapping',
      path: path.join(tmp, 'a')
    })
    expect(r.stopped).toBe(true)
    expect(r.afterStop).toBeLessThan(2_000)
    expect(r.got).toEqual({
      found: false,
      files: [],
      cancelled: true,
      reason: 'the run was cancelled before artifact oc-mirror-retry-mapping was downloaded'
    })
  }, 30_000)

  it('another run (REST API): the same', async () => {
    const r = await stoppedWhileWaiting({
      name: 'oc-mirror-retry-mapping',
      runId: 42,
      token: 'ghs_x',
      path: path.join(tmp, 'b')
    })
    expect(r.stopped).toBe(true)
    expect(r.afterStop).toBeLessThan(2_000)
    expect(r.got).toMatchObject({ found: false, cancelled: true })
  }, 30_000)

  it('a signal already aborted asks nothing', async () => {
    const ctl = new AbortController()
    ctl.abort()
    const before = seen.length
    const got = await downloadRetryMapping({
      name: 'x',
      path: path.join(tmp, 'c'),
      signal: ctl.signal
    })
    expect(got).toMatchObject({ found: false, cancelled: true })
    expect(seen.length).toBe(before)
  })
})
