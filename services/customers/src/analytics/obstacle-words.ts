/**
 * Obstacle word cloud: Chinese word segmentation of follow-up obstacles with Node's built-in ICU
 * segmenter (`Intl.Segmenter('zh', { granularity: 'word' })`, no dictionary package), stop words
 * and single characters removed, words kept when they appear more than `minCount - 1` times.
 */
const SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' });

/** Function words and pipeline filler that say nothing about an obstacle. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  '的', '了', '和', '是', '在', '有', '也', '就', '都', '而', '及', '与', '着', '或', '一个', '没有', '我们', '你们', '他们', '客户',
  '对方', '这个', '那个', '这些', '那些', '因为', '所以', '但是', '如果', '还是', '已经', '需要', '可能', '目前', '进行', '表示', '问题',
  '方面', '一下', '一些', '比较', '非常', '还', '要', '会', '能', '不', '很', '太', '再', '又', '将', '把', '被', '让', '给', '对', '从',
  '百分', '九十', '之五', 'the', 'and', 'to', 'of', 'a', 'is', 'in',
]);

export interface WordCount {
  word: string;
  count: number;
}

/**
 * Trade words ICU's general dictionary splits into single characters (交|期, 竞|品): adjacent
 * segments whose concatenation is listed here are joined back into one word.
 */
export const DOMAIN_WORDS: ReadonlySet<string> = new Set([
  '交期', '竞品', '账期', '首付款', '尾款', '回款', '试产', '打样', '样品', '良率', '模具', '降价', '比价', '公差', '验厂', '技术协议', '审厂',
]);

function segmentsOf(text: string): { segment: string; isWordLike: boolean }[] {
  const raw = [...SEGMENTER.segment(text)].map((s) => ({ segment: s.segment, isWordLike: !!s.isWordLike }));
  const out: { segment: string; isWordLike: boolean }[] = [];
  for (let i = 0; i < raw.length; i++) {
    let joined = false;
    for (const span of [4, 3, 2]) {
      if (i + span > raw.length) continue;
      const word = raw.slice(i, i + span).map((s) => s.segment).join('');
      if (DOMAIN_WORDS.has(word)) {
        out.push({ segment: word, isWordLike: true });
        i += span - 1;
        joined = true;
        break;
      }
    }
    if (!joined) out.push(raw[i]);
  }
  return out;
}

/** Words of one text: word-like segments, lower-cased, without stop words and one-character tokens. */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const s of segmentsOf(text)) {
    if (!s.isWordLike) continue;
    const w = s.segment.trim().toLowerCase();
    if (w.length < 2 || STOP_WORDS.has(w) || /^\d+$/.test(w)) continue;
    out.push(w);
  }
  return out;
}

/** Word frequencies over many texts, most frequent first (ties by word), only counts ≥ minCount. */
export function obstacleWordCounts(texts: Iterable<string | null | undefined>, minCount = 4, limit = 100): WordCount[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    if (!text) continue;
    for (const w of wordsOf(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, n]) => n >= minCount)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([word, count]) => ({ word, count }));
}
