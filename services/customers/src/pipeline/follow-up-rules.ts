import { ErrorDetail } from '@lianxiao/platform';
import { FollowUpType } from './pipeline.entities';

export interface FollowUpFields {
  type: string;
  summary: string;
  obstacle: string | null;
  nextAction: string | null;
  nextActionDate: string | null;
  latitude: number | null;
  longitude: number | null;
}

function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Problems with a follow-up as it would be stored (after an edit is applied). Pure. */
export function checkFollowUpFields(f: FollowUpFields): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (!(Object.values(FollowUpType) as string[]).includes(f.type)) details.push({ field: 'type', messageZh: '跟进方式须为 VISIT、CALL、EMAIL、WECHAT 之一', messageEn: 'type must be VISIT, CALL, EMAIL or WECHAT' });
  if (!f.summary?.trim() || f.summary.length > 4000) details.push({ field: 'summary', messageZh: '跟进内容须为 1–4000 个字符', messageEn: 'summary must be 1–4000 characters' });
  if (f.obstacle && f.obstacle.length > 500) details.push({ field: 'obstacle', messageZh: '关键障碍不超过 500 个字符', messageEn: 'obstacle must be at most 500 characters' });
  if (f.nextAction && f.nextAction.length > 500) details.push({ field: 'nextAction', messageZh: '下次行动不超过 500 个字符', messageEn: 'nextAction must be at most 500 characters' });
  if (f.nextActionDate && !isCalendarDate(f.nextActionDate)) details.push({ field: 'nextActionDate', messageZh: '下次行动日期须为 YYYY-MM-DD', messageEn: 'nextActionDate must be a date YYYY-MM-DD' });
  if ((f.latitude === null) !== (f.longitude === null)) details.push({ field: 'latitude', messageZh: '签到位置须同时提供纬度和经度', messageEn: 'A check-in location needs both latitude and longitude' });
  if (f.latitude !== null && (f.latitude < -90 || f.latitude > 90)) details.push({ field: 'latitude', messageZh: '纬度须在 -90 到 90 之间', messageEn: 'latitude must be between -90 and 90' });
  if (f.longitude !== null && (f.longitude < -180 || f.longitude > 180)) details.push({ field: 'longitude', messageZh: '经度须在 -180 到 180 之间', messageEn: 'longitude must be between -180 and 180' });
  return details;
}
