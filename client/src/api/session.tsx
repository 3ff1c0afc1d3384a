import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { ErrorCode } from "@shared/errors";
import { type Me, MeSchema } from "@shared/schemas/identity";
import { apiRequest, ApiRequestError, setCsrfToken } from "./http";

export type SessionState = { status: "loading" } | { status: "signed-out" } | { status: "signed-in"; me: Me } | { status: "error"; error: unknown };

export interface Session {
  state: SessionState;
  /** Asks the server again who is signed in (after a 401 from another call, say). */
  refresh(): void;
}

const SessionContext = createContext<Session | undefined>(undefined);

async function fetchSession(signal: AbortSignal): Promise<SessionState> {
  try {
    const { data } = await apiRequest("/api/v1/me", MeSchema, { signal });
    return { status: "signed-in", me: data };
  } catch (error) {
    if (error instanceof ApiRequestError && error.error.code === ErrorCode.Unauthorized) return { status: "signed-out" };
    throw error;
  }
}

/** Who is signed in, fetched once per page load; sign-in and sign-out are full page loads. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchSession(controller.signal).then(
      (next) => {
        setCsrfToken(next.status === "signed-in" ? next.me.csrfToken : undefined);
        setState(next);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: "error", error });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const refresh = useCallback(() => setAttempt((n) => n + 1), []);
  const session = useMemo(() => ({ state, refresh }), [state, refresh]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession() must be used inside <SessionProvider>");
  return session;
}

const SignedInContext = createContext<Me | undefined>(undefined);

/** Provided by <RequireSignIn>, so the pages inside it always have a signed-in person. */
export const SignedInProvider = SignedInContext.Provider;

export function useMe(): Me {
  const me = useContext(SignedInContext);
  if (!me) throw new Error("useMe() must be used inside <RequireSignIn>");
  return me;
}
