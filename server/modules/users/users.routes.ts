import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { User } from "../../../contracts/auth";
import { IdParams, listOf } from "../../../contracts/common";
import { UserCreate, UserListQuery, UserUpdate } from "../../../contracts/users";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import { createUser, deactivateUser, getUser, listVisibleUsers, updateUser } from "./users.service";

export async function usersRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["users"];
  r.get(
    "/api/v1/users",
    { schema: { tags, querystring: UserListQuery, response: { 200: listOf(User) } } },
    (req) => listVisibleUsers(ctx.db, requireActor(req), req.query),
  );
  r.post(
    "/api/v1/users",
    { schema: { tags, body: UserCreate, response: { 201: User } } },
    async (req, reply) => reply.status(201).send(await createUser(ctx.db, requireActor(req), req.body)),
  );
  r.get("/api/v1/users/:id", { schema: { tags, params: IdParams, response: { 200: User } } }, (req) =>
    getUser(ctx.db, requireActor(req), req.params.id),
  );
  r.patch(
    "/api/v1/users/:id",
    { schema: { tags, params: IdParams, body: UserUpdate, response: { 200: User } } },
    (req) => updateUser(ctx.db, requireActor(req), req.params.id, req.body),
  );
  r.delete("/api/v1/users/:id", { schema: { tags, params: IdParams, response: { 200: User } } }, (req) =>
    deactivateUser(ctx.db, requireActor(req), req.params.id),
  );
}
