/**
 * Plain HTTP against a Lantern API child process (Node's fetch). Every call
 * has an abort deadline so that a hanging server fails the test with a clear
 * message instead of the suite timing out.
 */
export interface HttpAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export const REQUEST_DEADLINE_MS = 20_000;

export async function http<T = any>(
  method: string,
  url: string,
  options: { key?: string; json?: unknown; body?: string | Buffer; contentType?: string; deadlineMs?: number } = {},
): Promise<HttpAnswer<T>> {
  const headers: Record<string, string> = {};
  if (options.key !== undefined) headers.authorization = `Bearer ${options.key}`;
  let body: string | Buffer | undefined = options.body;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.contentType !== undefined) headers['content-type'] = options.contentType;
  const deadline = options.deadlineMs ?? REQUEST_DEADLINE_MS;
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(deadline) });
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') throw new Error(`${method} ${url} got no answer within ${deadline / 1000} s (the server hangs)`);
    throw err;
  }
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  const parsed = /json/.test(type) && text !== '' ? JSON.parse(text) : text;
  return { status: res.status, headers: res.headers, body: parsed as T };
}
