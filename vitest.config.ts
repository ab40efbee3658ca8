import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/electron/**/*.test.ts'],
    environment: 'node',
    // scrypt and SQLCipher key derivation are deliberately slow; a 2-core CI machine needs room.
    testTimeout: 30_000,
    pool: 'forks',
  },
});
