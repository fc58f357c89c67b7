import { Logger } from '@nestjs/common';
import { Client, type ClientConfig } from 'pg';

export interface DatabaseListenerOptions {
  /** For logs and `application_name`: "the sign-in cache". */
  name: string;
  /** How to reach the database (`workerConnection`); every attempt opens a new connection with it. */
  connection: ClientConfig;
  /** Channels to LISTEN on (again after every reconnect). */
  channels: string[];
  onNotification: (channel: string, payload: string | undefined) => void;
  /**
   * `true` once LISTEN is in place on a new connection: from then on every commit's NOTIFY arrives. `false` as soon
   * as the connection is known to be lost: NOTIFYs sent until the next `true` are never seen.
   */
  onListening: (listening: boolean) => void;
  /** Between attempts to connect. */
  retryMs?: number;
  /** How often the connection is checked; a connection that cannot answer is given up. */
  heartbeatMs?: number;
}

const DEFAULT_RETRY_MS = 1_000;
const DEFAULT_HEARTBEAT_MS = 5_000;
/** A connection that cannot even connect or answer within this long is as good as dead. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * LISTENs on a connection of its own, outside the pool, and tells when it is listening and when not: a cache that
 * is invalidated by NOTIFY can only be trusted while this is listening. A lost connection is dropped (never reused)
 * and a new one is opened until the listener stops.
 */
export class DatabaseListener {
  private readonly logger: Logger;
  private readonly retryMs: number;
  private readonly heartbeatMs: number;
  private stopping = false;
  private running?: Promise<void>;
  private client?: Client;
  private listening = false;
  private lost?: () => void;
  private wake?: () => void;
  private lastProblem?: string;

  constructor(private readonly options: DatabaseListenerOptions) {
    this.logger = new Logger(`DatabaseListener(${options.name})`);
    this.retryMs = options.retryMs ?? DEFAULT_RETRY_MS;
    this.heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  }

  /** Whether LISTEN is in place on a live connection, as far as this process knows. */
  get isListening(): boolean {
    return this.listening;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    if (this.client) this.drop(this.client);
    await this.running;
    this.running = undefined;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      await this.listenUntilLost();
      if (!this.stopping) await this.pause(this.retryMs);
    }
  }

  private async listenUntilLost(): Promise<void> {
    const client = new Client({
      ...this.options.connection,
      keepAlive: true,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      application_name: `deskgram ${this.options.name}`,
    });
    const lost = new Promise<void>((resolve) => (this.lost = resolve));
    // An error on an idle client would otherwise be an uncaught 'error' event, which ends the process.
    client.on('error', () => this.drop(client));
    client.on('end', () => this.drop(client));
    client.on('notification', (message) => this.options.onNotification(message.channel, message.payload));
    this.client = client;
    let heartbeat: NodeJS.Timeout | undefined;
    try {
      await client.connect();
      for (const channel of this.options.channels) await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
      if (this.client !== client || this.stopping) return;
      heartbeat = setInterval(() => void this.check(client), this.heartbeatMs);
      this.setListening(true);
      if (this.lastProblem) this.logger.log('Listening again');
      this.lastProblem = undefined;
      await lost;
    } catch (error) {
      const problem = error instanceof Error ? error.message || error.name : String(error);
      if (problem !== this.lastProblem && !this.stopping) {
        this.logger.warn(`Cannot listen to the database: ${problem}; retrying`);
      }
      this.lastProblem = problem;
    } finally {
      clearInterval(heartbeat);
      this.drop(client);
      client.removeAllListeners('notification');
      await Promise.race([
        client.end(),
        new Promise((resolve) => setTimeout(resolve, CONNECT_TIMEOUT_MS).unref()),
      ]).catch(() => undefined);
      (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    }
  }

  /** Asks the connection a trivial question: a half-open connection would otherwise look alive forever. */
  private async check(client: Client): Promise<void> {
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('no answer')), CONNECT_TIMEOUT_MS).unref(),
    );
    try {
      await Promise.race([client.query('SELECT 1'), timeout]);
    } catch {
      this.drop(client);
    }
  }

  /** The connection is gone (or going): stop trusting it at once, before anything else can run. */
  private drop(client: Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.setListening(false);
    this.lost?.();
  }

  private setListening(listening: boolean): void {
    if (this.listening === listening) return;
    this.listening = listening;
    this.options.onListening(listening);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
