import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { Locale } from "../../contracts/common";
import { AppError, type FieldError } from "./errors";
import { customFieldMessage, fieldMessage } from "./field-messages";
import { localeFrom, translate } from "./messages";

export function requestLocale(request: FastifyRequest): Locale {
  return request.actor?.locale && !request.headers["accept-language"]
    ? request.actor.locale
    : localeFrom(request.headers["accept-language"]);
}

function send(reply: FastifyReply, locale: Locale, error: AppError) {
  const detail = translate(error.code, locale, error.params);
  const body: Record<string, unknown> = {
    type: `https://accord.dev/problems/${error.code}`,
    title: translate(error.code, "en", error.params),
    status: error.status,
    detail,
    code: error.code,
  };
  if (error.errors)
    body.errors = error.errors.map((e) => ({
      path: e.path,
      message: customFieldMessage(e.message, locale) ?? e.message,
    }));
  if (typeof error.params.currentVersion === "number") body.currentVersion = error.params.currentVersion;
  return reply.status(error.status).type("application/problem+json").send(body);
}

/** The one error handler: every failure leaves as RFC 9457 problem+json, never with a stack. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = requestLocale(request);
    if (error instanceof AppError) return send(reply, locale, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? "body";
      const errors: FieldError[] = error.validation.map((v) => {
        const issue = { ...v.params, code: v.keyword, message: v.message } as Parameters<
          typeof fieldMessage
        >[0];
        const field = v.instancePath.split("/").filter(Boolean).join(".");
        const path = [where === "body" ? "" : where, field].filter(Boolean).join(".");
        return { path: path || where, message: fieldMessage(issue, locale) };
      });
      return send(reply, locale, AppError.validation(errors));
    }
    const status = error.statusCode ?? 500;
    if (error.code === "FST_ERR_CTP_INVALID_JSON_BODY" || (status === 400 && error instanceof SyntaxError))
      return send(reply, locale, new AppError("malformed_json", 400));
    if (error.code === "FST_ERR_CTP_EMPTY_JSON_BODY")
      return send(reply, locale, new AppError("malformed_json", 400));
    if (status === 413 || error.code === "FST_REQ_FILE_TOO_LARGE")
      return send(reply, locale, new AppError("too_large", 413));
    if (status === 415) return send(reply, locale, new AppError("unsupported_media_type", 415));
    if (status === 429) return send(reply, locale, new AppError("rate_limited", 429));
    if (status >= 400 && status < 500) return send(reply, locale, new AppError("bad_request", status));
    request.log.error({ err: error }, "unhandled error");
    return send(reply, locale, new AppError("internal", 500));
  });

  app.setNotFoundHandler((request, reply) =>
    send(
      reply,
      requestLocale(request),
      new AppError("route_not_found", 404, { route: `${request.method} ${request.url.split("?")[0]}` }),
    ),
  );
}
