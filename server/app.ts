import { existsSync } from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from "fastify";
import { jsonSchemaTransform, validatorCompiler } from "fastify-type-provider-zod";
import { registerModules } from "./modules/index";
import { installAuth } from "./platform/auth";
import type { AppContext } from "./platform/context";
import { installErrorHandler } from "./platform/error-handler";
import { rejectNul } from "./platform/input-guard";
import { responseSerializer } from "./platform/response-serializer";
import { appVersion, projectRoot } from "./platform/version";

/** Builds the HTTP application: plugins, auth, the error handler, every module's routes, the SPA. */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    genReqId: () => crypto.randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer);
  installErrorHandler(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine injects its CSS variables at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: ctx.config.publicUrl?.startsWith("https://")
      ? { maxAge: 15552000, includeSubDomains: true }
      : false,
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  // Uploads stream to storage; beyond the limit the request fails with 413 (routes pass the
  // current limit again per request).
  await app.register(multipart, {
    limits: { fileSize: ctx.config.uploadLimitBytes, files: 1, fields: 10, fieldSize: 1024 * 1024 },
  });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Accord API",
        version: appVersion,
        description:
          "The public API of Accord, a CRM for client relations managers. Errors are RFC 9457 problem+json.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "accord_session" },
          bearer: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  installAuth(app, ctx.db, ctx.config);
  // API.md: PATCH takes `version` in the body or as an If-Match header.
  app.addHook("preValidation", async (request) => {
    rejectNul(request.body, request.query);
    const ifMatch = request.headers["if-match"];
    const body = request.body;
    if (
      request.method !== "PATCH" ||
      !ifMatch ||
      typeof body !== "object" ||
      body === null ||
      "version" in body
    )
      return;
    const version = Number.parseInt(ifMatch.replace(/^W\//, "").replaceAll('"', ""), 10);
    if (Number.isInteger(version)) (body as Record<string, unknown>).version = version;
  });
  await registerModules(app, ctx);
  await serveWeb(app);
  return app;
}

/** The built SPA is served from the same port; unknown non-API paths get index.html. */
async function serveWeb(app: FastifyInstance): Promise<void> {
  const root = path.join(projectRoot, "dist/web");
  if (!existsSync(path.join(root, "index.html"))) return;
  await app.register(fastifyStatic, { root, wildcard: false, index: false, maxAge: "1h" });
  const sendIndex = (reply: FastifyReply) =>
    reply.header("cache-control", "no-cache").sendFile("index.html", { maxAge: 0 });
  app.get("/", { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  app.get("/*", { schema: { hide: true } }, (request, reply) => {
    const file = request.url.split("?")[0]!;
    // API paths and missing files stay 404; every other path is a client-side route.
    if (file.startsWith("/api/") || /\.[a-z0-9]+$/i.test(file)) return reply.callNotFound();
    return sendIndex(reply);
  });
}
