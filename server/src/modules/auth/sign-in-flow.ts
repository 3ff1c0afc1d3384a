import { randomBytes } from "node:crypto";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { IDToken } from "openid-client";
import { Passport } from "passport";
import { PAGE_PATHS, ROLE_HOME } from "@shared/page-paths";
import type { Db } from "../../db/client";
import type { Env } from "../../env";
import type { Logger } from "../../logger";
import { recordAudit } from "../audit/record-audit";
import { EMBEDDED_ISSUER_KEY } from "../dev-idp/issuer-key";
import { loadActor } from "../identity/actor";
import { signInUser } from "../identity/commands/sign-in-user";
import { discoverIssuer, type OidcSettings } from "./oidc-client";
import { PkceStateNonceStrategy } from "./strategy";

const STRATEGY = "oidc";

interface SignedInUser {
  id: string;
}

export interface SignInFlowDeps {
  db: Db;
  env: Env;
  logger: Logger;
  settings: OidcSettings;
}

/** Why a sign-in failed, short and free of personal data, for the audit log. */
function failureReason(error: unknown, info: unknown): string {
  // openid-client wraps the specific error ("unexpected JWT "aud" claim value") in its cause.
  const inner = (error as { cause?: unknown } | undefined)?.cause;
  const text =
    error instanceof Error
      ? `${error.name}: ${error.message}${inner instanceof Error ? `: ${inner.message}` : ""}`
      : ((info as { message?: string } | undefined)?.message ?? "refused");
  return text.replace(/[\w.+-]+@[\w.-]+/g, "[address]").slice(0, 200);
}

/**
 * The OpenID Connect sign-in: /auth/login redirects to the issuer, /auth/callback checks
 * everything (state, nonce, PKCE, ID token signature, issuer, audience) through openid-client.
 * Discovery is lazy, so the app starts even while the issuer is unreachable, and retries.
 */
export function createSignInFlow({ db, env, logger, settings }: SignInFlowDeps) {
  const passport = new Passport();
  passport.serializeUser<string>((user, done) => done(null, (user as SignedInUser).id));
  let ready: Promise<void> | undefined;

  const ensureStrategy = () => {
    ready ??= discoverIssuer(settings).then(
      (config) => {
        const strategy = new PkceStateNonceStrategy(
          { config, scope: "openid email profile", callbackURL: `${env.publicUrl}/auth/callback`, passReqToCallback: true },
          (req: Request, tokens: { claims(): IDToken | undefined }, done: (error: unknown, user?: SignedInUser | false, info?: object) => void) => {
            const claims = tokens.claims();
            if (!claims || typeof claims.email !== "string") return done(null, false, { message: "the ID token has no email claim" });
            signInUser({
              db,
              adminEmails: env.adminEmails,
              ip: req.ip,
              claims: {
                issuer: settings.embedded ? EMBEDDED_ISSUER_KEY : claims.iss,
                subject: claims.sub,
                email: claims.email,
                emailVerified: claims.email_verified === true,
                name: typeof claims.name === "string" ? claims.name : null,
              },
            }).then(
              (result) => (result.ok ? done(null, { id: result.userId }) : done(null, false, { message: `account ${result.reason}` })),
              (error: unknown) => done(error),
            );
          },
        );
        passport.use(STRATEGY, strategy as unknown as Parameters<typeof passport.use>[1]);
      },
      (error: unknown) => {
        ready = undefined;
        throw error;
      },
    );
    return ready;
  };

  const initialize = passport.initialize();

  const login: RequestHandler = async (req, res, next) => {
    try {
      await ensureStrategy();
    } catch (error) {
      logger.error({ err: error }, "sign-in: the identity provider could not be reached");
      res.status(503).type("text").send("Sign-in is unavailable right now because the identity provider cannot be reached. Try again in a few minutes.");
      return;
    }
    passport.authenticate(STRATEGY)(req, res, next);
  };

  const callback: RequestHandler = async (req: Request, res: Response, next: NextFunction) => {
    try {
      await ensureStrategy();
    } catch (error) {
      return next(error);
    }
    passport.authenticate(STRATEGY, (error: unknown, user: SignedInUser | false, info: unknown) => {
      if (error || !user) {
        logger.warn({ reason: failureReason(error, info) }, "sign-in refused");
        void recordAudit(db, { action: "auth.sign_in_failed", recordType: "user", ip: req.ip, details: { reason: failureReason(error, info) } })
          .catch((auditError: unknown) => logger.error({ err: auditError }, "audit of a failed sign-in failed"))
          .then(() => res.redirect(303, `${PAGE_PATHS.signIn}?error=failed`));
        return;
      }
      // req.login regenerates the session: a session id planted before sign-in is worthless after.
      req.login(user, (loginError) => {
        if (loginError) return next(loginError);
        req.session.signedInAt = Date.now();
        req.session.csrfToken = randomBytes(24).toString("base64url");
        void loadActor(db, user.id, "session").then((actor) => {
          const home = actor?.role ? ROLE_HOME[actor.role] : PAGE_PATHS.noAccess;
          req.session.save((saveError) => (saveError ? next(saveError) : res.redirect(303, home)));
        }, next);
      });
    })(req, res, next);
  };

  return { initialize, login, callback };
}
