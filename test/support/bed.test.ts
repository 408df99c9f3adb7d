import { describe, expect, it } from 'vitest'
import { startBedWith, type RegistryHandle } from './bed.mjs'
import { startBed } from './bed.js'

describe('startBed', () => {
  it('starts source, proxy and destination on 127.0.0.1; stop is idempotent', async () => {
    const bed = await startBed({
      images: [{ repo: 'ns/a', tag: 'v1', layers: [{ seed: 1, size: 64 }] }]
    })
    try {
      for (const h of [bed.source.host, bed.destination.host, bed.sourceHost]) {
        expect(h).toMatch(/^127\.0\.0\.1:\d+$/)
      }
      expect(bed.sourceHost).toBe(bed.proxy.host)
      const res = await fetch(`${bed.proxy.url}/v2/ns/a/manifests/v1`, {
        method: 'HEAD',
        headers: { accept: 'application/vnd.oci.image.manifest.v1+json' }
      })
      expect(res.headers.get('docker-content-digest')).toBe(bed.images.images[0].digest)
    } finally {
      await Promise.all([bed.stop(), bed.stop()])
      await bed.stop()
    }
    await expect(fetch(`${bed.proxy.url}/v2/`)).rejects.toThrow()
    await expect(fetch(`${bed.source.url}/v2/`)).rejects.toThrow()
  })

  it('stops what it started when a later step fails', async () => {
    const stopped: string[] = []
    let n = 0
    const fake = (): Promise<RegistryHandle> => {
      n++
      if (n === 2) return Promise.reject(new Error('port taken'))
      const host = `127.0.0.1:${n}`
      return Promise.resolve({
        host,
        url: `http://${host}`,
        stop: () => {
          stopped.push(host)
          return Promise.resolve()
        }
      })
    }
    await expect(startBedWith(fake, {})).rejects.toThrow('port taken')
    expect(stopped).toEqual(['127.0.0.1:1'])
  })
})
