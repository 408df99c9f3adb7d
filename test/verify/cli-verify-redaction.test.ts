// `mirror-guard verify` against registries that echo the credentials they were sent, in every
// error shape (registry error documents, plain text, 404 messages, redirects, tags/list, the
// token endpoint): neither the password, nor its base64, nor a bearer token obtained at run time
// may reach the terminal, the JSON on stdout or the JSON file.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyCommand } from '../../src/cli/verify.js'
import { startEchoRegistry, type EchoRegistry } from '../support/echo-registry.js'

// Characters a serializer escapes (JSON: the quote; URLs: slash, plus, ampersand, equals).
const PASSWORD = 'pw-"Echo"/s3cret+&=tail'
const b64 = (s: string) => Buffer.from(s).toString('base64')

let cwd: string
const registries: EchoRegistry[] = []

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'mg-cli-redact-'))
})
afterAll(async () => {
  for (const r of registries) await r.stop()
  await rm(cwd, { recursive: true, force: true })
})

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await verifyCommand(args, { out: (s) => (out += s), err: (s) => (err += s), cwd })
  return { code, out, err }
}

/** Every spelling of a credential that must not appear. */
function forbidden(user: string, password: string, tokens: readonly string[]): string[] {
  return [
    password,
    b64(`${user}:${password}`),
    b64(password),
    encodeURIComponent(password),
    JSON.stringify(password).slice(1, -1),
    new URLSearchParams({ p: password }).toString().slice(2),
    ...tokens
  ]
}

describe.each(['basic', 'bearer'] as const)(
  'verify with %s auth against an echoing registry',
  (auth) => {
    it('prints no credential in the table, --json - or the --json file', async () => {
      const reg = await startEchoRegistry({ auth })
      registries.push(reg)
      const lines = ['json-500', 'text-502', 'json-404', 'redirect']
        .map((shape) => `src.example/ns/app:v1 ${reg.host}/${shape}/app:v1`)
        .concat([`src.example/ns/app ${reg.host}/tags-403/app`])
      await writeFile(join(cwd, `m-${auth}.txt`), lines.join('\n') + '\n')
      await writeFile(
        join(cwd, `auth-${auth}.json`),
        JSON.stringify({ auths: { [reg.host]: { auth: b64(`ci:${PASSWORD}`) } } })
      )
      const common = ['-f', `m-${auth}.txt`, '-a', `auth-${auth}.json`, '--insecure']
      const table = await run([...common, '--json', `out-${auth}.json`])
      const json = await run([...common, '--json', '-'])
      const file = await readFile(join(cwd, `out-${auth}.json`), 'utf8')

      // The registry really echoed what it got (else this test would prove nothing) …
      const tokens = reg.seen
        .filter((h) => h.startsWith('Bearer '))
        .map((h) => h.slice('Bearer '.length))
      expect(reg.seen.length).toBeGreaterThan(0)
      if (auth === 'bearer') expect(tokens.length).toBeGreaterThan(0)
      const all = [table.out, table.err, json.out, json.err, file].join('\n')
      expect(all).toContain('you sent Authorization: ')
      expect(JSON.parse(json.out)).toMatchObject({ complete: false })
      expect(table.code).toBe(1)
      // … and nothing of it is shown.
      for (const secret of forbidden('ci', PASSWORD, tokens)) {
        expect(all, `leaked ${secret}`).not.toContain(secret)
      }
    })

    it('a token endpoint that echoes the basic credentials it was sent', async () => {
      if (auth !== 'bearer') return
      const reg = await startEchoRegistry({ auth })
      registries.push(reg)
      await writeFile(join(cwd, 'm-token.txt'), `src.example/a:v1 ${reg.host}/json-500/app:v1\n`)
      await writeFile(
        join(cwd, 'auth-token.json'),
        JSON.stringify({ auths: { [reg.host]: { username: 'echo-token', password: PASSWORD } } })
      )
      const r = await run(['-f', 'm-token.txt', '-a', 'auth-token.json', '--insecure'])
      expect(r.code).toBe(1)
      expect(r.out).toContain('token request')
      for (const secret of forbidden('echo-token', PASSWORD, [])) {
        expect(r.out + r.err, `leaked ${secret}`).not.toContain(secret)
      }
    })
  }
)
