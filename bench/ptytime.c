/* Times a terminal program the way a person meets it: started in a
 * pseudo-terminal of a given size, it measures the time from exec until
 * MARKER has appeared in the output (the first screen is drawn), then,
 * for each -k KEYS, the time from writing the keys to the last byte of
 * the resulting redraw (output quiet for -q ms afterwards). At the end
 * it writes -x KEYS (to quit), waits, and reports the child's peak RSS.
 *
 *   ptytime [-c COLS] [-r ROWS] -m MARKER [-k KEYS]... [-x KEYS] -- CMD...
 *
 * Output: one line per measurement, "name value unit". */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Reads what is available within timeout_ms; appends to buf (kept as a
 * sliding window). Returns bytes read, 0 on timeout, -1 on EOF/error. */
static ssize_t pump(int fd, char *buf, size_t *len, size_t cap, int timeout_ms)
{
    struct pollfd p = {.fd = fd, .events = POLLIN};
    int r = poll(&p, 1, timeout_ms);
    if (r <= 0)
        return r == 0 ? 0 : -1;
    char tmp[65536];
    ssize_t n = read(fd, tmp, sizeof tmp);
    if (n <= 0)
        return -1;
    if (*len + (size_t)n > cap) {   /* keep the tail */
        size_t keep = cap / 2;
        memmove(buf, buf + *len - keep, keep);
        *len = keep;
    }
    memcpy(buf + *len, tmp, (size_t)n);
    *len += (size_t)n;
    return n;
}

/* Unescapes \r \n \e \t \\ and \xNN in keys. */
static size_t unescape(const char *s, char *out)
{
    size_t n = 0;
    for (; *s; s++) {
        if (*s != '\\' || !s[1]) {
            out[n++] = *s;
            continue;
        }
        s++;
        switch (*s) {
        case 'r': out[n++] = '\r'; break;
        case 'n': out[n++] = '\n'; break;
        case 'e': out[n++] = 27; break;
        case 't': out[n++] = '\t'; break;
        case 'x': {
            unsigned v = 0;
            sscanf(s + 1, "%2x", &v);
            out[n++] = (char)v;
            s += 2;
            break;
        }
        default: out[n++] = *s;
        }
    }
    return n;
}

int main(int argc, char **argv)
{
    int cols = 100, rows = 30, quiet = 150, nkeys = 0;
    const char *marker = NULL, *quit = NULL, *keys[64];
    int i = 1;
    for (; i < argc && strcmp(argv[i], "--"); i++) {
        if (!strcmp(argv[i], "-c") && i + 1 < argc) cols = atoi(argv[++i]);
        else if (!strcmp(argv[i], "-r") && i + 1 < argc) rows = atoi(argv[++i]);
        else if (!strcmp(argv[i], "-q") && i + 1 < argc) quiet = atoi(argv[++i]);
        else if (!strcmp(argv[i], "-m") && i + 1 < argc) marker = argv[++i];
        else if (!strcmp(argv[i], "-k") && i + 1 < argc && nkeys < 64) keys[nkeys++] = argv[++i];
        else if (!strcmp(argv[i], "-x") && i + 1 < argc) quit = argv[++i];
        else { fprintf(stderr, "ptytime: bad argument %s\n", argv[i]); return 2; }
    }
    if (!marker || i + 1 >= argc) {
        fputs("usage: ptytime [-c COLS] [-r ROWS] [-q MS] -m MARKER [-k KEYS]... [-x KEYS] -- CMD...\n", stderr);
        return 2;
    }
    char **cmd = argv + i + 1;
    struct winsize ws = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};
    int master;
    double t0 = now_ms();
    pid_t pid = forkpty(&master, NULL, NULL, &ws);
    if (pid < 0) { perror("forkpty"); return 1; }
    if (pid == 0) {
        setenv("TERM", "xterm-256color", 1);
        execvp(cmd[0], cmd);
        _exit(127);
    }
    static char buf[1 << 20];
    size_t len = 0;
    double t_marker = -1;
    while (t_marker < 0) {
        ssize_t n = pump(master, buf, &len, sizeof buf, 10000);
        if (n <= 0) { fputs("ptytime: marker not seen\n", stderr); kill(pid, SIGKILL); return 1; }
        buf[len] = '\0';
        if (memmem(buf, len, marker, strlen(marker)))
            t_marker = now_ms();
    }
    printf("first_screen %.1f ms\n", t_marker - t0);
    /* let the first screen settle */
    while (pump(master, buf, &len, sizeof buf, quiet) > 0)
        ;
    for (int k = 0; k < nkeys; k++) {
        char seq[256];
        size_t n = unescape(keys[k], seq);
        double ts = now_ms(), last = -1;
        if (write(master, seq, n) != (ssize_t)n) { perror("write"); return 1; }
        while (pump(master, buf, &len, sizeof buf, quiet) > 0)
            last = now_ms();
        printf("key%d %.2f ms\n", k + 1, last < 0 ? -1.0 : last - ts);
    }
    if (quit) {
        char seq[256];
        size_t n = unescape(quit, seq);
        if (write(master, seq, n) != (ssize_t)n) perror("write");
    } else {
        kill(pid, SIGTERM);
    }
    int status;
    struct rusage ru;
    for (;;) {   /* drain until the child is gone */
        pid_t w = wait4(pid, &status, WNOHANG, &ru);
        if (w == pid) break;
        if (pump(master, buf, &len, sizeof buf, 100) < 0) {
            wait4(pid, &status, 0, &ru);
            break;
        }
    }
    printf("peak_rss %ld KiB\n", ru.ru_maxrss);
    return 0;
}
