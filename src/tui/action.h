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
    X(SET_PERIOD,  "期间",   "选择期间：年、半年、季度或月份")

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
