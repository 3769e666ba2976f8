/**
 * A minimal `fetch` over node:http with kept-alive sockets, for the benchmarks' simulated
 * people. Node's own fetch (undici with web streams) cost the mixed bench's client process
 * about a quarter of a core, on the same two cores as the desk it measures; people's browsers
 * run on their own machines, so their HTTP client should take as little of this one as it can.
 * It does what the tRPC client asks of a response (status, headers, json, text), nothing more.
 */
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export function lightFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: init?.method ?? 'GET', headers: init?.headers as http.OutgoingHttpHeaders, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers))
            for (const v of Array.isArray(value) ? value : [value ?? '']) headers.append(name, v);
          resolve({
            ok: status >= 200 && status < 300,
            status,
            statusText: res.statusMessage ?? '',
            headers,
            json: async () => JSON.parse(body),
            text: async () => body,
          } as Response);
        });
      },
    );
    request.on('error', reject);
    request.end(typeof init?.body === 'string' ? init.body : undefined);
  });
}
