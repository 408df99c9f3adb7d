// Secrets through the real entry point: the registry-auth content and every auth, password,
// identitytoken and registrytoken value of a registry config are masked before any output that
// could hold them, and appear in no file the run leaves behind (RUNNER_TEMP, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY, GITHUB_STATE, the uploaded artifacts). The destination requires basic
// auth (htpasswd), so the credentials are really used; a source registry error body quoting
// them (as a misbehaving registry or proxy does) makes real skopeo print them.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actionBundle, runBundle, Workspace, type BundleRun } from '../support/action-bundle.js'
import { startBedWith, type Bed } from '../support/bed.mjs'
import { completeAtDestination, entriesOf, manifestPath } from '../support/e2e-checks.js'
import { startRegistry } from '../support/registry.js'
import { ResultsService } from '../support/results-service.js'
import { runnerView } from '../support/runner-commands.js'

// bcrypt (cost 4) of "pw-for-tests" for user ci (as in test/verify/registry-basic-auth.test.ts).
const HTPASSWD = 'ci:$2a$04$wf9zgu8XipRsYIPihkR5eeTDqhUIDX5E5Jea/.oywYDvcfNWu7okO\n'
const PASSWORD = 'pw-for-tests'
const b64 = (s: string): string => Buffer.from(s).toString('base64')
const nonce = (): string => randomBytes(9).toString('hex')

const OTHER = {
  identitytoken: `idtok-${nonce()}`,
  registrytoken: `regtok-${nonce()}`,
  password: `pass-${nonce()}`,
  auth: b64(`robot:pw2-${nonce()}`)
}

let bed: Bed
let bundle: string
let service: ResultsService
let htpasswdDir: string
const workspaces: Workspace[] = []

function authJson(): string {
  return JSON.stringify(
    {
      auths: {
        [bed.destination.host]: { auth: b64(`ci:${PASSWORD}`) },
        'other.example': OTHER
      }
    },
    null,
    2
  )
}

/** Every credential value, and the forms a tool may print (decoded `user:password`). */
function secrets(): string[] {
  const robot = Buffer.from(OTHER.auth, 'base64').toString()
  return [
    b64(`ci:${PASSWORD}`),
    `ci:${PASSWORD}`,
    PASSWORD,
    OTHER.identitytoken,
    OTHER.registrytoken,
    OTHER.password,
    OTHER.auth,
    robot,
    robot.slice(robot.indexOf(':') + 1)
  ]
}

beforeAll(async () => {
  bundle = await actionBundle()
  service = await ResultsService.start()
  htpasswdDir = mkdtempSync(join(tmpdir(), 'mg-htpasswd-'))
  writeFileSync(join(htpasswdDir, 'htpasswd'), HTPASSWD)
  let n = 0
  // The bed starts the source first, then the destination: only the destination needs auth.
  bed = await startBedWith(
    () =>
      n++ === 0 ? startRegistry() : startRegistry({ htpasswd: join(htpasswdDir, 'htpasswd') }),
    {
      images: ['sec/ok', 'sec/leak'].map((repo, i) => ({
        repo,
        tag: 'v1',
        layers: [{ seed: 74_000 + i, size: 4_000 }]
      }))
    }
  )
  const quoted = secrets().join(' ')
  bed.proxy.setRules([
    {
      name: 'error body quoting the credentials',
      path: manifestPath('sec/leak'),
      always: true,
      action: {
        status: 403,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          errors: [{ code: 'DENIED', message: `credentials ${quoted} rejected`, detail: quoted }]
        })
      }
    }
  ])
})

afterAll(async () => {
  await bed?.stop()
  await service?.stop()
  if (htpasswdDir) rmSync(htpasswdDir, { recursive: true, force: true })
  for (const w of workspaces) w.cleanup()
})

