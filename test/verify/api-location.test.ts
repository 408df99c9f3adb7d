// Where the registry check reads a destination: Docker Hub under every one of its names.
import { describe, expect, it } from 'vitest'
import { apiLocation } from '../../src/verify/registry-client.js'

describe('apiLocation', () => {
  it('reads Docker Hub at registry-1.docker.io, official images under library/', () => {
    for (const registry of [
      '',
      'docker.io',
      'Docker.io',
      'index.docker.io',
      'registry-1.docker.io'
    ]) {
      expect(apiLocation(registry, 'app'), registry).toEqual({
        host: 'registry-1.docker.io',
        repo: 'library/app'
      })
      expect(apiLocation(registry, 'ns/app'), registry).toEqual({
        host: 'registry-1.docker.io',
        repo: 'ns/app'
      })
    }
  })

  it('any other host as written (its auth and certs.d entries use that spelling)', () => {
    expect(apiLocation('Quay.io:443', 'app')).toEqual({ host: 'Quay.io:443', repo: 'app' })
    expect(apiLocation('127.0.0.1:5000', 'ns/app')).toEqual({
      host: '127.0.0.1:5000',
      repo: 'ns/app'
    })
  })
})
