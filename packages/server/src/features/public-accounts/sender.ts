import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.ts';

/** Delivers a one-time sign-in code to a phone number or an e-mail address. */
export interface CodeSender {
  send(message: { kind: 'phone' | 'email'; contact: string; code: string; expiresAt: Date }): Promise<void>;
}

/**
 * `log` (the default): the code goes to the structured server log (`msg: "public sign-in code"`), for development and
 * the demo. Never use it in production: whoever reads the log can sign in as anyone.
 */
export class LogCodeSender implements CodeSender {
  constructor(private readonly log: FastifyBaseLogger) {}
  async send(m: { kind: 'phone' | 'email'; contact: string; code: string; expiresAt: Date }): Promise<void> {
    this.log.info(
      { signInCode: { kind: m.kind, contact: m.contact, code: m.code, expiresAt: m.expiresAt.toISOString() } },
      'public sign-in code',
    );
  }
}

/**
 * `webhook`: POSTs `{kind, contact, code, expiresAt, text}` as JSON to the SMS/e-mail gateway at
 * `RECTIFY_PUBLIC_CODE_WEBHOOK_URL` (an optional bearer token in `RECTIFY_PUBLIC_CODE_WEBHOOK_TOKEN`); a non-2xx
 * answer or no answer within 5 s is a failure the caller reports as 502.
 */
export class WebhookCodeSender implements CodeSender {
  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
  ) {}
  async send(m: { kind: 'phone' | 'email'; contact: string; code: string; expiresAt: Date }): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token && { authorization: `Bearer ${this.token}` }),
      },
      body: JSON.stringify({
        kind: m.kind,
        contact: m.contact,
        code: m.code,
        expiresAt: m.expiresAt.toISOString(),
        text: `您的登录验证码为 ${m.code}，10 分钟内有效。如非本人操作，请忽略。`,
      }),
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) throw new Error(`code gateway answered ${res.status}`);
  }
}

export function codeSender(config: Config, log: FastifyBaseLogger): CodeSender {
  const { sender, webhookUrl, webhookToken } = config.publicAccounts;
  if (sender === 'webhook') return new WebhookCodeSender(webhookUrl!, webhookToken);
  return new LogCodeSender(log);
}
