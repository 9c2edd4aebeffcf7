import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  LoginBody,
  PasswordChange,
  ProfileUpdate,
  SetupBody,
  SetupStatus,
  User,
} from "../../../contracts/auth";
import { Ok } from "../../../contracts/common";
import { requireActor, SESSION_COOKIE } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import { presentUser } from "../users/users.presenter";
import {
  changePassword,
  login,
  logout,
  needsSetup,
  type SignedIn,
  setup,
  updateProfile,
} from "./auth.service";

const client = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers["user-agent"] });

export async function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["auth"];
  const secure = ctx.config.publicUrl?.startsWith("https://") ?? false;
  const setCookie = (reply: FastifyReply, signedIn: SignedIn) =>
    reply.setCookie(SESSION_COOKIE, signedIn.secret, {
      httpOnly: true,
      sameSite: "lax",
      secure,
      path: "/",
      expires: signedIn.expiresAt,
    });

  r.get(
    "/api/v1/setup",
    { config: { public: true }, schema: { tags, security: [], response: { 200: SetupStatus } } },
    async () => ({
      needsSetup: await needsSetup(ctx.db),
    }),
  );
  r.post(
    "/api/v1/setup",
    { config: { public: true }, schema: { tags, security: [], body: SetupBody, response: { 201: User } } },
    async (req, reply) => {
      const signedIn = await setup(ctx.db, ctx.config, ctx.workspaceId, req.body, client(req));
      return setCookie(reply, signedIn).status(201).send(signedIn.user);
    },
  );
  r.post(
    "/api/v1/auth/login",
    { config: { public: true }, schema: { tags, security: [], body: LoginBody, response: { 200: User } } },
    async (req, reply) => {
      const signedIn = await login(ctx.db, ctx.config, ctx.workspaceId, req.body, client(req));
      return setCookie(reply, signedIn).send(signedIn.user);
    },
  );
  r.post(
    "/api/v1/auth/logout",
    { config: { public: true }, schema: { tags, response: { 200: Ok } } },
    async (req, reply) => {
      await logout(ctx.db, req.actor);
      return reply.clearCookie(SESSION_COOKIE, { path: "/" }).send({ ok: true as const });
    },
  );
  // The user row was read with the session: no second query on the hottest endpoint.
  r.get("/api/v1/auth/me", { schema: { tags, response: { 200: User } } }, async (req) => {
    requireActor(req);
    return presentUser(req.currentUser!);
  });
  r.patch("/api/v1/auth/me", { schema: { tags, body: ProfileUpdate, response: { 200: User } } }, (req) =>
    updateProfile(ctx.db, requireActor(req), req.body),
  );
  r.post(
    "/api/v1/auth/password",
    { schema: { tags, body: PasswordChange, response: { 200: Ok } } },
    async (req) => {
      await changePassword(ctx.db, requireActor(req), req.body);
      return { ok: true as const };
    },
  );
}
