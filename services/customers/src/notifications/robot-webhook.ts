import { createHmac } from 'node:crypto';

export interface RobotMessage {
  title: string;
  /** Markdown body (both robots render a subset of Markdown). */
  markdown: string;
  /** Hex colour of the severity, shown in WeCom as a coloured line. */
  color: string;
}

export interface RobotResult {
  ok: boolean;
  error?: string;
}

/**
 * WeCom (企业微信) group robot: POST {"msgtype":"markdown","markdown":{"content":…}} to the robot's
 * webhook URL; answers {"errcode":0,"errmsg":"ok"}. WeCom markdown only knows the font colours
 * info / comment / warning.
 */
export function wecomBody(message: RobotMessage): unknown {
  const colour = message.color === '#f5222d' || message.color === '#fa8c16' ? 'warning' : message.color === '#fadb14' ? 'comment' : 'info';
  return { msgtype: 'markdown', markdown: { content: `### <font color="${colour}">${message.title}</font>\n${message.markdown}` } };
}

/**
 * DingTalk (钉钉) group robot: POST {"msgtype":"markdown","markdown":{"title":…,"text":…}}; with a
 * "加签" secret the URL gets `timestamp` and `sign` = base64(HMAC-SHA256(secret, "timestamp\nsecret")).
 */
export function dingtalkBody(message: RobotMessage): unknown {
  return { msgtype: 'markdown', markdown: { title: message.title, text: `#### ${message.title}\n${message.markdown}` }, at: { isAtAll: false } };
}

export function dingtalkSignedUrl(url: string, secret: string | null, now = Date.now()): string {
  if (!secret) return url;
  const sign = createHmac('sha256', secret).update(`${now}\n${secret}`).digest('base64');
  const signed = new URL(url);
  signed.searchParams.set('timestamp', String(now));
  signed.searchParams.set('sign', sign);
  return signed.toString();
}

/** Posts one robot message; a robot answers HTTP 200 with errcode ≠ 0 on errors. Never throws. */
export async function postRobot(url: string, body: unknown, timeoutMs = 5_000): Promise<RobotResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) return { ok: false, error: `HTTP ${response.status}: ${text.slice(0, 200)}` };
    try {
      const answer = JSON.parse(text) as { errcode?: number; errmsg?: string };
      if (answer.errcode !== undefined && answer.errcode !== 0) return { ok: false, error: `errcode ${answer.errcode}: ${answer.errmsg ?? ''}` };
    } catch {
      // A robot that answers without JSON still took the message.
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
