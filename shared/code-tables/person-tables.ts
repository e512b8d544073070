import { defineCodeTable } from './define.ts';

export const sex = defineCodeTable({
  key: 'sex',
  name: '性别',
  source: 'GB/T 2261.1',
  items: [
    { code: '1', label: '男', aliases: ['男性'] },
    { code: '2', label: '女', aliases: ['女性'] },
    { code: '9', label: '未说明', aliases: ['未说明的性别'] },
  ],
});

export const idType = defineCodeTable({
  key: 'id_type',
  name: '证件类型',
  source: 'AB10_AAB018',
  items: [
    { code: '01', label: '居民身份证', aliases: ['身份证', '居民身份证（户口簿）', '户口簿'] },
    { code: '02', label: '中国人民解放军军官证', aliases: ['军官证'] },
    { code: '09', label: '残疾人证', aliases: ['残疾证'] },
    { code: '99', label: '无证件', aliases: ['无身份证', '其他'] },
  ],
});

const ETHNIC_NAMES = [
  '汉', '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家',
  '哈尼', '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜',
  '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒',
  '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴',
  '珞巴', '基诺',
] as const; // prettier-ignore

export const ethnicity = defineCodeTable({
  key: 'ethnicity',
  name: '民族',
  source: 'GB/T 3304',
  items: [
    ...ETHNIC_NAMES.map((n, i) => ({ code: String(i + 1).padStart(2, '0'), label: `${n}族`, aliases: [n] })),
    // 99: the national system's code for 其他; 穿青人 (Guizhou) is an 未识别民族, shown as such on the card.
    { code: '97', label: '其他', aliases: ['其他民族', '未识别民族', '99', '穿青人', '穿青族'] },
    { code: '98', label: '外国血统中国籍人士', aliases: ['外国血统'] },
  ],
});

export const relation = defineCodeTable({
  key: 'relation',
  name: '与户主关系',
  source: 'AB01_AAB006；2020–21 导出扩展项',
  ambiguous: [
    {
      // In much of the north 媳妇 is one's own wife; elsewhere the son's.
      labels: ['媳妇'],
      message: '可能指户主的妻子（配偶），也可能指儿子的妻子（之儿媳）：请写明 配偶 或 之儿媳',
    },
  ],
  items: [
    { code: '01', label: '户主', aliases: ['本人或户主', '本人', '户主本人'] },
    { code: '02', label: '配偶', aliases: ['妻子', '丈夫', '之妻', '之夫', '妻', '夫'] },
    { code: '03', label: '之子', aliases: ['子', '儿子', '长子', '次子', '三子'] },
    { code: '04', label: '之女', aliases: ['女', '女儿', '长女', '次女', '三女'] },
    { code: '05', label: '之儿媳', aliases: ['儿媳', '儿媳妇'] },
    { code: '06', label: '之女婿', aliases: ['女婿'] },
    { code: '07', label: '之孙子', aliases: ['孙子'] },
    { code: '08', label: '之孙女', aliases: ['孙女'] },
    { code: '09', label: '之外孙子', aliases: ['外孙子', '外孙'] },
    { code: '10', label: '之外孙女', aliases: ['外孙女'] },
    { code: '11', label: '之父', aliases: ['父亲', '父'] },
    { code: '12', label: '之母', aliases: ['母亲', '母'] },
    { code: '13', label: '之岳父', aliases: ['岳父'] },
    { code: '14', label: '之岳母', aliases: ['岳母'] },
    { code: '15', label: '之公公', aliases: ['公公'] },
    { code: '16', label: '之婆婆', aliases: ['婆婆'] },
    { code: '17', label: '之祖父', aliases: ['祖父', '爷爷'] },
    { code: '18', label: '之祖母', aliases: ['祖母', '奶奶'] },
    { code: '19', label: '之外祖父', aliases: ['外祖父', '外公'] },
    { code: '20', label: '之外祖母', aliases: ['外祖母', '外婆'] },
    { code: '21', label: '之兄弟姐妹', aliases: ['兄弟姐妹', '之兄', '之弟', '之姐', '之妹'] },
    { code: '22', label: '之曾孙子', aliases: ['曾孙子'] },
    { code: '23', label: '之曾孙女', aliases: ['曾孙女'] },
    { code: '24', label: '之侄儿', aliases: ['侄儿', '侄子'] },
    { code: '25', label: '之侄女', aliases: ['侄女'] },
    { code: '26', label: '之兄弟媳妇', aliases: ['兄弟媳妇', '弟媳', '嫂子'] },
    { code: '27', label: '之叔伯', aliases: ['叔伯', '叔叔', '伯伯'] },
    { code: '99', label: '其他', aliases: ['其它'] },
  ],
});

/** Relations that fix the member's sex (rule 2_12_008). */
export const RELATION_IMPLIED_SEX: Readonly<Record<string, '1' | '2'>> = {
  '03': '1', '06': '1', '07': '1', '09': '1', '11': '1', '13': '1', '15': '1', '17': '1', '19': '1', '22': '1', '24': '1',
  '04': '2', '05': '2', '08': '2', '10': '2', '12': '2', '14': '2', '16': '2', '18': '2', '20': '2', '23': '2', '25': '2', '26': '2',
}; // prettier-ignore

