# Production image: the built api serving the built web app on one port. CI replays it
# without a container engine (tools/image/replay.mjs: these steps, then the CMD).
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
ENV NX_DAEMON=false NX_NO_CLOUD=true
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Only what dist/api/main.js loads stays (the web app is static files in dist/web).
# --legacy-peer-deps: without it npm keeps the optional peers a dev dependency happens to
# satisfy (typescript, ts-node, @types/node: about 28 MB the api never loads).
RUN npx nx run-many -t build -p api web --output-style=static && npm prune --omit=dev --legacy-peer-deps

FROM node:20.20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000 WEB_DIST=/app/dist/web/browser
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "dist/api/main.js"]
