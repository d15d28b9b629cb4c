import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox.js';

export const PERSONAL_TOKEN = 'personal-token-for-tests';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A small fetch wrapper over real HTTP, for the sandbox's own tests. */
export class SandboxClient {
  constructor(
    readonly baseUrl: string,
    public token: string | null = PERSONAL_TOKEN,
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(this.token === null ? {} : { Authorization: `Bearer ${this.token}` }),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  put<T = any>(path: string, body: unknown) {
    return this.request<T>('PUT', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }

  /** POST form-encoded (the token endpoint). */
  async form(path: string, fields: Record<string, string>) {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  }
}

export interface TestSandbox {
  sandbox: Sandbox;
  api: SandboxClient;
  outlets: string[];
  suppliers: string[];
  /** Live, non-composite product ids. */
  products: string[];
  compositeProduct: string;
}

export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({ port: 0, personalToken: PERSONAL_TOKEN, stocktakeProcessingMs: 5, ...options });
  const { store } = sandbox;
  const live = [...store.products.values()].filter((p) => p.deleted_at === null);
  return {
    sandbox,
    api: new SandboxClient(sandbox.url),
    outlets: [...store.outlets.keys()],
    suppliers: [...store.suppliers.keys()],
    products: live.filter((p) => !p.is_composite).map((p) => p.id),
    compositeProduct: live.find((p) => p.is_composite)!.id,
  };
}

/** Creates a consignment of a type (valid defaults) and returns its body. */
export async function createConsignment(t: TestSandbox, fields: Record<string, unknown>) {
  const response = await t.api.post('/api/2.0/consignments', {
    name: 'Test order',
    outlet_id: t.outlets[0],
    ...(fields['type'] === 'OUTLET' ? { source_outlet_id: t.outlets[1] } : {}),
    ...(fields['type'] === 'SUPPLIER' ? { supplier_id: t.suppliers[0] } : {}),
    ...fields,
  });
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data as { id: string; status: string; version: number; [key: string]: unknown };
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