export const education = defineCodeTable({
  key: 'education',
  name: '文化程度',
  source: '2016–2019 代码；2020–21 导出标签；2023 扩展',
  items: [
    { code: '01', label: '文盲或半文盲', aliases: ['文盲', '半文盲'] },
    { code: '02', label: '小学', aliases: ['小学文化'] },
    { code: '03', label: '初中', aliases: ['初中文化'] },
    { code: '04', label: '高中', aliases: ['高中文化', '中专', '高中（中专）'] },
    { code: '05', label: '大专', aliases: ['大专及以上', '大学专科'] },
    { code: '06', label: '学龄前儿童', aliases: ['学龄前'] },
    { code: '07', label: '本科及以上', aliases: ['本科', '本科及研究生及以上', '研究生'] },
    { code: '08', label: '技师', aliases: [] },
    { code: '09', label: '高职高专', aliases: ['高职'] },
  ],
});

export const schoolStatus = defineCodeTable({
  key: 'school_status',
  name: '在校生状况',
  source: '2016–2019 代码；2020–21 导出标签',
  items: [
    { code: '01', label: '非在校生', aliases: ['非在校', '不在校'] },
    { code: '02', label: '学前教育', aliases: ['幼儿园'] },
    { code: '03', label: '小学', aliases: ['小学在读'] },
    { code: '04', label: '七年级', aliases: ['初一', '初中一年级'] },
    { code: '05', label: '八年级', aliases: ['初二', '初中二年级'] },
    { code: '06', label: '九年级', aliases: ['初三', '初中三年级'] },
    { code: '07', label: '普通高中一年级', aliases: ['高中一年级', '高一'] },
    { code: '08', label: '普通高中二年级', aliases: ['高中二年级', '高二'] },
    { code: '09', label: '普通高中三年级', aliases: ['高中三年级', '高三'] },
    { code: '10', label: '中职一年级', aliases: [] },
    { code: '11', label: '中职二年级', aliases: [] },
    { code: '12', label: '中职三年级', aliases: [] },
    { code: '13', label: '高职高专一年级', aliases: ['高职一年级'] },
    { code: '14', label: '高职高专二年级', aliases: ['高职二年级'] },
    { code: '15', label: '高职高专三年级', aliases: ['高职三年级'] },
    { code: '16', label: '大专及以上', aliases: [], retired: true },
    { code: '17', label: '学龄前儿童', aliases: ['学龄前'] },
    { code: '18', label: '技师学院一年级', aliases: [] },
    { code: '19', label: '技师学院二年级', aliases: [] },
    { code: '20', label: '技师学院三年级', aliases: [] },
    { code: '21', label: '技师学院四年级', aliases: [] },
    { code: '22', label: '本科一年级', aliases: ['大一'] },
    { code: '23', label: '本科二年级', aliases: ['大二'] },
    { code: '24', label: '本科三年级', aliases: ['大三'] },
    { code: '25', label: '本科四年级', aliases: ['大四'] },
    { code: '26', label: '本科五年级', aliases: [] },
    { code: '27', label: '硕士研究生及以上', aliases: ['研究生', '硕士研究生'] },
  ],
});

export const health = defineCodeTable({
  key: 'health',
  name: '健康状况',
  source: 'AB01_AAB017（可多选）',
  multi: true,
  items: [
    { code: '01', label: '健康', aliases: ['良好'] },
    { code: '02', label: '长期慢性病', aliases: ['慢性病', '长期慢性疾病'] },
    { code: '03', label: '患有大病', aliases: ['大病', '重病'] },
    { code: '04', label: '残疾', aliases: ['残疾人'] },
  ],
});

export const laborSkill = defineCodeTable({
  key: 'labor_skill',
  name: '劳动技能',
  source: '扶贫手册（五种类型）；国家系统导出的代码 01 普通 02 技能 03 丧失 04 无（导入时按此读）',
  // Our 03/04/05 are not the national codes: a file's bare code is read the national way.
  fileCodes: { '01': '01', '02': '02', '03': '04', '04': '05' },
  ambiguous: [
    {
      labels: ['05'],
      message:
        '不是国家系统的劳动技能代码（01 普通劳动力、02 技能劳动力、03 丧失劳动力、04 无劳动力）：请写文字，如 弱劳动力或半劳动力',
    },
  ],
  items: [
    { code: '01', label: '普通劳动力', aliases: ['普通', '普通劳动能力'] },
    { code: '02', label: '技能劳动力', aliases: ['技能', '技能劳动能力'] },
    { code: '03', label: '弱劳动力或半劳动力', aliases: ['弱劳动力', '半劳动力', '弱劳动力或半劳动能力'] },
    { code: '04', label: '丧失劳动力', aliases: ['丧失', '丧失劳动能力'] },
    { code: '05', label: '无劳动力', aliases: ['无', '无劳动能力'] },
  ],
});

export const politicalStatus = defineCodeTable({
  key: 'political_status',
  name: '政治面貌',
  source: 'AB01_AAK033',
  items: [
    { code: '01', label: '中共党员', aliases: ['党员'] },
    { code: '02', label: '中共预备党员', aliases: ['预备党员'] },
    { code: '03', label: '共青团员', aliases: ['团员'] },
    { code: '04', label: '民革会员' },
    { code: '05', label: '民盟盟员' },
    { code: '06', label: '民建会员' },
    { code: '07', label: '民进会员' },
    { code: '08', label: '农工党党员' },
    { code: '09', label: '致公党党员' },
    { code: '10', label: '九三学社社员' },
    { code: '11', label: '台盟盟员' },
    { code: '12', label: '无党派民主人士' },
    { code: '13', label: '群众', aliases: ['普通群众'] },
  ],
});

export const yesNo = defineCodeTable({
  key: 'yes_no',
  name: '是否',
  items: [
    { code: '1', label: '是', aliases: ['Y', 'y', '√', '有', 'TRUE', 'true'] },
    { code: '0', label: '否', aliases: ['N', 'n', '×', '无', 'FALSE', 'false'] },
  ],
});
