/**
 * China's 31 provinces (ISO 3166-2:CN) with their Chinese and English names. Plain data with no
 * imports, so the web app can bundle it as well; the region hierarchy is built on it in
 * src/factors/regions.ts.
 */
export const PROVINCES: readonly (readonly [code: string, nameZh: string, nameEn: string])[] = [
  ['CN-BJ', '北京', 'Beijing'],
  ['CN-TJ', '天津', 'Tianjin'],
  ['CN-HE', '河北', 'Hebei'],
  ['CN-SX', '山西', 'Shanxi'],
  ['CN-NM', '内蒙古', 'Inner Mongolia'],
  ['CN-LN', '辽宁', 'Liaoning'],
  ['CN-JL', '吉林', 'Jilin'],
  ['CN-HL', '黑龙江', 'Heilongjiang'],
  ['CN-SH', '上海', 'Shanghai'],
  ['CN-JS', '江苏', 'Jiangsu'],
  ['CN-ZJ', '浙江', 'Zhejiang'],
  ['CN-AH', '安徽', 'Anhui'],
  ['CN-FJ', '福建', 'Fujian'],
  ['CN-JX', '江西', 'Jiangxi'],
  ['CN-SD', '山东', 'Shandong'],
  ['CN-HA', '河南', 'Henan'],
  ['CN-HB', '湖北', 'Hubei'],
  ['CN-HN', '湖南', 'Hunan'],
  ['CN-GD', '广东', 'Guangdong'],
  ['CN-GX', '广西', 'Guangxi'],
  ['CN-HI', '海南', 'Hainan'],
  ['CN-CQ', '重庆', 'Chongqing'],
  ['CN-SC', '四川', 'Sichuan'],
  ['CN-GZ', '贵州', 'Guizhou'],
  ['CN-YN', '云南', 'Yunnan'],
  ['CN-XZ', '西藏', 'Tibet'],
  ['CN-SN', '陕西', 'Shaanxi'],
  ['CN-GS', '甘肃', 'Gansu'],
  ['CN-QH', '青海', 'Qinghai'],
  ['CN-NX', '宁夏', 'Ningxia'],
  ['CN-XJ', '新疆', 'Xinjiang'],
];

const NAMES = new Map<string, readonly [zh: string, en: string]>([
  ['CN', ['全国', 'China']],
  ...PROVINCES.map(([code, zh, en]) => [code, [zh, en]] as const),
]);

/** "广东 CN-GD" / "Guangdong (CN-GD)": a province or China as a reader names it, with its code; any other code as it is. */
export function regionLabel(code: string, lang: 'zh' | 'en'): string {
  const names = NAMES.get(code);
  if (!names) return code;
  return lang === 'zh' ? `${names[0]} ${code}` : `${names[1]} (${code})`;
}
