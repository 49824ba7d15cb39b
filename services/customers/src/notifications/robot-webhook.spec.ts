import { createHmac } from 'node:crypto';
import { dingtalkBody, dingtalkSignedUrl, wecomBody } from './robot-webhook';
import { UserDirectory } from './user-directory';

describe('group robots', () => {
  const message = { title: '红色预警：苏州华恒', markdown: '负责人 王磊', color: '#f5222d' };

  it('WeCom: markdown message with a warning colour for red and orange', () => {
    expect(wecomBody(message)).toEqual({ msgtype: 'markdown', markdown: { content: '### <font color="warning">红色预警：苏州华恒</font>\n负责人 王磊' } });
    expect(wecomBody({ ...message, color: '#1677ff' })).toMatchObject({ markdown: { content: expect.stringContaining('color="info"') } });
  });

  it('DingTalk: markdown message; with a secret the URL is signed with HMAC-SHA256 of "timestamp\\nsecret"', () => {
    expect(dingtalkBody(message)).toEqual({ msgtype: 'markdown', markdown: { title: message.title, text: '#### 红色预警：苏州华恒\n负责人 王磊' }, at: { isAtAll: false } });
    const url = new URL(dingtalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', 'SECxyz', 1700000000000));
    expect(url.searchParams.get('access_token')).toBe('abc');
    expect(url.searchParams.get('timestamp')).toBe('1700000000000');
    expect(url.searchParams.get('sign')).toBe(createHmac('sha256', 'SECxyz').update('1700000000000\nSECxyz').digest('base64'));
    expect(dingtalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', null)).toBe('https://oapi.dingtalk.com/robot/send?access_token=abc');
  });
});

describe('user directory (demo reporting lines)', () => {
  const directory = UserDirectory.fromDemoWorld('example.cn');

  it('finds a rep’s supervisor by reporting line, else the region’s supervisors, and the directors', () => {
    const supervisorOfEast = directory.supervisorsOf(null, '华东');
    expect(supervisorOfEast.map((u) => u.username)).toEqual(['supervisor.east']);
    // A supervisor's own supervisor is the director, whatever region is given.
    expect(directory.supervisorsOf(supervisorOfEast[0].id, '华南').map((u) => u.username)).toEqual(['director']);
    expect(directory.directors().map((u) => u.email)).toEqual(['director@example.cn']);
  });
});
