// The action's one redactor: a destination whose errors echo the credentials it was sent (in a
// registry error document, plain text, a 404 message, a redirect URL) must leave no password,
// no base64 of it and no header in the outputs, the report, the summary, the annotations, the
// log files or anything else the run wrote. oc is a stand-in replaying a real clean run; the
// verification talks to the hostile registry for real.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { run } from '../../src/main.js'
import { actionEnvPerTest, captureStdout, TRANSCRIPTS } from '../action/harness.js'
import { startEchoRegistry, type EchoRegistry } from '../support/echo-registry.js'

const PASSWORD = 'pw-"Echo"/s3cret+&=tail'
const b64 = (s: string) => Buffer.from(s).toString('base64')
const setup = actionEnvPerTest()
let reg: EchoRegistry

beforeAll(async () => {
  reg = await startEchoRegistry({ auth: 'basic' })
})
afterAll(async () => {
  await reg?.stop()
})

/** Every file under `dir`, as text. */
function allText(dir: string): string {
  let out = ''
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const p = join(dir, name)
    if (statSync(p).isFile()) out += `\n${readFileSync(p, 'utf8')}`
  }
  return out
}

describe('verification errors that echo credentials', () => {
  it('reach no output, report, summary, annotation or log file', async () => {
    const e = setup([{ case: '4.12/clean-reg' }])
    const shapes = ['json-500', 'text-502', 'json-404', 'redirect', 'json-500']
    const lines = readFileSync(join(TRANSCRIPTS, '4.12/clean-reg/mapping.txt'), 'utf8')
      .trim()
      .split('\n')
      .map((l, i) => l.replace(/127\.0\.0\.1:5001\/t412-clean-reg\//, `${reg.host}/${shapes[i]}/`))
    const mapping = e.writeFile('mapping.txt', lines.join('\n') + '\n')
    const auth = JSON.stringify({ auths: { [reg.host]: { auth: b64(`ci:${PASSWORD}`) } } })
    e.stub({
      mapping,
      'registry-auth': auth,
      'filter-by-os': '.*',
      insecure: 'true',
      'max-attempts': '1',
      upload: 'false'
    })
    const stdout = captureStdout()
    await run()

    const out = e.outputs()
    expect(out['outcome']).toBe('failed')
    // The 404 says the tag is missing (incomplete); the others could not be read (unverified).
    expect(JSON.parse(out['failed-by-class'])).toEqual({ incomplete: 1, unverified: 4 })
    // `::add-mask::` commands are how the runner learns the values; they never show.
    const shown = stdout()
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
    const everything = [...shown, allText(e.dir)].join('\n')
    // The registry echoed what it got, and the messages carry the echo …
    expect(reg.seen.some((h) => h.startsWith('Basic '))).toBe(true)
    expect(everything).toContain('you sent Authorization: Basic ***')
    // … but no spelling of the credential is anywhere.
    for (const secret of [
      PASSWORD,
      b64(`ci:${PASSWORD}`),
      encodeURIComponent(PASSWORD),
      JSON.stringify(PASSWORD).slice(1, -1),
      new URLSearchParams({ p: PASSWORD }).toString().slice(2)
    ]) {
      expect(everything, `leaked ${secret}`).not.toContain(secret)
    }
  })
})
