// Two log shapes that only test memory: one real oc run with a single multi-line error whose
// body goes on for the whole log, and one with the same error line repeated through the whole
// log. Both start from the real `clean-file` run (test/fixtures/oc-transcripts/4.12), with the
// error block inserted before its `info: Mirroring completed` line.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { realRuns } from './real-log.mjs'

const ALPHA_LAYER =
  'unable to open source layer sha256:6fe0e458f056027caacfaeba29b235e04bd5f6b29b144fb9fa902fa592613f5d to copy to file://ns/alpha'

/** What each shape repeats: the opening line (once) and the line repeated after it. */
const SHAPES = {
  'huge-error': {
    first: `error: ${ALPHA_LAYER}: toomanyrequests: too many requests: rate limit exceeded; body:`,
    repeat:
      '    {"errors":[{"code":"TOOMANYREQUESTS","message":"rate limit exceeded","detail":"retry later, the quota of this client is used up for this hour"}]}'
  },
  'identical-errors': {
    first: undefined,
    repeat: `error: ${ALPHA_LAYER}: toomanyrequests: too many requests: rate limit exceeded`
  }
}

/**
 * Writes the shape at about `targetBytes`, and `smallPath`: the same with 1,000 repetitions
 * (a correct triage judges both alike).
 * @param {'huge-error' | 'identical-errors'} shape
 * @param {string} path
 * @param {{ targetBytes: number; smallPath: string }} opts
 */
export async function writeEdgeLog(shape, path, opts) {
  const clean = realRuns().runs.find((r) => r.name === 'clean-file')
  if (!clean) throw new Error('the clean-file transcript is missing')
  const lines = clean.text.split('\n')
  const at = lines.findIndex((l) => l.startsWith('info: Mirroring completed'))
  const head =
    lines.slice(0, at).join('\n') + '\n' + (SHAPES[shape].first ? SHAPES[shape].first + '\n' : '')
  const tail = (shape === 'huge-error' ? '\n' : '') + lines.slice(at).join('\n')
  const line = SHAPES[shape].repeat + '\n'
  const write = async (file, count) => {
    const out = createWriteStream(file)
    out.write(head)
    const block = line.repeat(4096)
    let left = count
    while (left > 0) {
      const n = Math.min(left, 4096)
      if (!out.write(n === 4096 ? block : line.repeat(n))) await once(out, 'drain')
      left -= n
    }
    out.end(tail)
    await once(out, 'finish')
  }
  const count = Math.max(
    1000,
    Math.floor((opts.targetBytes - head.length - tail.length) / line.length)
  )
  await write(path, count)
  await write(opts.smallPath, 1000)
  return { bytes: head.length + tail.length + count * line.length, repeated: count }
}
