/* One table of actions (tig style): id, hint-bar label, help text. It
 * feeds key dispatch, the bottom hint bar and the help overlay. Screens
 * bind keys to actions with a keymap. Labels and help are Chinese. */
#ifndef ZB_TUI_ACTION_H
#define ZB_TUI_ACTION_H

#include <stdbool.h>
#include <stddef.h>

#define TUI_ACTIONS(X) \
    X(HELP,        "帮助",   "显示本屏的按键说明") \
    X(BACK,        "返回",   "返回上一屏（有未保存的修改时先询问）") \
    X(QUIT,        "退出",   "退出 zhibu（有未保存的修改时先询问）") \
    X(REDRAW,      "重绘",   "重新绘制整个屏幕") \
    X(UP,          "上移",   "光标上移一行") \
    X(DOWN,        "下移",   "光标下移一行") \
    X(PAGE_UP,     "上页",   "向上翻一页") \
    X(PAGE_DOWN,   "下页",   "向下翻一页") \
    X(FIRST,       "首行",   "跳到第一行") \
    X(LAST,        "末行",   "跳到最后一行") \
    X(OPEN,        "打开",   "打开所选条目") \
    X(ADD,         "新增",   "新增一条") \
    X(EDIT,        "编辑",   "编辑所选条目") \
    X(DELETE,      "删除",   "删除所选条目（先确认）") \
    X(FILTER,      "筛选",   "输入即筛选：姓名、拼音首字母、电话或身份证号数字") \
    X(SORT,        "排序",   "选择排序方式") \
    X(TOGGLE_LEFT, "含离开", "显示或隐藏已离开（出党、转出、去世）的党员") \
    X(SAVE,        "保存",   "保存表单") \
    X(NEXT_FIELD,  "下一项", "移到下一个字段") \
    X(PREV_FIELD,  "上一项", "移到上一个字段") \
    X(PICK,        "选择",   "从列表中选择（可输入筛选）") \
    X(CYCLE,       "切换",   "切换选项") \
    X(HISTORY,     "出勤",   "查看所选党员的组织生活出勤记录") \
    X(ROLL,        "考勤",   "打开所选会议的考勤（签到）") \
    X(MARK_PRESENT,"出席",   "标记为出席，光标移到下一人") \
    X(MARK_LATE,   "迟到",   "标记为迟到，光标移到下一人") \
    X(MARK_LEAVE,  "请假",   "标记为请假（可填原因），光标移到下一人") \
    X(MARK_ABSENT, "缺席",   "标记为缺席，光标移到下一人") \
    X(MARK_CLEAR,  "清除",   "清除所选人员的标记") \
    X(UNDO,        "撤销",   "撤销本次最后一个标记") \
    X(ALL_PRESENT, "全到",   "把所有未签到的人标记为出席") \
    X(SCAN,        "扫码",   "扫码/输入签到：党员编号、姓名或拼音首字母，回车即标记出席") \
    X(ADD_GUEST,   "列席",   "添加列席人员") \
    X(PRINT,       "签到表", "把签到表写入文本文件以便打印") \
    X(MAKEUP,      "补课",   "为所选请假记录登记补课") \
    X(SET_ORG,     "组织",   "选择党组织") \
    X(SET_KIND,    "类型",   "选择会议类型") \
    X(SET_PERIOD,  "期间",   "选择期间：年、半年、季度或月份") \
    X(ADD_ROOT,    "新社区", "新增一个社区（网格树的最上一级）") \
    X(GRID_MOVE,   "移动",   "把所选网格节点移到另一个上级之下") \
    X(ROLES,       "负责人", "查看、登记所选网格节点的负责人及任职记录") \
    X(COVERAGE,    "覆盖",   "检查所选节点所在社区的网格覆盖情况") \
    X(CONTACT,     "联系卡", "把所选网格的联系卡（公示牌）写入文本文件以便打印") \
    X(END_ROLE,    "离任",   "为所选任职登记离任日期") \
    X(SET_COMMUNITY, "社区", "选择要检查的社区") \
    X(SET_HH_KIND, "类别",   "按帮扶对象类别筛选") \
    X(SET_GRID,    "网格",   "按居住网格节点（含下级节点）筛选") \
    X(SET_LEVEL,   "程度",   "按困难程度筛选") \
    X(SET_STATUS,  "状态",   "切换显示：帮扶中、已销号、全部") \
    X(ASSIST,      "推荐",   "结对推荐：为未结对的帮扶对象推荐就近的党员") \
    X(TOTALS,      "统计",   "帮扶统计：户数、结对、走访、慰问金及物品、就业") \
    X(OVERDUE,     "预警",   "帮扶预警：超期未走访、未结对、跟进逾期") \
    X(ADD_PAIR,    "结对",   "新增帮扶人：党员或共建单位人员") \
    X(END_PAIR,    "结束",   "结束所选结对（登记结束日期）") \
    X(ADD_VISIT,   "走访",   "登记一次走访：慰问金、物品、就业、待跟进事项") \
    X(FOLLOWUP_DONE, "办结",   "把所选走访的待办事项标记为已办结（再按一次改回）") \
    X(SWITCH_PANE, "切换",   "在帮扶人和走访记录之间切换") \
    X(ACCEPT,      "采纳",   "采纳所选推荐，建立结对") \
    X(ACCEPT_ALL,  "全部采纳", "采纳全部推荐（先确认户数）") \
    X(PICK_HELPER, "换人",   "另选帮扶人：按就近和帮扶户数排列，可输入姓名查找") \
    X(SECTION,     "分类",   "切换：超期未走访、未结对、跟进逾期") \
    X(PAIRS,       "帮扶",   "查看所选党员结对帮扶的对象") \
    X(ORG_MOVE,    "移动",   "把所选组织（连同下级组织）移到另一个上级组织之下") \
    X(ORG_MEMBERS, "党员",   "查看直接编在所选组织的党员") \
    X(ORG_MEMBERS_ALL, "全部党员", "查看所选组织及其全部下级组织的党员") \
    X(POSTS,       "班子",   "查看、登记所选组织的书记、委员、组长等任职记录") \
    X(ADD_ORG_ROOT, "新上级", "新增一个最上级组织（如街道党工委）") \
    X(TREE_EXPAND, "展开",   "展开所选节点；已展开时移到第一个下级") \
    X(TREE_COLLAPSE, "折叠", "折叠所选节点；已折叠时移到上级") \
    X(TREE_EXPAND_ALL, "全部展开", "展开所选节点下的所有层级") \
    X(IMPORT_KIND, "内容",   "选择导入内容：党员、网格、帮扶对象、走访记录、会议等，随即试运行") \
    X(IMPORT_FILE, "文件",   "输入要导入的 CSV 文件路径（~ 表示主目录），随即试运行") \
    X(IMPORT_ENCODING, "编码", "选择文件编码：自动识别、GB18030（GBK）或 UTF-8，随即重新试运行") \
    X(IMPORT_ORGS, "建组织", "切换：导入党员时是否新建文件中不存在的党组织，随即重新试运行") \
    X(DRY_RUN,     "试运行", "重新读取文件并试运行：只检查并列出问题，不写入数据库") \
    X(IMPORT,      "导入",   "试运行没有错误时正式导入（先确认）；有错误时不能导入") \
    X(SAVE_FILE,   "存文件", "把报表保存为文本文件，以便粘贴到总结或打印")

enum tui_action {
#define TUI_ACTION_ENUM(id, label, help) ACT_##id,
    TUI_ACTIONS(TUI_ACTION_ENUM)
#undef TUI_ACTION_ENUM
    ACT_COUNT,
    ACT_NONE = -1
};

const char *tui_action_label(enum tui_action a);
const char *tui_action_help(enum tui_action a);

/* Keys are ints (see tui_key.h). A binding lists up to 4 keys (0 ends
 * the list early); `hint` puts the first key and the label in the hint
 * bar. A keymap is an array ended by { ACT_NONE }. */
struct tui_binding {
    enum tui_action action;
    int keys[4];
    bool hint;
};

/* The action bound to key in map, or ACT_NONE. */
enum tui_action tui_keymap_lookup(const struct tui_binding *map, int key);

#endif
