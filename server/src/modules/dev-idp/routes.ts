import express, { Router } from "express";
import type { Db } from "../../db/client";
import { demoAccounts, subjectFor } from "./accounts";
import type { DevIdentityProvider } from "./provider";
import { renderSignInPage } from "./sign-in-page";

/** The development provider's sign-in pages, then the provider itself, under /idp. */
export function devIdentityProviderRoutes({ db, idp }: { db: Db; idp: DevIdentityProvider }): Router {
  const router = Router();
  router.get("/idp/interaction/:uid", async (req, res) => {
    const details = await idp.provider.interactionDetails(req, res);
    res
      .setHeader("Cache-Control", "no-store")
      .type("html")
      .send(renderSignInPage(details.uid, await demoAccounts(db)));
  });
  router.post("/idp/interaction/:uid/login", express.urlencoded({ extended: false, limit: "10kb" }), async (req, res) => {
    await idp.provider.interactionDetails(req, res);
    const body = req.body as { email?: string; name?: string; verified?: string };
    const email = String(body.email ?? "")
      .trim()
      .toLowerCase();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
      res.status(400).type("text").send("Enter an email address in the correct format, like name@example.gov.uk. Go back and try again.");
      return;
    }
    const sub = subjectFor(email);
    // Demo accounts' addresses are verified; a typed address is verified only if the box was ticked.
    const isDemo = (await demoAccounts(db)).some((a) => a.email === email);
    idp.accounts.set(sub, { email, name: String(body.name ?? "").trim() || email, emailVerified: isDemo || body.verified === "yes" });
    await idp.provider.interactionFinished(req, res, { login: { accountId: sub } }, { mergeWithLastSubmission: false });
  });
  router.use("/idp", idp.provider.callback());
  return router;
}
