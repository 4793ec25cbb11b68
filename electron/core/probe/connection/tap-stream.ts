import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';
import type { WireChunk } from '../tls/records';

/**
 * Sits between the TCP socket and the TLS socket and copies every byte, both ways, with its time. Node has no
 * API for the CertificateRequest (nodejs/node#40008); these copies are what the handshake tap reads. Only the
 * first `captureLimit` bytes per direction are kept: the handshake is at the start, bodies need not be.
 */
export class TapStream extends Duplex {
  readonly inbound: WireChunk[] = [];
  readonly outbound: WireChunk[] = [];
  private inboundBytes = 0;
  private outboundBytes = 0;

  constructor(
    private readonly socket: Socket,
    private readonly clock: () => number,
    private readonly captureLimit = 256 * 1024,
  ) {
    super({ allowHalfOpen: false });
    socket.on('data', (chunk: Buffer) => {
      if (this.inboundBytes < this.captureLimit) {
        this.inbound.push({ bytes: chunk, atMs: this.clock() });
        this.inboundBytes += chunk.length;
      }
      if (!this.push(chunk)) socket.pause();
    });
    socket.on('end', () => this.push(null));
    socket.on('error', (error) => this.destroy(error));
    socket.on('close', () => {
      if (!this.destroyed) this.destroy();
    });
  }

  override _read(): void {
    this.socket.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.capture(chunk);
    this.socket.write(chunk, callback);
  }

  /** TLS writes a flight as several records at once: one socket write (one syscall) for all of them */
  override _writev(chunks: { chunk: Buffer }[], callback: (error?: Error | null) => void): void {
    const joined = chunks.length === 1 ? chunks[0]!.chunk : Buffer.concat(chunks.map((entry) => entry.chunk));
    this.capture(joined);
    this.socket.write(joined, callback);
  }

  private capture(chunk: Buffer): void {
    if (this.outboundBytes < this.captureLimit) {
      this.outbound.push({ bytes: chunk, atMs: this.clock() });
      this.outboundBytes += chunk.length;
    }
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.socket.end(callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.socket.destroy();
    callback(error);
  }
}
