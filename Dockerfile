# syntax=docker/dockerfile:1
# Newsdesk: multi-stage build, runs as a non-root user. Migrations are applied on
# start (every entry point migrates the database itself, under a lock).

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY scripts ./scripts
COPY src/db/schema-files.ts ./src/db/schema-files.ts
# postinstall generates the Prisma clients into src/generated.
RUN npm ci --no-audit --no-fund

FROM deps AS check
COPY . .
RUN npm run typecheck && npm run lint

# Built on the checked tree, so a failing typecheck or lint stops the image build.
FROM check AS prod-deps
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DATABASE_URL=file:/data/newsdesk.db \
    PORT=3000
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=deps /app/src/generated ./src/generated
COPY package.json package-lock.json tsconfig.json ./
COPY prisma ./prisma
COPY scripts ./scripts
COPY src ./src
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Liveness only (/healthz): Docker restarts a process that stopped serving, never one that is
# merely not ready (/readyz: a full disk, posting paused by an editor), which a restart cannot fix.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# tsx runs the TypeScript sources directly (no separate build output to keep in sync).
CMD ["node", "--import", "tsx", "src/main.ts"]
