// Auth.js: the credentials provider (id `credentials`, fields `email` and `password`) with
// JWT sessions. The config is built lazily so nothing opens the database at import or build.
import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { env } from "@/lib/env";
import { signInSchema } from "@/lib/validations/auth";
import { authenticate, clientIp } from "./sign-in";

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}
class Suspended extends CredentialsSignin {
  code = "suspended";
}
class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: "miner" | "buyer" | "admin" };
  }
  interface User {
    role?: "miner" | "buyer" | "admin";
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
      if (error.name === "CredentialsSignin" || (error.cause as { name?: string } | undefined)?.name === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      id: "credentials",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse({ email: credentials?.email, password: credentials?.password });
        if (!parsed.success) throw new InvalidCredentials();
        const outcome = await authenticate(await getDb(), { ...parsed.data, ip: clientIp(request.headers) });
        if (outcome.ok) return { id: outcome.user.id, email: outcome.user.email, name: outcome.user.name, role: outcome.user.role };
        if (outcome.reason === "rate_limited") throw new RateLimited();
        if (outcome.reason === "suspended") throw new Suspended();
        throw new InvalidCredentials();
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) {
        session.user.id = token.sub;
        session.user.role = token.role as "miner" | "buyer" | "admin";
      }
      return session;
    },
  },
};

export const { handlers, auth, signIn, signOut } = NextAuth(() => config);
