/** A small HTTP client for the tests: JSON in and out, an optional bearer token, the status and body back. */
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export class TestClient {
  constructor(private readonly baseUrl: string) {}

  async request<T = any>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; rawBody?: string; from?: string } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    // The API under test trusts the loopback proxy, so this stands for the client's address.
    if (options.from) headers['x-forwarded-for'] = options.from;
    if (options.body !== undefined || options.rawBody !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const text = await response.text();
    let body: any = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    return { status: response.status, body, headers: response.headers, text };
  }

  get<T = any>(path: string, token?: string) {
    return this.request<T>('GET', path, { token });
  }

  post<T = any>(path: string, body: unknown, token?: string) {
    return this.request<T>('POST', path, { token, body });
  }

  patch<T = any>(path: string, body: unknown, token?: string) {
    return this.request<T>('PATCH', path, { token, body });
  }

  async signIn(email: string, password = DEMO_PASSWORD): Promise<Session> {
    const response = await this.post('/api/auth/login', { email, password });
    if (response.status !== 200) throw new Error(`Sign-in as ${email} failed: ${response.status} ${response.text}`);
    return response.body as Session;
  }
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; displayName: string; role: string; clientId: string | null };
}

/** The demo accounts of DEMO_DATA (apps/api/src/demo/demo-data.ts; README lists them). */
export const DEMO_PASSWORD = 'deskgram-demo';
export const DEMO = {
  admin: 'admin@deskgram.example',
  agent: 'agent@deskgram.example',
  client: 'anna@northwind.example',
  clientColleague: 'ben@northwind.example',
  otherClient: 'ivan@romashka.example',
};
