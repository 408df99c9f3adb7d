// `attempt-timeout: 600h` is longer than a Node timer holds (2^31-1 ms ≈ 596h): refused with a
// clear message before anything runs, instead of firing after 1 ms and failing every attempt.
import { describe, expect, it } from 'vitest'
import { run } from '../../src/main.js'
import { actionEnvPerTest, annotations, captureStdout } from './harness.js'

const setup = actionEnvPerTest()

describe('durations beyond what a timer holds', () => {
  it.each(['attempt-timeout', 'retry-delay', 'max-retry-delay'])(
    '%s: 600h is refused clearly and nothing runs',
    async (input) => {
      const e = setup([{ case: '4.12/clean-reg' }])
      const mapping = e.mappingFrom('4.12/clean-reg')
      e.stub({
        mapping,
        insecure: 'true',
        upload: 'false',
        'max-retry-delay': '600h',
        [input]: '600h'
      })
      const stdout = captureStdout()
      await run()
      expect(e.allCalls()).toEqual([])
      expect(process.exitCode).toBe(1)
      const errors = annotations(stdout()).filter((a) => a.level === 'error')
      expect(errors.map((a) => a.message)).toContain(
        `Input ${input}: "600h" is longer than the longest wait a timer can hold (2147483s, about 596h or 24.8 days); use at most 596h.`
      )
    }
  )

  it('attempt-timeout: 596h is accepted and the run mirrors', async () => {
    const e = setup([{ case: '4.12/clean-reg' }])
    const mapping = e.mappingFrom('4.12/clean-reg')
    e.stub({ mapping, insecure: 'true', upload: 'false', verify: 'off', 'attempt-timeout': '596h' })
    captureStdout()
    await run()
    expect(e.calls()).toHaveLength(1)
    expect(e.outputs()['outcome']).toBe('success')
  })
})
