// A pass-through TCP proxy in front of PostgreSQL that counts the statements clients run
// (Execute and simple Query messages of the wire protocol), so the bench can tell how many
// statements one HTTP request of the app costs. Used only in its own phase: relaying every
// byte through the bench process would distort the load figures.
import net from "node:net";

const SSL_REQUEST = 80_877_103;
const GSSENC_REQUEST = 80_877_104;

export type StatementCounter = { port: number; count: () => number; close: () => Promise<void> };

export async function startStatementCounter(upstream: { host: string; port: number }): Promise<StatementCounter> {
  let statements = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const database = net.connect(upstream.port, upstream.host);
    for (const s of [client, database]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {
        client.destroy();
        database.destroy();
      });
    }
    const frontend = frontendParser((type) => {
      if (type === "E" || type === "Q") statements++;
    });
    client.on("data", frontend);
    client.pipe(database);
    database.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    count: () => statements,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Splits the client's byte stream into messages: first the untyped start-up packets
 * (length, code), then typed ones (a type byte, then a length that counts itself).
 */
function frontendParser(onMessage: (type: string) => void) {
  let buffer: Buffer = Buffer.alloc(0);
  let started = false;
  return (chunk: Buffer) => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    for (;;) {
      if (!started) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        const code = buffer.readInt32BE(4);
        if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) started = true;
        buffer = buffer.subarray(length);
        continue;
      }
      if (buffer.length < 5) return;
      const length = buffer.readInt32BE(1);
      if (buffer.length < 1 + length) return;
      onMessage(String.fromCharCode(buffer[0]!));
      buffer = buffer.subarray(1 + length);
    }
  };
}
