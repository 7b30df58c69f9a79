/** Test doubles for the browser's localStorage and BroadcastChannel. */
import type { ChannelLike } from '../../src/share/autosave.ts';
export { MemoryStorage } from '../../src/share/browser-storage.ts';

/** Channels on one hub deliver to each other, never to themselves, like BroadcastChannel. */
export class ChannelHub {
  private readonly channels = new Set<FakeChannel>();
  open(): FakeChannel {
    const channel = new FakeChannel(this.channels);
    this.channels.add(channel);
    return channel;
  }
}

class FakeChannel implements ChannelLike {
  private readonly listeners: ((event: { data: unknown }) => void)[] = [];
  constructor(private readonly peers: Set<FakeChannel>) {}
  postMessage(message: unknown): void {
    for (const peer of this.peers)
      if (peer !== this) for (const l of peer.listeners) l({ data: structuredClone(message) });
  }
  addEventListener(_: 'message', listener: (event: { data: unknown }) => void): void {
    this.listeners.push(listener);
  }
  close(): void {
    this.peers.delete(this);
  }
}
