import type { Request } from "express";
import * as client from "openid-client";
import { type AuthenticateOptions, Strategy } from "openid-client/passport";

/**
 * openid-client's strategy sends neither state nor nonce when the issuer supports PKCE. We want
 * all three: PKCE binds the code to this browser, state refuses forged or replayed callbacks,
 * nonce binds the ID token to this request. Parameters added here are stored in the session
 * with the code verifier and checked at the callback by the strategy itself.
 */
export class PkceStateNonceStrategy extends Strategy {
  override authorizationRequestParams<TOptions extends AuthenticateOptions>(req: Request, options: TOptions): URLSearchParams {
    const params = new URLSearchParams(super.authorizationRequestParams(req, options) ?? undefined);
    params.set("state", client.randomState());
    params.set("nonce", client.randomNonce());
    return params;
  }
}
