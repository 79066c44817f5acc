# syntax=docker/dockerfile:1
# Newsdesk: multi-stage build, runs compiled JavaScript as a non-root user. Migrations are
# applied on start (every entry point migrates the database itself, under a lock).

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY prisma ./prisma
COPY scripts ./scripts
COPY src ./src
# postinstall generates the Prisma clients into src/generated and compiles src/ to dist/.
RUN npm ci --no-audit --no-fund

FROM build AS check
COPY . .
RUN npm run typecheck && npm run lint

# Pruned on the checked tree, so a failing typecheck or lint stops the image build.
FROM check AS prod-deps
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DATABASE_URL=file:/data/newsdesk.db \
    PORT=3000
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# The migrations are read at start (dist/db/migrations.js looks two levels up, as src/db does).
COPY prisma ./prisma
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Liveness only (/healthz): Docker restarts a process that stopped serving, never one that is
# merely not ready (/readyz: a full disk, posting paused by an editor), which a restart cannot fix.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Memory (see README, Benchmarks: Idle memory and Ingest), the same settings as `npm start`:
# - MALLOC_ARENA_MAX: one malloc arena per thread that allocates would keep memory V8's
#   compiler threads freed.
# - --liftoff-only: Prisma's WebAssembly query compiler stays on V8's baseline compiler; the
#   optimising one cost ~25 MB (after 30 s idle) and a slower start, for no measurable query time.
# - --max-old-space-size=256: V8 grows a heap with a small limit less eagerly; an ingest run peaks
#   at ~250 MB instead of ~330 MB at the same CPU time (its live heap stays under 60 MB). Each
#   thread has its own limit. A newsroom whose bot needs more raises it here.
# (MALLOC_MMAP_THRESHOLD_=32768 saved another ~10 MB at idle but cost an ingest run 60% more CPU.)
ENV MALLOC_ARENA_MAX=2
# Node runs the compiled code directly: no npm or tsx process in between (less memory, signals reach Newsdesk).
CMD ["node", "--liftoff-only", "--max-old-space-size=256", "dist/main.js"]
