import { Client } from 'undici';
import type { Socket } from 'node:net';
import { connectTls, newTrace, type ConnectionTrace, type TlsSettings } from '../connection/connect-tls';
import { readResponse, type ResponseFacts } from './http-exchange';

/**
 * An undici Client whose connector is ours: it tries the given addresses in order (the next one only when TCP
 * fails, as curl does), and records a ConnectionTrace per connection. One Client = one connection at a time.
 */

export interface HttpPlan {
  origin: string;
  path: string;
  method: string;
  headers: [string, string][];
  body: Buffer | null;
  timeoutMs: number;
  maxBodyBytes: number;
  /** the caller's cancel button */
  cancel?: AbortSignal;
}

export interface ExchangeOutcome {
  response: ResponseFacts | null;
  /** the error undici or our connector raised, when there is no response */
  error: unknown;
  /** the connection this request used (the last one opened), with every earlier TCP attempt */
  trace: ConnectionTrace | null;
  tcpAttempts: ConnectionTrace[];
}

export class ProbeClient {
  /** the connection in use (kept alive across requests), and the connections opened since the current request began */
  private current: ConnectionTrace | null = null;
  private opened: ConnectionTrace[] = [];
  private inFlight = 0;
  private readonly client: Client;
  /**
   * One abort controller for the requests of this client, replaced only once it has fired: a repeat run makes
   * thousands of requests, and AbortSignal.timeout + AbortSignal.any per request cost more than the request.
   */
  private controller = new AbortController();
  private readonly onCancel = () => this.controller.abort(this.http.cancel?.reason);

  constructor(
    private readonly http: HttpPlan,
    private readonly tls: TlsSettings,
    /** tried in order for the next connection; may be changed between requests */
    public addresses: string[],
    private readonly port: number,
    private readonly clock: () => number,
    keepAlive: boolean,
  ) {
    this.client = new Client(http.origin, {
      connect: (_options, callback) => {
        this.connect().then(
          (socket) => callback(null, socket),
          (error: Error) => callback(error, null),
        );
      },
      pipelining: 1,
      headersTimeout: http.timeoutMs,
      bodyTimeout: http.timeoutMs,
      keepAliveTimeout: keepAlive ? 30_000 : 1,
      maxHeaderSize: 64 * 1024,
    });
    http.cancel?.addEventListener('abort', this.onCancel, { once: true });
  }

  private async connect(): Promise<Socket> {
    let lastError: unknown;
    for (const address of this.addresses) {
      const trace = newTrace(address, this.port);
      this.opened.push(trace);
      this.current = trace;
      try {
        return await connectTls(trace, this.tls, this.clock, this.http.timeoutMs, this.http.cancel);
      } catch (error) {
        lastError = error;
        if (trace.tcpEndMs !== null) throw error;
      }
    }
    throw lastError;
  }

  async exchange(reset: boolean): Promise<ExchangeOutcome> {
    // only this request's connections are kept: a repeat run must not hold every past connection's bytes
    this.opened = [];
    if (this.controller.signal.aborted && !this.http.cancel?.aborted) this.controller = new AbortController();
    const controller = this.controller;
    if (this.http.cancel?.aborted) controller.abort(this.http.cancel.reason);
    const signal = controller.signal;
    const timer = setTimeout(() => controller.abort(new DOMException(`no response within ${this.http.timeoutMs} ms`, 'TimeoutError')), this.http.timeoutMs);
    this.inFlight++;
    try {
      const response = await this.client.request({
        path: this.http.path,
        method: this.http.method as 'GET',
        headers: this.http.headers.flat(),
        body: this.http.body,
        signal,
        reset,
      });
      const facts = await readResponse(response, this.http.maxBodyBytes, this.clock);
      return { response: facts, error: null, trace: this.current, tcpAttempts: this.opened };
    } catch (error) {
      return { response: null, error, trace: this.current, tcpAttempts: this.opened };
    } finally {
      clearTimeout(timer);
      this.inFlight--;
    }
  }

  /** graceful when nothing is pending (no error object, no stack trace), abrupt otherwise */
  async close(): Promise<void> {
    this.http.cancel?.removeEventListener('abort', this.onCancel);
    if (this.client.destroyed) return;
    const graceful = this.inFlight === 0 && !this.http.cancel?.aborted;
    await (graceful ? this.client.close() : this.client.destroy()).catch(() => undefined);
  }
}
