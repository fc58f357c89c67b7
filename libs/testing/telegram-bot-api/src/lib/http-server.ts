import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, type Socket } from 'node:net';
import { ApiError, Described, statusTexts } from './api-error';
import { BadBodyError, decodeParams, readBody } from './request-params';
import { type Params } from './types';

/** One request to `/bot<token>/<method>`, its parameters decoded from the query, JSON, form or multipart body. */
export interface BotApiRequest {
  token: string;
  /** The method name as requested (Telegram's are case-insensitive). */
  method: string;
  params: Params;
  request: IncomingMessage;
  response: ServerResponse;
}

/** One request to `/file/bot<token>/<file_path>`, for a file's bytes. */
export interface FileRequest {
  token: string;
  /** The path getFile gave, e.g. `documents/file_3.pdf`. */
  filePath: string;
  request: IncomingMessage;
  response: ServerResponse;
}

export interface BotApiHttpServerOptions {
  /** Serves `GET` and `HEAD` of `/file/bot<token>/<file_path>`; without it such paths answer 404. */
  serveFile?: (download: FileRequest) => void | Promise<void>;
  /**
   * How long an idle keep-alive connection stays open, in ms. Default 75 s, as Telegram's servers keep them: a client
   * that reuses a pooled socket (whose agent drops idle ones after a few seconds) never writes to one the server has
   * just closed. Node's own default (5 s) equals the agents' and loses requests in that race.
   */
  keepAliveTimeoutMs?: number;
}

/**
 * The double's HTTP side: listens on 127.0.0.1 on a port the system picks, routes `/bot<token>/<method>`, decodes
 * the parameters and hands each call to `handle`, hands `/file/bot<token>/<file_path>` to `serveFile`; anything
 * else gets Telegram's JSON error answer.
 */
export class BotApiHttpServer {
  private server?: Server;
  private port?: number;
  private readonly sockets = new Set<Socket>();
  private readonly keepAliveTimeoutMs: number;
  private readonly serveFile?: (download: FileRequest) => void | Promise<void>;

  constructor(
    private readonly handle: (call: BotApiRequest) => Promise<void>,
    options: BotApiHttpServerOptions = {},
  ) {
    this.keepAliveTimeoutMs = options.keepAliveTimeoutMs ?? 75_000;
    this.serveFile = options.serveFile;
  }

  get listening(): boolean {
    return this.server !== undefined;
  }

  /** Listens on port 0 (any free port, no check-then-use race); `url` is usable once this resolves. */
  async start(): Promise<void> {
    if (this.server) throw new Error('TelegramBotApiDouble already started');
    const server = createServer((request, response) => {
      this.route(request, response).catch((error: unknown) => {
        if (!response.headersSent) respond(response, new ApiError(500, `Internal Server Error: ${String(error)}`));
      });
    });
    server.keepAliveTimeout = this.keepAliveTimeoutMs;
    // Above the keep-alive timeout, or Node would cut a connection that waits for the next request's headers first.
    server.headersTimeout = this.keepAliveTimeoutMs + 1000;
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  /** Closes the server and every connection, idle or not. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  /** `http://127.0.0.1:PORT`. */
  get url(): string {
    if (this.port === undefined) throw new Error('TelegramBotApiDouble not started: await start() first');
    return `http://127.0.0.1:${this.port}`;
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://double');
    const file = /^\/file\/bot([^/]*)\/(.+)$/.exec(url.pathname);
    if (file && this.serveFile && (request.method === 'GET' || request.method === 'HEAD')) {
      request.resume();
      await this.serveFile({
        token: decodeURIComponent(file[1]),
        filePath: file[2].split('/').map(decodeURIComponent).join('/'),
        request,
        response,
      });
      return;
    }
    const match = /^\/bot([^/]*)\/([^/]+)\/?$/.exec(url.pathname);
    if (!match) {
      respond(response, new ApiError(404, 'Not Found'));
      return;
    }
    let params: Params;
    try {
      params = decodeParams(url.searchParams, request.headers['content-type'], await readBody(request));
    } catch (error) {
      const description = error instanceof BadBodyError ? error.message : `Bad Request: ${String(error)}`;
      respond(response, new ApiError(400, description));
      return;
    }
    await this.handle({
      token: decodeURIComponent(match[1]),
      method: decodeURIComponent(match[2]),
      params,
      request,
      response,
    });
  }
}

/** Writes Telegram's answer: `{ ok: true, result }` or `{ ok: false, error_code, description, parameters? }`. */
export function respond(response: ServerResponse, outcome: unknown): void {
  if (response.writableEnded || response.destroyed) return;
  let status = 200;
  let body: Record<string, unknown>;
  if (outcome instanceof ApiError) {
    status = outcome.code;
    body = { ok: false, error_code: outcome.code, description: outcome.description };
    if (outcome.parameters) body['parameters'] = outcome.parameters;
  } else if (outcome instanceof Described) {
    body = { ok: true, result: outcome.result, description: outcome.description };
  } else {
    body = { ok: true, result: outcome };
  }
  const json = JSON.stringify(body);
  response.writeHead(status, statusTexts[status] ?? 'Error', {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
  });
  response.end(json);
}
