import { request as httpRequest } from 'node:http';

export type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/**
 * A request sent from a loopback address of the test's choosing (127.0.0.0/8 is all local): the
 * app server takes the socket's address as the client's, so the per-address limits a test uses
 * up are its own, not those of the browser tests that all come from 127.0.0.1.
 */
export function rawRequest(options: {
  port: number;
  localAddress: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer[];
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port: options.port, localAddress: options.localAddress, path: options.path, method: options.method ?? 'GET', headers: options.headers },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    outgoing.on('error', reject);
    if (Array.isArray(options.body)) {
      for (const chunk of options.body) outgoing.write(chunk);
      outgoing.end();
    } else outgoing.end(options.body);
  });
}

/** The session cookies a response set, as a Cookie header. */
export const cookieHeader = (response: RawResponse): string =>
  [response.headers['set-cookie'] ?? []].flat().map((line) => line.split(';')[0]).join('; ');
