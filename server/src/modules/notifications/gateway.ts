import type { Channel, Config } from '../../config.js';

/**
 * Delivery of a notice to an outside channel (SMS, WeChat). A deployment plugs its own
 * gateway in (an SMS platform, 企业微信, 政务微信) by implementing this interface.
 */
export interface MessageGateway {
  readonly name: string;
  send(channel: Channel, to: string, text: string): Promise<void>;
}

/** Writes each message to the log instead of sending it: the default, and what tests read. */
export class LoggingGateway implements MessageGateway {
  readonly name = 'log';
  readonly sent: Array<{ channel: Channel; to: string; text: string }> = [];
  constructor(private readonly write: (line: string) => void = (line) => console.log(line)) {}
  async send(channel: Channel, to: string, text: string): Promise<void> {
    this.sent.push({ channel, to, text });
    if (this.sent.length > 1000) this.sent.shift();
    this.write(JSON.stringify({ msg: 'message gateway', channel, to, text }));
  }
}

let override: MessageGateway | undefined;

/** Replaces the configured gateway (a deployment's own adapter, or a test double). */
export function setMessageGateway(g: MessageGateway | undefined): void {
  override = g;
}

const cache = new WeakMap<Config, MessageGateway | null>();

/** The gateway selected by TIAODU_MESSAGE_GATEWAY, or null when deliveries are off. */
export function messageGateway(config: Config): MessageGateway | null {
  if (override) return override;
  if (!cache.has(config)) {
    const g = config.messageGateway === 'log' ? new LoggingGateway(config.logLevel === 'silent' ? () => {} : undefined) : null;
    cache.set(config, g);
  }
  return cache.get(config)!;
}
