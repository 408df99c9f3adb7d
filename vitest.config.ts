import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    unstubEnvs: true,
    restoreMocks: true,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks'
  }
})
