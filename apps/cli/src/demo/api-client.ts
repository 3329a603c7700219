/**
 * A small HTTP client for the Lantern API (Node's fetch), used by the demo
 * stages. It speaks the public contract only: `Authorization: Bearer <key>`,
 * JSON bodies, application/problem+json errors.
 */

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${path} answered ${status}: ${describeBody(body)}`);
  }
}

function describeBody(body: unknown): string {
  if (body === null || body === undefined || body === '') return '(empty body)';
  if (typeof body === 'string') return body.length > 500 ? `${body.slice(0, 500)}…` : body;
  const b = body as { title?: unknown; detail?: unknown; message?: unknown; errors?: unknown; details?: unknown };
  const parts = [b.title, b.detail ?? b.message].filter((x) => typeof x === 'string');
  const fields = (Array.isArray(b.errors) ? b.errors : Array.isArray(b.details) ? b.details : [])
    .slice(0, 5)
    .map((e: { field?: string; reason?: string; message?: string }) => `${e.field ?? '?'}: ${e.reason ?? e.message ?? ''}`);
  const text = [...parts, ...fields].join('; ');
  return text || JSON.stringify(body).slice(0, 500);
}

/** The import resource as GET /imports/:id answers it (fields the demo uses). */
export interface ImportStatusView {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  contentSha256?: string;
  totalRows: number | null;
  processedRows: number;
  acceptedRows: number;
  rejectedRows: number;
  progress: number;
  error: string | null;
  duplicate?: boolean;
}

export interface RejectionView {
  line: number;
  field: string | null;
  reason: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export class ApiClient {
  constructor(
    /** e.g. http://127.0.0.1:3000/api/v1 */
    readonly baseUrl: string,
    private readonly key: string,
    private readonly timeoutMs = 120_000,
  ) {}

  async request<T>(method: string, path: string, init: { body?: Buffer | string; contentType?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.key}`, accept: 'application/json', ...init.headers };
    if (init.contentType) headers['content-type'] = init.contentType;
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : new Uint8Array(init.body.buffer, init.body.byteOffset, init.body.byteLength),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const cause = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
      throw new Error(`${method} ${path}: no answer from the API (${cause})`);
    }
    const text = await res.text();
    let body: unknown = text;
    if (text !== '' && (res.headers.get('content-type') ?? '').includes('json')) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    if (res.status >= 400) throw new ApiError(method, path, res.status, body);
    return { status: res.status, body: body as T };
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path).then((r) => r.body);
  }

  post<T>(path: string, json: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T }> {
    return this.request<T>('POST', path, { body: JSON.stringify(json), contentType: 'application/json', headers });
  }

  /** POST /imports: 202 for a new upload, 200 with duplicate: true for content the organisation already uploaded. */
  uploadImport(kind: string, filename: string, content: Buffer, contentType: string): Promise<{ status: number; body: ImportStatusView }> {
    const q = new URLSearchParams({ kind, filename });
    return this.request<ImportStatusView>('POST', `/imports?${q.toString()}`, { body: content, contentType });
  }

  getImport(id: string): Promise<ImportStatusView> {
    return this.get<ImportStatusView>(`/imports/${encodeURIComponent(id)}`);
  }

  listRejections(id: string, limit = 20): Promise<Page<RejectionView>> {
    return this.get<Page<RejectionView>>(`/imports/${encodeURIComponent(id)}/rejections?limit=${limit}`);
  }
}

/** GET an unauthenticated URL: its status and a short description of the body, or null when nothing answers. */
export async function probe(url: string, timeoutMs = 2000): Promise<{ status: number; detail: string } | null> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    let detail = text.slice(0, 200);
    try {
      detail = describeBody(JSON.parse(text));
    } catch {
      /* not JSON */
    }
    return { status: res.status, detail };
  } catch {
    return null;
  }
}
