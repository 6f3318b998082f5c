/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // PGlite ships ~20 MB of wasm; bundling it would copy it into the static assets.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg-boss"],
  typedRoutes: false,
  // Site photos are up to 5 MB and evidence documents up to 10 MB (checked in
  // db/queries/site-photos.ts and site-documents.ts); the default 1 MB action body limit
  // would refuse them before our own clear message.
  experimental: { serverActions: { bodySizeLimit: "11mb" } },
  async headers() {
    // The Content-Security-Policy is set per request in proxy.ts (it carries a nonce).
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(self)" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
