# The mtasts bot on Node 24 (active LTS). Builds wherever an npm registry is reachable: better-sqlite3's native
# fallback compiles against the headers the base image ships instead of downloading them.
# Rules kept by test/docker/dockerfile.test.ts; scripts/docker-smoke.sh builds and tries the image.

# Production dependencies, with the better-sqlite3 addon: rebuilt only when package.json or the lockfile change.
FROM node:24-bookworm-slim AS deps
ENV npm_config_nodedir=/usr/local
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts skips our own prepare (it needs the sources); the addon's install script runs on its own.
# Only the compiled addon is kept: its C sources, objects and static library are about 27 MB of leftovers.
RUN npm ci --omit=dev --ignore-scripts \
 && npm rebuild better-sqlite3 \
 && cd node_modules/better-sqlite3 \
 && mv build/Release/better_sqlite3.node . \
 && rm -rf build deps src \
 && mkdir -p build/Release \
 && mv better_sqlite3.node build/Release/

# The compiled TypeScript: every dependency for tsc, no native build needed for it.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
RUN npm run build

# Runtime: compiled code and production dependencies only, as the image's unprivileged node user (uid 1000).
FROM node:24-bookworm-slim
ENV NODE_ENV=production MTASTS_DB=/data/mtasts.db
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
RUN mkdir /data && chown 1000:1000 /data
USER 1000:1000
VOLUME ["/data"]
# The bot's own HTTP server (MTASTS_HTTP_PORT, default 8080): /healthz, /readyz, /metrics, TLS-RPT reports.
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["node", "dist/adapters/http/healthcheck.js"]
# node directly, not npm: nothing between the runtime's SIGTERM and the bot, and no npm (which may contact the
# registry) on every start.
CMD ["node", "dist/adapters/start.js"]
