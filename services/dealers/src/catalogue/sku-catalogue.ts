/** The demo catalogue: 30 SKUs over the four product lines (seeded on first embedded start). */
export interface SkuSeed { code: string; name: string; productLine: string; unit: string; price: number }

const line = (prefix: string, productLine: string, items: [string, string, number][]): SkuSeed[] =>
  items.map(([name, unit, price], i) => ({ code: `${prefix}-${String(i + 1).padStart(3, '0')}`, name, productLine, unit, price }));

export const SKU_CATALOGUE: SkuSeed[] = [
  ...line('WJ', '五金件', [
    ['不锈钢合页 4 寸', '件', 12.5], ['重型抽屉滑轨 450mm', '副', 38], ['内六角螺栓 M8×30（100 只）', '盒', 45],
    ['锌合金门把手', '件', 66], ['304 不锈钢膨胀螺丝 M10（50 只）', '盒', 58], ['液压缓冲铰链', '件', 19.8],
    ['铝合金型材角码', '件', 3.6], ['镀锌 U 型卡箍 DN50', '件', 4.2],
  ]),
  ...line('ZN', '智能设备', [
    ['智能门锁 S1', '台', 1299], ['智能门锁 S3 Pro', '台', 2199], ['工业物联网网关 G200', '台', 3680],
    ['温湿度传感器 T10', '个', 168], ['智能电表 三相', '台', 890], ['AGV 导航模块', '套', 12800],
    ['视觉检测相机 V5', '台', 6800], ['边缘计算盒 E1', '台', 4590],
  ]),
  ...line('GF', '光伏支架', [
    ['屋顶光伏支架 彩钢瓦型（每 kW）', '套', 260], ['地面光伏支架 固定式（每 kW）', '套', 320],
    ['跟踪式光伏支架 平单轴（每 kW）', '套', 680], ['光伏压块 中压', '件', 2.8], ['光伏压块 边压', '件', 3.1],
    ['C 型钢檩条 41×41', '米', 18.5], ['光伏导轨连接件', '件', 6.5],
  ]),
  ...line('MJ', '模具', [
    ['注塑模具 家电外壳', '套', 48000], ['冲压模具 五金件级进模', '套', 36000], ['压铸模具 铝合金壳体', '套', 82000],
    ['吹塑模具 瓶坯', '套', 26000], ['模具标准件 导柱导套', '套', 420], ['热流道系统 4 点', '套', 15800],
    ['模具钢 P20 预硬（每公斤）', '千克', 32],
  ]),
];
