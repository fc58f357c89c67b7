# syntax=docker/dockerfile:1
# Build: the same commands CI runs (npm ci, npm run build).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Run: the built API, which also serves the built portal.
FROM node:24-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# What `npm run start:prod` runs, started directly so that `docker stop` (SIGTERM) reaches the app, which then
# shuts down cleanly; npm would not pass the signal on. V8's heap is kept small (4 MB semi-spaces, 192 MB old
# space): under load it otherwise grows to twice the resident memory for the same throughput (docs/architecture.md,
# "Memory").
CMD ["node", "--max-semi-space-size=4", "--max-old-space-size=192", "dist/apps/api/main.js"]
