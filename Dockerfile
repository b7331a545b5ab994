# Build stage: compiles TypeScript and the better-sqlite3 native addon.
FROM node:20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
RUN npm ci && npm prune --omit=dev

# Runtime stage: only the compiled code and production dependencies, as the unprivileged node user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production MTASTS_DB=/data/mtasts.db
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
RUN mkdir /data && chown node:node /data
USER node
VOLUME ["/data"]
# npm passes SIGTERM on, and the start script execs node, so the bot itself gets it; run with `docker run --init`.
CMD ["npm", "start"]
