// 户籍台账: households, persons, their history, and the operator's name.
import { z } from 'zod';
import { CODE_TABLE_KEYS } from '../code-tables/index.ts';
import { method } from './define.ts';
import {
  auditEntry,
  cancelRequest,
  entityId,
  householdDetail,
  householdEntry,
  householdListQuery,
  householdListRow,
  householdPatch,
  idConflict,
  personDetail,
  personEntry,
  personPatch,
  personSearchRow,
  placeSchema,
  statusFilter,
} from './register-schemas.ts';
import { regionCode, regionNode } from './schemas.ts';

/** A list's name for its remembered columns: 'households', 'persons', 'ledger:migrant_work' … */
const listId = z.string().regex(/^[a-z_:]{1,60}$/);

const issue = z.object({
  field: z.string().nullable(),
  level: z.enum(['error', 'warning']),
  message: z.string(),
});

export const registerContract = {
  'settings.get': method({
    summary: '本台账的设置（操作员姓名、数据年度、本乡镇）',
    request: z.object({}).strict(),
    response: z.object({
      operator: z.string().nullable(),
      dataYear: z.number().int(),
      /** 本乡镇 (a township or village code); null: the whole county. */
      homeRegionCode: z.string().nullable(),
    }),
    errors: [],
  }),
  'settings.setOperator': method({
    summary: '记录操作员姓名（写入每条修改记录）',
    request: z.object({ name: z.string().trim().min(1, '请填写姓名').max(20, '姓名过长') }).strict(),
    response: z.object({ operator: z.string() }),
    errors: [],
  }),
  'codeTables.list': method({
    summary: '代码表（内置项加本县扩展项）',
    request: z.object({}).strict(),
    response: z.array(
      z.object({
        key: z.enum(CODE_TABLE_KEYS as [string, ...string[]]),
        name: z.string(),
        multi: z.boolean(),
        items: z.array(
          z.object({
            code: z.string(),
            label: z.string(),
            aliases: z.array(z.string()),
            retired: z.boolean(),
          }),
        ),
      }),
    ),
    errors: [],
  }),

  'households.list': method({
    summary: '户列表：按区划、筛选条件和搜索词，分页、排序',
    request: householdListQuery,
    response: z.object({ total: z.number().int(), rows: z.array(householdListRow) }),
    errors: ['not-initialized', 'not-found'],
  }),
  'households.get': method({
    summary: '一户的信息与全部成员',
    request: z.object({ id: entityId, includeCancelledMembers: z.boolean().default(false) }).strict(),
    response: z.object({ household: householdDetail, members: z.array(personDetail) }),
    errors: ['not-found'],
  }),
  'households.nextNumber': method({
    summary: '为某村建议下一个户编号',
    request: z.object({ villageCode: regionCode }).strict(),
    response: z.object({ householdNo: z.string() }),
    errors: ['not-found'],
  }),
  'households.create': method({
    summary: '新建一户（连同户主）',
    request: z
      .object({
        regionCode,
        householdNo: z.string().trim().min(1).max(30).optional(),
        household: householdEntry,
        head: personEntry,
      })
      .strict(),
    response: z.object({ id: entityId, householdNo: z.string(), headId: entityId }),
    errors: ['validation', 'conflict', 'not-found'],
  }),
  'households.update': method({
    summary: '修改户的信息或所在村组',
    request: z.object({ id: entityId, regionCode: regionCode.optional(), patch: householdPatch }).strict(),
    response: householdDetail,
    errors: ['validation', 'not-found'],
  }),
  'households.cancel': method({
    summary: '注销一户（连同成员），保留历史',
    request: cancelRequest,
    response: householdDetail,
    errors: ['validation', 'not-found'],
  }),
  'households.restore': method({
    summary: '恢复已注销的户',
    request: z.object({ id: entityId }).strict(),
    response: householdDetail,
    errors: ['validation', 'not-found', 'conflict'],
  }),
  'households.setHead': method({
    summary: '变更户主：新户主改为“户主”，原户主改为指定关系',
    request: z
      .object({ householdId: entityId, personId: entityId, formerHeadRelation: z.string().min(2).max(4) })
      .strict(),
    response: z.object({ household: householdDetail, members: z.array(personDetail) }),
    errors: ['validation', 'not-found'],
  }),

  'persons.get': method({
    summary: '一个人的信息及所在户',
    request: z.object({ id: entityId }).strict(),
    response: z.object({
      person: personDetail,
      householdNo: z.string(),
      headName: z.string().nullable(),
      place: placeSchema,
    }),
    errors: ['not-found'],
  }),
  'persons.search': method({
    summary: '全县查人：姓名、证件号码（可只输后几位）或电话',
    request: z
      .object({
        q: z.string().trim().min(1).max(40),
        regionCode: regionCode.nullable().default(null),
        status: statusFilter.default('active'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    response: z.object({ total: z.number().int(), rows: z.array(personSearchRow) }),
    errors: ['not-initialized'],
  }),
  'lists.getColumns': method({
    summary: '一个列表隐藏了哪些列（“列”按钮的选择，按列表记住）',
    request: z.object({ list: listId }).strict(),
    response: z.object({ hidden: z.array(z.string()).nullable() }),
    errors: [],
  }),
  'lists.setColumns': method({
    summary: '记住一个列表隐藏的列',
    request: z.object({ list: listId, hidden: z.array(z.string().max(60)).max(100) }).strict(),
    response: z.object({ hidden: z.array(z.string()) }),
    errors: [],
  }),
  'register.reveal': method({
    summary: '显示一个人（或一户）的完整证件号码或电话，并记入审计日志',
    request: z
      .object({
        entity: z.enum(['person', 'household']),
        id: entityId,
        field: z.enum(['id_number', 'phone']),
      })
      .strict(),
    response: z.object({ value: z.string() }),
    errors: ['not-found', 'validation'],
  }),
  'persons.checkId': method({
    summary: '检查证件号码：格式、校验位，以及是否已在本县登记',
    request: z.object({ idNumber: z.string().max(40), excludePersonId: entityId.optional() }).strict(),
    response: z.object({
      normalized: z.string(),
      issues: z.array(issue),
      birthDate: z.string().nullable(),
      sex: z.string().nullable(),
      conflict: idConflict.nullable(),
    }),
    errors: [],
  }),
  'persons.create': method({
    summary: '为一户新增成员',
    request: z.object({ householdId: entityId, person: personEntry }).strict(),
    response: personDetail,
    errors: ['validation', 'conflict', 'not-found'],
  }),
  'persons.update': method({
    summary: '修改成员信息',
    request: z.object({ id: entityId, patch: personPatch }).strict(),
    response: personDetail,
    errors: ['validation', 'conflict', 'not-found'],
  }),
  'persons.cancel': method({
    summary: '注销成员（死亡、迁出、嫁出等），保留历史',
    request: cancelRequest,
    response: personDetail,
    errors: ['validation', 'not-found'],
  }),
  'persons.restore': method({
    summary: '恢复已注销的成员',
    request: z.object({ id: entityId }).strict(),
    response: personDetail,
    errors: ['validation', 'not-found', 'conflict'],
  }),
  'persons.move': method({
    summary: '分户/合户：把成员移到另一户',
    request: z.object({ id: entityId, toHouseholdId: entityId, relation: z.string().min(2).max(4) }).strict(),
    response: personDetail,
    errors: ['validation', 'not-found'],
  }),
  'persons.split': method({
    summary: '分户：成员迁出，新立一户并任户主（户编号按所在村自动编号，也可指定）',
    request: z
      .object({
        id: entityId,
        regionCode,
        householdNo: z.string().trim().min(1).max(30).optional(),
      })
      .strict(),
    response: z.object({ person: personDetail, householdId: entityId, householdNo: z.string() }),
    errors: ['validation', 'conflict', 'not-found'],
  }),

  'audit.list': method({
    summary: '修改历史（户的历史含其成员的变动）',
    request: z
      .object({
        householdId: entityId.optional(),
        personId: entityId.optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict()
      .refine((r) => (r.householdId === undefined) !== (r.personId === undefined), '请指定户或人之一'),
    response: z.array(auditEntry),
    errors: [],
  }),

  'regions.addGroup': method({
    summary: '在村下新增村民小组',
    request: z.object({ villageCode: regionCode, name: z.string().trim().min(1).max(20) }).strict(),
    response: regionNode,
    errors: ['validation', 'not-found'],
  }),
  'regions.rename': method({
    summary: '修改乡镇、村、组的名称（官方名称保留）',
    request: z.object({ code: regionCode, name: z.string().trim().min(1).max(30) }).strict(),
    response: regionNode,
    errors: ['validation', 'not-found'],
  }),
} as const;
