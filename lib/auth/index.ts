// Auth.js: the credentials provider (id `credentials`, fields `email` and `password`) with
// JWT sessions. The config is built lazily so nothing opens the database at import or build.
import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { env } from "@/lib/env";
import { signInSchema } from "@/lib/validations/auth";
import { revokeSession } from "@/db/queries/sessions";
import { authenticate, clientIp, type SignInOutcome } from "./sign-in";

/** A refused sign-in whose `code` the sign-in form turns into a message (and Auth.js puts in its redirect). */
class SignInRefused extends CredentialsSignin {
  constructor(reason: Extract<SignInOutcome, { ok: false }>["reason"]) {
    super();
    this.code = reason;
  }
}

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: "miner" | "buyer" | "admin" };
    /** The user_sessions row behind this cookie; the guards check it on every request. */
    sessionId?: string;
  }
  interface User {
    role?: "miner" | "buyer" | "admin";
    /** The user_sessions row this sign-in opened; the cookie carries it as `sid`. */
    sessionId?: string;
  }
}

const config: NextAuthConfig = {
  secret: env.authSecret,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  logger: {
    // A refused sign-in is an expected outcome (and rate limited), not a server error.
    error(error) {
      // By `type`, not `name`: a production build minifies class names.
      const type = (error as { type?: string }).type ?? (error.cause as { type?: string } | undefined)?.type;
      if (type === "CredentialsSignin" || error.name === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      id: "credentials",
      // `code`: the authenticator's code or a recovery code, for accounts with two-factor sign-in.
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        code: { label: "Authentication code", type: "text" },
      },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse({ email: credentials?.email, password: credentials?.password, code: credentials?.code || undefined });
        if (!parsed.success) throw new SignInRefused("invalid_credentials");
        const outcome = await authenticate(await getDb(), {
          ...parsed.data,
          ip: clientIp(request.headers),
          userAgent: request.headers.get("user-agent") ?? "",
        });
        if (!outcome.ok) throw new SignInRefused(outcome.reason);
        const { user, sessionId } = outcome;
        return { id: user.id, email: user.email, name: user.name, role: user.role, sessionId };
      },
    }),
  ],
  events: {
    // The cookie is deleted by Auth.js; revoking its row ends it even where a copy survives.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await revokeSession(await getDb(), sid);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.role = user.role;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) {
        session.user.id = token.sub;
        session.user.role = token.role as "miner" | "buyer" | "admin";
        session.sessionId = typeof token.sid === "string" ? token.sid : undefined;
      }
      return session;
    },
  },
};

export const { handlers, auth, signIn, signOut } = NextAuth(() => config);
