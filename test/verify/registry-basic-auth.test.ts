// Basic auth against a real docker-registry with htpasswd: credentials come from the registry
// config file, exactly as oc's -a / --registry-config would read them.
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyRegistryEntries } from '../../src/verify/registry-verify.js'
import { buildImages, type BuiltImages } from '../support/images.mjs'
import { startRegistry, type RunningRegistry } from '../support/registry.js'
import { entry, registryRef } from './entries.js'

// bcrypt (cost 4, the minimum: the registry checks it on every request) of "pw-for-tests".
const HTPASSWD = 'ci:$2a$04$wf9zgu8XipRsYIPihkR5eeTDqhUIDX5E5Jea/.oywYDvcfNWu7okO\n'
const b64 = (s: string) => Buffer.from(s).toString('base64')

let dir: string
let reg: RunningRegistry
let built: BuiltImages

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mg-basic-auth-'))
  await writeFile(join(dir, 'htpasswd'), HTPASSWD)
  reg = await startRegistry({ htpasswd: join(dir, 'htpasswd') })
  built = await buildImages([{ repo: 'ns/private', tag: 'v1', layers: [{ seed: 21, size: 1024 }] }])
  const img = built.images[0]
  await promisify(execFile)('skopeo', [
    'copy',
    '--quiet',
    '--dest-tls-verify=false',
    '--dest-creds',
    'ci:pw-for-tests',
    `oci:${built.layoutDir}:${img.refName}`,
    `docker://${reg.host}/ns/private:v1`
  ])
})

afterAll(async () => {
  await reg?.stop()
  if (built) await rm(built.layoutDir, { recursive: true, force: true })
  if (dir) await rm(dir, { recursive: true, force: true })
})

const e = () =>
  entry(
    0,
    registryRef('src.example', 'ns/private', 'v1'),
    registryRef(reg.host, 'ns/private', 'v1')
  )

describe('basic auth from the registry config', () => {
  it('verifies with the auth entry of the config', async () => {
    const authFile = join(dir, 'auth.json')
    await writeFile(
      authFile,
      JSON.stringify({ auths: { [reg.host]: { auth: b64('ci:pw-for-tests') } } })
    )
    expect(
      await verifyRegistryEntries([e()], { insecure: true, digest: true, authFile })
    ).toMatchObject([{ entryId: 0, complete: true, problems: [] }])
  })

  it('verifies with username/password fields and an http:// key', async () => {
    const authFile = join(dir, 'auth2.json')
    await writeFile(
      authFile,
      JSON.stringify({
        auths: { [`http://${reg.host}/`]: { username: 'ci', password: 'pw-for-tests' } }
      })
    )
    expect(
      await verifyRegistryEntries([e()], { insecure: true, digest: false, authFile })
    ).toMatchObject([{ complete: true }])
  })

  it('no credentials or wrong ones: unauthorized, not complete', async () => {
    const [none] = await verifyRegistryEntries([e()], { insecure: true, digest: false })
    expect(none.problems.map((p) => p.kind)).toEqual(['unauthorized'])
    expect(none.problems[0].message).toContain('none in the registry config')
    const authFile = join(dir, 'wrong.json')
    await writeFile(authFile, JSON.stringify({ auths: { [reg.host]: { auth: b64('ci:nope') } } }))
    const [wrong] = await verifyRegistryEntries([e()], { insecure: true, digest: false, authFile })
    expect(wrong.complete).toBe(false)
    expect(wrong.problems[0].kind).toBe('unauthorized')
    expect(wrong.problems[0].message).toContain('HTTP 401')
  })
})
