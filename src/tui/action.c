#include "tui/action.h"

static const char *const labels[ACT_COUNT] = {
#define TUI_ACTION_LABEL(id, label, help) [ACT_##id] = label,
    TUI_ACTIONS(TUI_ACTION_LABEL)
#undef TUI_ACTION_LABEL
};

static const char *const helps[ACT_COUNT] = {
#define TUI_ACTION_HELP(id, label, help) [ACT_##id] = help,
    TUI_ACTIONS(TUI_ACTION_HELP)
#undef TUI_ACTION_HELP
};

const char *tui_action_label(enum tui_action a)
{
    return (int)a >= 0 && a < ACT_COUNT ? labels[a] : "";
}

const char *tui_action_help(enum tui_action a)
{
    return (int)a >= 0 && a < ACT_COUNT ? helps[a] : "";
}

enum tui_action tui_keymap_lookup(const struct tui_binding *map, int key)
{
    if (!map)
        return ACT_NONE;
    for (; map->action != ACT_NONE; map++)
        for (int i = 0; i < 4 && map->keys[i] != 0; i++)
            if (map->keys[i] == key)
                return map->action;
    return ACT_NONE;
}
