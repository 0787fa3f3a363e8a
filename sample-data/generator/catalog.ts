/** The company's reference data: where leads come from, who sells, whom they sell to. */

export const SOURCES = ['Website', 'Trade show', 'Referral', 'Distributor', 'Cold call'] as const;
/** Share of leads by source, before and after the cut-over (a small mix shift towards the website). */
export const SOURCE_MIX_BEFORE = [0.35, 0.18, 0.15, 0.17, 0.15];
export const SOURCE_MIX_AFTER = [0.38, 0.16, 0.15, 0.17, 0.14];
/** How much likelier than average a lead of this source is to convert (same in both periods). */
export const SOURCE_CONVERSION = [0.85, 1.15, 1.7, 1.2, 0.45];

export const REGIONS = ['East', 'South', 'North', 'West'] as const;
export const REGION_MIX = [0.4, 0.25, 0.2, 0.15];
/** Order processing is slower where the plant is far away (same in both periods). */
export const REGION_PROCESSING = [0.9, 0.95, 1.1, 1.35];

export const SEGMENTS = ['SMB', 'Mid-market', 'Enterprise'] as const;
export const SEGMENT_MIX = [0.55, 0.32, 0.13];
export const SEGMENT_CONVERSION = [1.1, 0.95, 0.75];
/** Larger customers pay more slowly (same in both periods). */
export const SEGMENT_COLLECTION = [0.9, 1.05, 1.25];
/** Median order value in CNY. */
export const SEGMENT_ORDER_MEDIAN = [60_000, 250_000, 1_100_000];
/** Payment terms in days. */
export const SEGMENT_PAYMENT_TERMS = [30, 30, 45];

/** Sales reps and the regions they cover. */
export const OWNERS: ReadonlyArray<{ name: string; region: number }> = [
  { name: 'Wang Lei', region: 0 },
  { name: 'Chen Jing', region: 0 },
  { name: 'Sarah Lin', region: 0 },
  { name: 'Liu Yang', region: 1 },
  { name: 'Huang Min', region: 1 },
  { name: 'Zhang Wei', region: 2 },
  { name: 'Zhao Xue', region: 2 },
  { name: 'Li Qiang', region: 3 },
];
export const OWNERS_BY_REGION: number[][] = REGIONS.map((_, r) =>
  OWNERS.flatMap((o, i) => (o.region === r ? [i] : [])),
);

export const INDUSTRIES = [
  'Machinery',
  'Automotive parts',
  'Electronics',
  'Chemicals',
  'Construction',
  'Food & beverage',
  'Medical devices',
  'Energy',
  'Textiles',
  'Logistics',
] as const;

export const REGION_CITIES: ReadonlyArray<ReadonlyArray<[string, string]>> = [
  [['Shanghai', '上海'], ['Suzhou', '苏州'], ['Hangzhou', '杭州'], ['Ningbo', '宁波'], ['Nanjing', '南京'], ['Wuxi', '无锡'], ['Changzhou', '常州'], ['Hefei', '合肥']],
  [['Guangzhou', '广州'], ['Shenzhen', '深圳'], ['Dongguan', '东莞'], ['Foshan', '佛山'], ['Xiamen', '厦门'], ['Zhuhai', '珠海']],
  [['Beijing', '北京'], ['Tianjin', '天津'], ['Qingdao', '青岛'], ['Jinan', '济南'], ['Shijiazhuang', '石家庄'], ['Shenyang', '沈阳']],
  [['Chengdu', '成都'], ['Chongqing', '重庆'], ["Xi'an", '西安'], ['Kunming', '昆明'], ['Lanzhou', '兰州']],
];

export const NAME_CORES: ReadonlyArray<[string, string]> = [
  ['Hengli', '恒力'], ['Huaxin', '华信'], ['Jinlong', '金龙'], ['Tianyi', '天翼'], ['Dongfang', '东方'],
  ['Xinda', '信达'], ['Hongyuan', '宏远'], ['Ruifeng', '瑞丰'], ['Zhongcheng', '中诚'], ['Yongsheng', '永盛'],
  ['Kaida', '凯达'], ['Boyuan', '博源'], ['Haitian', '海天'], ['Minghua', '明华'], ['Jiahe', '嘉禾'],
  ['Shengtai', '盛泰'], ['Lianfa', '联发'], ['Guoxin', '国信'], ['Weiye', '伟业'], ['Fuda', '富达'],
  ['Anke', '安科'], ['Baolong', '宝龙'], ['Changjiang', '长江'], ['Deli', '德力'], ['Everbright', '光大'],
  ['Fenghua', '丰华'], ['Greatwall', '长城'], ['Huanyu', '寰宇'], ['Jingwei', '经纬'], ['Kunlun', '昆仑'],
  ['Longteng', '龙腾'], ['Meida', '美达'], ['Nanfang', '南方'], ['Pengcheng', '鹏程'], ['Qianjin', '前进'],
  ['Sanhe', '三和'], ['Tongda', '通达'], ['Wanjia', '万嘉'], ['Xinghe', '星河'], ['Yuanda', '远大'],
];

export const INDUSTRY_NAMES: ReadonlyArray<ReadonlyArray<[string, string]>> = [
  [['Precision Machinery', '精密机械'], ['Heavy Industry', '重工'], ['Machine Tools', '机床']],
  [['Auto Parts', '汽车零部件'], ['Motor Components', '汽车配件']],
  [['Electronics', '电子'], ['Optoelectronics', '光电'], ['Semiconductor', '半导体']],
  [['Chemical', '化工'], ['New Materials', '新材料']],
  [['Building Materials', '建材'], ['Construction Engineering', '建设工程']],
  [['Foods', '食品'], ['Beverage', '饮料']],
  [['Medical Equipment', '医疗器械'], ['Biotech', '生物科技']],
  [['New Energy', '新能源'], ['Power Equipment', '电力设备']],
  [['Textile', '纺织'], ['Garment', '服饰']],
  [['Logistics', '物流'], ['Supply Chain', '供应链']],
];
