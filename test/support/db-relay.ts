import net from 'node:net';

/**
 * A TCP relay between an app server and PostgreSQL that a test or benchmark controls, so the
 * database can "stop" (connections refused, open ones cut), "hang" (connections accepted, nothing
 * answered) and "start again" without touching the shared PostgreSQL cluster.
 */
export type RelayMode = 'up' | 'down' | 'hang';

export interface DbRelay {
  /** The target URL with host and port replaced by the relay's. */
  url: string;
  mode(): RelayMode;
  setMode(mode: RelayMode): void;
  /** Cuts every open connection (as a network drop or a killed server would) and keeps the mode. */
  cutAll(): void;
  close(): Promise<void>;
}

export async function startDbRelay(targetUrl: string): Promise<DbRelay> {
  const target = new URL(targetUrl);
  let mode: RelayMode = 'up';
  const open = new Set<net.Socket>();
  const hung = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    open.add(socket);
    socket.on('close', () => {
      open.delete(socket);
      hung.delete(socket);
    });
    socket.on('error', () => socket.destroy());
  };

  const server = net.createServer((client) => {
    track(client);
    if (mode === 'down') return void client.destroy();
    if (mode === 'hang') return void hung.add(client); // accepted, never answered
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const relayed = new URL(target);
  relayed.hostname = '127.0.0.1';
  relayed.port = String((server.address() as net.AddressInfo).port);

  const cutAll = () => {
    for (const socket of open) socket.destroy();
  };
  return {
    url: relayed.toString(),
    mode: () => mode,
    setMode(next) {
      if (next === 'up') for (const socket of hung) socket.destroy();
      else cutAll();
      mode = next;
    },
    cutAll,
    close: async () => {
      cutAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
