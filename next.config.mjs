/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files from its own package folder, and argon2 is a native addon:
  // both must be required at run time rather than bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  poweredByHeader: false,
  // Uploads over 1 MB are refused with a message by the import action; the transport limit sits
  // well above that so a 10 MB file gets the message too, not a bare error.
  experimental: {
    serverActions: { bodySizeLimit: '11mb' },
    // The proxy buffers request bodies too (10 MB by default) and would cut the upload short.
    proxyClientMaxBodySize: '11mb',
  },
};

export default nextConfig;
