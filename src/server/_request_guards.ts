import type { MiddlewareHandler } from "hono";
import { apiError } from "./api_error.ts";
import { isLoopback } from "./is_loopback.ts";

/**
 * Without a token, only this machine's own pages may drive the server: the
 * `Host` header must name a loopback interface or the bound one (a DNS
 * rebinding page sends its own name), and an `Origin` header, when sent, must
 * be the server's own origin or one of `allowOrigins` (a page elsewhere that
 * posts a "simple" request). 403 otherwise, on every request, GET included.
 */
export function hostAndOriginGuard(hostname: string | undefined, allowOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowOrigins.map((o) => o.replace(/\/+$/, "").toLowerCase()));
  return async (c, next) => {
    const host = (c.req.header("host") ?? new URL(c.req.url).host).toLowerCase();
    const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.replace(/:\d*$/, "");
    if (!isLoopback(name) && name !== hostname?.toLowerCase()) {
      throw apiError(
        403,
        `Refusing a request for host ${
          JSON.stringify(host.slice(0, 100))
        }: without a token this server answers only to its own address (a page on another name may be DNS rebinding); start it with --token to serve other names`,
      );
    }
    const origin = c.req.header("origin");
    if (origin !== undefined) {
      const o = origin.toLowerCase();
      if (o !== `http://${host}` && o !== `https://${host}` && !allowed.has(o)) {
        throw apiError(
          403,
          `Refusing a request from the web page origin ${
            JSON.stringify(origin.slice(0, 100))
          }: only this server's own pages may call it without a token; allow a deliberate client with --allow-origin ${
            origin.slice(0, 100)
          }`,
        );
      }
    }
    await next();
  };
}

/**
 * Every request body must be JSON (`Content-Type: application/json`): 415
 * otherwise. A cross-origin page can send `text/plain` without a CORS
 * preflight; it cannot send JSON. A request without a body (`curl -X POST
 * …/stop`) needs no type. Reads the body (Hono keeps it for the handler), so
 * it goes after the body limit.
 */
export function jsonContentTypeGuard(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.raw.body !== null && c.req.method !== "GET" && c.req.method !== "HEAD" && await c.req.text() !== "") {
      const type = c.req.header("content-type") ?? "";
      if (!/^application\/json\s*(;|$)/i.test(type)) {
        throw apiError(
          415,
          `Expected a request body of Content-Type application/json but found ${
            type === "" ? "none" : JSON.stringify(type.slice(0, 100))
          }`,
        );
      }
    }
    await next();
  };
}

/**
 * Every `/api` request must carry the token: `Authorization: Bearer <token>`,
 * or `?token=<token>` on the two GET routes that cannot send headers (event
 * streams, downloads). 401 otherwise.
 */
export function tokenGuard(token: string): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header("authorization");
    const queryAllowed = c.req.method === "GET" && /^\/api\/runs\/[^/]+\/(events|export)$/.test(c.req.path);
    const given = header?.startsWith("Bearer ") ? header.slice(7) : queryAllowed ? c.req.query("token") : undefined;
    if (given === undefined || !sameSecret(given, token)) {
      throw apiError(
        401,
        "Missing or wrong token: send Authorization: Bearer <token> (or ?token=<token> on event streams and exports)",
      );
    }
    await next();
  };
}

function sameSecret(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a), y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}
