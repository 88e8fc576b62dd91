/** A minimal Firefox Remote Debugging Protocol client: installs an unpacked add-on as a temporary add-on. */
import { createServer, Socket } from 'node:net';

/** A free TCP port on 127.0.0.1 (the OS picks it; released before returning). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not allocate a port'))));
    });
  });
}

type RdpPacket = Record<string, unknown> & { from?: string };

/** Splits the `<byteLength>:<json>` stream into packets. */
export class RdpFrameReader {
  private buffer = Buffer.alloc(0);

  push(chunk: Buffer): RdpPacket[] {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const packets: RdpPacket[] = [];
    for (;;) {
      const colon = this.buffer.indexOf(0x3a);
      if (colon < 0) break;
      const length = Number(this.buffer.subarray(0, colon).toString('ascii'));
      if (!Number.isInteger(length) || length < 0) throw new Error('malformed RDP frame header');
      const end = colon + 1 + length;
      if (this.buffer.length < end) break;
      packets.push(JSON.parse(this.buffer.subarray(colon + 1, end).toString('utf8')) as RdpPacket);
      this.buffer = this.buffer.subarray(end);
    }
    return packets;
  }
}

/** Frames one RDP request. */
export function rdpFrame(message: Record<string, unknown>): Buffer {
  const json = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`${json.length}:`, 'ascii'), json]);
}

function connectOnce(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    socket.once('error', (error) => {
      socket.destroy();
      reject(error);
    });
    socket.connect(port, '127.0.0.1', () => {
      socket.removeAllListeners('error');
      resolve(socket);
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Connect, retrying until the debugger server listens or the deadline passes. */
async function connectWithRetry(port: number, deadline: number): Promise<Socket> {
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await connectOnce(port);
    } catch (error) {
      lastError = error;
      await sleep(100);
    }
  }
  throw new Error(`Firefox debugger server did not listen on port ${port}: ${String(lastError)}`);
}

export interface InstallOptions {
  /** The port set in the `devtools.debugger.remote-port` pref. */
  port: number;
  /** Absolute path of the unpacked add-on directory. */
  addonPath: string;
  timeoutMs?: number;
}

/** Install `addonPath` as a temporary add-on through the debugger server; resolves with the add-on id. */
export async function installTemporaryAddon({ port, addonPath, timeoutMs = 20_000 }: InstallOptions): Promise<{ id: string }> {
  const deadline = Date.now() + timeoutMs;
  const socket = await connectWithRetry(port, deadline);
  const reader = new RdpFrameReader();
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<{ id: string }>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`installTemporaryAddon timed out after ${timeoutMs} ms`)), Math.max(0, deadline - Date.now()));
      let addonsActor: string | null = null;
      socket.on('error', reject);
      socket.on('close', () => reject(new Error('Firefox closed the debugger connection before the add-on was installed')));
      socket.on('data', (chunk: Buffer) => {
        let packets: RdpPacket[];
        try {
          packets = reader.push(chunk);
        } catch (error) {
          reject(error);
          return;
        }
        for (const packet of packets) {
          if (packet.error) {
            reject(new Error(`Firefox RDP error from ${packet.from}: ${String(packet.error)} ${String(packet.message ?? '')}`));
            return;
          }
          if (packet.from === 'root' && 'applicationType' in packet) {
            socket.write(rdpFrame({ to: 'root', type: 'getRoot' }));
          } else if (packet.from === 'root' && typeof packet.addonsActor === 'string' && !addonsActor) {
            addonsActor = packet.addonsActor;
            socket.write(rdpFrame({ to: addonsActor, type: 'installTemporaryAddon', addonPath }));
          } else if (addonsActor && packet.from === addonsActor && packet.addon) {
            resolve({ id: String((packet.addon as { id?: unknown }).id) });
          }
        }
      });
    });
  } finally {
    if (timer) clearTimeout(timer);
    socket.removeAllListeners();
    socket.destroy();
  }
}
