#include "tui/key.h"

#include <curses.h>
#include <stdio.h>

#include "text.h"

static const struct {
    int code;
    const char *name;
} fn_names[] = {
    { KEY_UP, "Up" }, { KEY_DOWN, "Down" }, { KEY_LEFT, "Left" },
    { KEY_RIGHT, "Right" }, { KEY_PPAGE, "PgUp" }, { KEY_NPAGE, "PgDn" },
    { KEY_HOME, "Home" }, { KEY_END, "End" }, { KEY_IC, "Ins" },
    { KEY_DC, "Del" }, { KEY_BACKSPACE, "Bksp" }, { KEY_BTAB, "S-Tab" },
    { KEY_ENTER, "Enter" }, { KEY_RESIZE, "Resize" },
};

void tui_key_name(int key, char *out, size_t outsz)
{
    if (!out || outsz == 0)
        return;
    out[0] = 0;
    if (key >= TUI_KEY_FN) {
        int code = key - TUI_KEY_FN;
        if (code >= KEY_F(1) && code <= KEY_F(12)) {
            snprintf(out, outsz, "F%d", code - KEY_F0);
            return;
        }
        for (size_t i = 0; i < sizeof fn_names / sizeof fn_names[0]; i++)
            if (fn_names[i].code == code) {
                snprintf(out, outsz, "%s", fn_names[i].name);
                return;
            }
        snprintf(out, outsz, "Key-%d", code);
        return;
    }
    switch (key) {
    case TUI_KEY_ENTER: snprintf(out, outsz, "Enter"); return;
    case TUI_KEY_ESC: snprintf(out, outsz, "Esc"); return;
    case TUI_KEY_TAB: snprintf(out, outsz, "Tab"); return;
    case ' ': snprintf(out, outsz, "Space"); return;
    case 127: snprintf(out, outsz, "Bksp"); return;
    default: break;
    }
    if (key > 0 && key < 32) {
        snprintf(out, outsz, "Ctrl-%c", 'A' + key - 1);
        return;
    }
    if (key > 32 && key < 127) {
        snprintf(out, outsz, "%c", key);
        return;
    }
    if (key > 127 && key < 0x110000) {
        /* A non-ASCII character: itself (the header says ASCII names;
         * a key that is a character can only be named by itself). */
        char buf[8];
        size_t n = text_encode((uint32_t)key, buf);
        buf[n] = 0;
        snprintf(out, outsz, "%s", buf);
        return;
    }
    snprintf(out, outsz, "?");
}

int tui_key_is_text(int key)
{
    if (key < 32 || key >= TUI_KEY_FN || key >= 0x110000)
        return 0;
    if (key >= 0x7f && key < 0xa0)
        return 0;
    if (key >= 0xd800 && key < 0xe000)
        return 0;
    return 1;
}
