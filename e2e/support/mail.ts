// Mail the e2e server wrote to its outbox, read from its database: on a production build the
// outbox page is for admins only, and a test should not need an admin to follow its own links.
import { expect } from "@playwright/test";
import { e2eSql } from "./database";

/** The path (with its token) of the newest link to `path` mailed to `to`, waiting for it briefly. */
export async function mailedLink(to: string, path: string): Promise<string> {
  const sql = e2eSql();
  try {
    let link: string | undefined;
    await expect
      .poll(
        async () => {
          const rows = await sql<{ text_body: string }[]>`
            select text_body from outbox_emails where to_address = ${to.toLowerCase()} order by created_at desc limit 10`;
          for (const row of rows) {
            const match = row.text_body.match(new RegExp(`https?://[^\\s]+(${path.replace(/\//g, "\\/")}[^\\s]*)`));
            if (match) return (link = match[1]);
          }
          return undefined;
        },
        { message: `a mail to ${to} with a link to ${path}` },
      )
      .toBeTruthy();
    return link!;
  } finally {
    await sql.end();
  }
}