/** Text of every file in an artifact (the stand-in keeps the uploaded zip). */
function artifactTexts(run: string): Map<string, string> {
  const out = new Map<string, string>()
  const dir = mkdtempSync(join(tmpdir(), 'mg-art-'))
  try {
    for (const a of service.artifacts().filter((x) => x.runBackendId === run)) {
      const zip = join(dir, `${a.id}.zip`)
      writeFileSync(zip, a.data)
      out.set(a.name, execFileSync('unzip', ['-p', zip], { encoding: 'latin1' }))
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return out
}

async function mirror(
  w: Workspace,
  auth: Record<string, string>,
  runId: string
): Promise<BundleRun> {
  const S = bed.sourceHost
  const D = bed.destination.host
  w.write('mapping.txt', `${S}/sec/ok:v1 ${D}/sec/ok:v1\n${S}/sec/leak:v1 ${D}/sec/leak:v1\n`)
  return runBundle(
    bundle,
    w.env(
      {
        mapping: 'mapping.txt',
        engine: 'skopeo',
        insecure: 'true',
        'filter-by-os': '.*',
        'max-attempts': '2',
        'retry-delay': '0',
        ...auth
      },
      service.env(runId, 'job-1')
    )
  )
}

function checkRun(w: Workspace, run: BundleRun, runId: string, skip: string[] = []): void {
  expect(run.code, run.stderr).toBe(1)
  const all = secrets()
  // The credentials really reached the tool's output: the test is not vacuous.
  expect(run.stdout).toContain(PASSWORD)
  expect(run.stdout).toContain(OTHER.identitytoken)

  // stdout: each secret is masked by an add-mask the runner accepts, before any line holding it.
  const view = runnerView(run.stdout)
  const masks = view.commands.filter((c) => c.name === 'add-mask')
  const lines = run.stdout.split(/\r\n|\r|\n/)
  for (const s of all) {
    const mask = masks.find((m) => m.data === s)
    expect(mask, `no ::add-mask:: for a secret (${s.slice(0, 4)}…)`).toBeDefined()
    const first = lines.findIndex((l, i) => l.includes(s) && !masks.some((m) => m.line === i + 1))
    if (first >= 0) expect(mask!.line).toBeLessThan(first + 1)
  }

  // Files: nothing the run left behind holds a secret.
  const files = new Map<string, string>()
  for (const f of w.tempFiles()) files.set(f, readFileSync(f, 'latin1'))
  for (const [k, f] of Object.entries(w.files)) files.set(`$${k}`, readFileSync(f, 'latin1'))
  for (const [name, text] of artifactTexts(runId)) files.set(`artifact ${name}`, text)
  expect(files.has('artifact oc-mirror-log')).toBe(true)
  expect([...files.keys()].some((f) => f.endsWith('oc-mirror.log'))).toBe(true)
  const leaks: string[] = []
  for (const [file, text] of files) {
    if (skip.includes(file)) continue
    for (const s of all) if (text.includes(s)) leaks.push(`${file}: ${s.slice(0, 4)}…`)
  }
  expect(leaks).toEqual([])
}

describe('secrets', () => {
  it('registry-auth: masked first, used for the push, in no file or artifact', async () => {
    const w = new Workspace('mg-secrets-')
    workspaces.push(w)
    const run = await mirror(w, { 'registry-auth': authJson() }, '301')
    // The whole input is masked too (line by line for the runner).
    const masks = runnerView(run.stdout).commands.filter((c) => c.name === 'add-mask')
    expect(masks[0]?.line).toBe(1)
    checkRun(w, run, '301')
    // The test's own copy of the credentials, outside the run's directories.
    const check = join(htpasswdDir, 'auth.json')
    writeFileSync(check, authJson())
    const complete = await completeAtDestination(entriesOf(w.read('mapping.txt')), check)
    expect([...complete]).toEqual([0])
  })

  it('registry-config: every credential in the file masked first, in no file or artifact', async () => {
    const w = new Workspace('mg-secrets-')
    workspaces.push(w)
    w.write('auth.json', authJson())
    const run = await mirror(w, { 'registry-config': 'auth.json' }, '302')
    checkRun(w, run, '302')
  })
})
