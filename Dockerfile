# syntax=docker/dockerfile:1
# THADS citizen portal — production image. Build: docker build -t thads-portal .
# Run: docker run -p 3000:3000 -e DATABASE_URL=... -e SESSION_SECRET=... -e BASE_URL=... \
#        -e VNPAY_TMN_CODE=... -e VNPAY_HASH_SECRET=... -e VNPAY_PAYMENT_URL=... -e VNPAY_API_URL=... thads-portal

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/public ./public
COPY package.json ./
# The image's unprivileged user; the app writes nothing outside DATA_DIR (unused with DATABASE_URL).
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "build/server.js"]
