// Command dispatch for the CLI. Exit codes: 0 done, 1 the ledger refused (error printed), 2 usage.
import { parseArgs } from 'node:util';
import { LedgerError } from '../../shared/result.ts';
import { storageFailureMessage } from '../core/storage-errors.ts';
import { IMPORT_HEAP_ENV, IMPORT_HEAP_MB } from '../core/import/heap-limit.ts';
import { commands, type CliIo } from './commands.ts';

export const USAGE = `用法：npm run ledger -- <命令> [选项]

命令：
  init  [--county 6位县级代码]          新建台账；给出县代码时填入该县的乡镇和村
  demo  [--households N] [--seed S] [--county 代码] [--register-only]
                                        在空台账中生成示例县（默认 湖北省襄阳市保康县，2000 户）及各专项台账的示例记录；--register-only 只生成户籍台账
  stats [--region 区划代码]             显示户数、人数、分类统计和各专项台账的记录数
  serve [--port N]                      启动浏览器模式（不打开浏览器），第一行输出访问地址
  import 文件 [--sheet 工作表] [--region 区划代码] [--template 模板名] [--operator 姓名]
         [--dry-run] [--skip-invalid]   导入 Excel/CSV：先校验，无错误才写入（一次事务、一个批次）；
                                        --dry-run 只预览；--skip-invalid 跳过有错误的行。
                                        不写 --sheet 时读表头可识别的那个工作表（有几个时报错并列出）
         [--set 字段=值 …]              文件中没有的字段整列填同一个值，如 --set 务工状态=已外出（可重复）
                                        退出码：0 成功，1 有错误未导入，2 文件无法读取（或工作表不明、--set 有误）
         [--into 台账编号]             导入到专项台账（编号见 ledgers），选项和输出同上，另有 records 计数
  export households|persons|台账编号 --out 文件.xlsx [--region 区划代码] [--filter 字段=值 …]
         [--search 词] [--masked] [--yes-full-ids]
                                        导出花名册（与程序中“导出”相同的筛选、版式和审计记录）；
                                        --filter 按列表上的字段筛选（值写选项名称，可重复），--masked 证件号码
                                        和电话脱敏；完整证件号码超过 100 人时须加 --yes-full-ids 确认
  ledgers                               列出专项台账：编号、名称、记录数（--json 含字段）
  reports                               列出报表：编号、名称、参数
  report 报表编号 [--region 区划代码] [--year 年度] [--as-of YYYY-MM-DD]
         [--out 文件.xlsx]              计算报表：合计、各乡镇小计与各村（--region 乡镇时为各村）；
                                        --out 写成可打印盖章的 Excel（与 --json 数字相同，记入操作日志）
  summary 台账编号 [--region 区划代码] [--year 年度] (--out 文件.xlsx | --json)
                                        台账汇总：合计与各乡镇（--region 乡镇时为各村），含 0
  receipt 三联单编号 [--date 回执日期 [--arrived 到岗日期] [--employer 用工单位] [--employer-phone 电话]
         [--proof 有|无] [--operator 姓名]]
                                        外出务工三联单：只给编号时显示是谁的三联单；给出 --date 时登记寄回的
                                        用工回执单（回执日期不能早于备案日期，到岗日期同）
  check [--region 区划代码]             数据质量核查：运行全部规则，保存问题清单，输出各规则问题数和问题明细
  ledger-sql 台账编号 … [--db 文件]     打印台账定义对应的建表语句（写新迁移时用）；给出 --db 时只打印
                                        该文件缺少的 ALTER TABLE … ADD COLUMN 和索引（文件只读）
  backup [--out 文件夹]                 备份台账（备份接口 + 完整性检查 + 重新读取）；不写 --out 时放入
                                        台账旁 backups 文件夹并按规则轮换
  backups                               列出自动备份
  verify 文件                           检查台账或备份文件：完好退出 0，有问题退出 1 并说明
  restore 文件 [--yes]                  用备份恢复台账（当前台账先另存为备份，可撤销）；不加 --yes 只说明
  audit verify                          检查审计日志的哈希链：被修改、删除或调换的记录逐条指出，退出 1
  forms                                 列出可打印的表单：编号、名称、纸张方向、打印对象与选项
  print 表单编号 (--region 区划代码 | --household 户编号) [--year 年度] --out 文件.pdf
                                        打印表单为 PDF（A4，第 x 页 共 y 页；数据未通过校验时印“未校验”水印）；
                                        需要 Chromium、Chrome 或 Edge（或用 CHROMIUM_PATH 指定）
  print table --persons 查找文字 [--status all] --out 文件.pdf
                                        打印查人的结果（与查人页面的“打印”相同，证件号码脱敏）

通用选项：
  --db PATH   台账文件（默认：环境变量 LEDGER_DB，或用户数据目录下的 county-ledger/ledger.db）
  --json      以 JSON 输出结果（便于脚本处理）

环境变量：
  ${IMPORT_HEAP_ENV}  导入可用的内存（兆字节，默认 ${IMPORT_HEAP_MB}）；文件大到“内存不足”时，内存多的电脑可调高`;

export type { CliIo } from './commands.ts';

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const command = Object.hasOwn(commands, name) ? commands[name as keyof typeof commands] : undefined;
  if (!command) {
    io.err(`未知命令：${name}\n\n${USAGE}`);
    return 2;
  }
  let values: Record<string, string | string[] | boolean | undefined>;
  let positionals: string[];
  try {
    const parsed = parseArgs({
      args: rest,
      options: command.options,
      strict: true,
      allowPositionals: 'positionals' in command,
    });
    values = parsed.values as Record<string, string | string[] | boolean | undefined>;
    positionals = parsed.positionals;
  } catch (e) {
    io.err(`参数错误：${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  try {
    return await (command.run as (v: typeof values, io: CliIo, p: string[]) => Promise<number>)(
      values,
      io,
      positionals,
    );
  } catch (e) {
    if (e instanceof LedgerError) {
      io.err(`错误：${e.message}`);
      return 1;
    }
    const storage = storageFailureMessage(e);
    io.err(storage === null ? `程序内部错误：${(e as Error).stack ?? String(e)}` : `错误：${storage}`);
    return 1;
  }
}
