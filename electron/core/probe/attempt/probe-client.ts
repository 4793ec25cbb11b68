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
  private readonly traces: ConnectionTrace[] = [];
  private inFlight = 0;
  private readonly client: Client;

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
  }

  private async connect(): Promise<Socket> {
    let lastError: unknown;
    for (const address of this.addresses) {
      const trace = newTrace(address, this.port);
      this.traces.push(trace);
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
    const before = this.traces.length;
    const timeout = AbortSignal.timeout(this.http.timeoutMs);
    const signal = this.http.cancel ? AbortSignal.any([timeout, this.http.cancel]) : timeout;
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
      return { response: facts, error: null, ...this.used(before) };
    } catch (error) {
      return { response: null, error, ...this.used(before) };
    } finally {
      this.inFlight--;
    }
  }

  private used(before: number): { trace: ConnectionTrace | null; tcpAttempts: ConnectionTrace[] } {
    const opened = this.traces.slice(before);
    return { trace: this.traces[this.traces.length - 1] ?? null, tcpAttempts: opened };
  }

  /** graceful when nothing is pending (no error object, no stack trace), abrupt otherwise */
  async close(): Promise<void> {
    if (this.client.destroyed) return;
    const graceful = this.inFlight === 0 && !this.http.cancel?.aborted;
    await (graceful ? this.client.close() : this.client.destroy()).catch(() => undefined);
  }
}
