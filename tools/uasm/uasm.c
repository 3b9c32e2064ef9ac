/*
 * uasm: the Accent-V microassembler.
 *
 * Reads the field-definition file and microcode sources described in
 * docs/microcode-format.md and writes either the configuration image (control
 * store, dispatch RAM, Verilog and C constants, symbols, listing, Markdown
 * reference) or a run-time image (a C array of {target, lo, hi} load-port
 * pairs resolved against a configuration image's symbol file).
 *
 * Everything is checked before anything is written: the first error stops the
 * run with "file:line: message" and exit status 1, and outputs are written to
 * temporary files renamed into place only once all of them are complete.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* ------------------------------------------------------------------ basics */

typedef struct {
    const char *file;
    int line;
} Loc;

static void fatal(Loc l, const char *fmt, ...) __attribute__((format(printf, 2, 3), noreturn));
static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

static void fatal(Loc l, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s:%d: ", l.file, l.line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

static void die(const char *fmt, ...)
{
    va_list ap;
    fputs("uasm: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static void *xcalloc(size_t n, size_t sz)
{
    void *p = calloc(n ? n : 1, sz ? sz : 1);
    if (!p)
        die("out of memory");
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = xrealloc(NULL, n);
    memcpy(d, s, n);
    return d;
}

static char *xstrndup(const char *s, size_t n)
{
    char *d = xrealloc(NULL, n + 1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

/* Growable array append: arrays are (ptr, count, capacity) triples. */
#define PUSH(arr, n, cap, val)                                              \
    do {                                                                    \
        if ((n) == (cap)) {                                                 \
            (cap) = (cap) ? 2 * (cap) : 8;                                  \
            (arr) = xrealloc((arr), (size_t)(cap) * sizeof *(arr));         \
        }                                                                   \
        (arr)[(n)++] = (val);                                               \
    } while (0)

/* Output text is built in memory so nothing touches the disk before all
 * checks have passed. */
typedef struct {
    char *s;
    size_t n, cap;
} Buf;

static void bput(Buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        while (b->n + n + 1 > b->cap)
            b->cap = b->cap ? 2 * b->cap : 4096;
        b->s = xrealloc(b->s, b->cap);
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}

static void bprintf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void bprintf(Buf *b, const char *fmt, ...)
{
    char small[512];
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        die("formatting failed");
    if ((size_t)n < sizeof small) {
        bput(b, small, (size_t)n);
    } else {
        char *big = xrealloc(NULL, (size_t)n + 1);
        vsnprintf(big, (size_t)n + 1, fmt, ap2);
        bput(b, big, (size_t)n);
        free(big);
    }
    va_end(ap2);
}

/* String -> int map (open addressing) so big sources stay linear. */
typedef struct {
    char **keys;
    int *vals;
    size_t cap, n;
} Map;

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static int map_get(const Map *m, const char *k)
{
    if (!m->cap)
        return -1;
    for (size_t i = hash(k) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->keys[i])
            return -1;
        if (!strcmp(m->keys[i], k))
            return m->vals[i];
    }
}

static void map_put(Map *m, const char *k, int v)
{
    if (2 * (m->n + 1) > m->cap) {
        Map old = *m;
        m->cap = old.cap ? 2 * old.cap : 64;
        m->keys = xcalloc(m->cap, sizeof *m->keys);
        m->vals = xcalloc(m->cap, sizeof *m->vals);
        m->n = 0;
        for (size_t i = 0; i < old.cap; i++)
            if (old.keys[i])
                map_put(m, old.keys[i], old.vals[i]);
        free(old.keys);
        free(old.vals);
    }
    size_t i = hash(k) & (m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], k))
        i = (i + 1) & (m->cap - 1);
    if (!m->keys[i]) {
        m->keys[i] = xstrdup(k);
        m->n++;
    }
    m->vals[i] = v;
}

/* Split a line into whitespace-separated tokens (the line is modified). */
typedef struct {
    char **t;
    int n, cap;
} Toks;

static void split(char *s, Toks *tk)
{
    tk->n = 0;
    for (;;) {
        while (*s && isspace((unsigned char)*s))
            s++;
        if (!*s)
            break;
        char *st = s;
        while (*s && !isspace((unsigned char)*s))
            s++;
        if (*s)
            *s++ = 0;
        PUSH(tk->t, tk->n, tk->cap, st);
    }
}

static char *trim(char *s)
{
    while (*s && isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = 0;
    return s;
}

static int is_ident(const char *s)
{
    if (!(isalpha((unsigned char)*s) || *s == '_'))
        return 0;
    for (s++; *s; s++)
        if (!(isalnum((unsigned char)*s) || *s == '_'))
            return 0;
    return 1;
}

/* Numbers: decimal, 0x, 0b, '_' separators, optional leading '-'.
 * Returns 1 and the value (two's complement for negatives) when s is a
 * number, 0 when it is not number-shaped, -1 when it is malformed. */
static int parse_num(const char *s, uint64_t *out, int *neg)
{
    int base = 10, digits = 0;
    uint64_t v = 0;
    *neg = 0;
    if (*s == '-') {
        *neg = 1;
        s++;
    }
    if (!isdigit((unsigned char)*s))
        return *neg ? -1 : 0;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        s += 2;
    } else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
        base = 2;
        s += 2;
    }
    for (; *s; s++) {
        int d;
        if (*s == '_')
            continue;
        if (isdigit((unsigned char)*s))
            d = *s - '0';
        else if (isxdigit((unsigned char)*s))
            d = 10 + tolower((unsigned char)*s) - 'a';
        else
            return -1;
        if (d >= base)
            return -1;
        if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
            return -1;
        v = v * (uint64_t)base + (uint64_t)d;
        digits++;
    }
    if (!digits)
        return -1;
    if (*neg) {
        if (v > (1ull << 63))
            return -1;
        v = (uint64_t)0 - v;
    }
    *out = v;
    return 1;
}

static uint64_t mask_of(int bits)
{
    return bits >= 64 ? ~0ull : (1ull << bits) - 1;
}

/* Does value v (negative when neg) fit a field of 'bits' bits? Negative
 * numbers must fit as two's complement. */
static int fits(uint64_t v, int neg, int bits)
{
    if (bits >= 64)
        return 1;
    if (neg) {
        int64_t s = (int64_t)v;
        return s >= -(int64_t)(1ull << (bits - 1));
    }
    return v <= mask_of(bits);
}

static unsigned clog2(unsigned n)
{
    unsigned b = 0;
    while ((1u << b) < n)
        b++;
    return b ? b : 1;
}

/* ------------------------------------------------- the field definitions */

typedef struct {
    char *name;
    uint64_t val;
    Loc loc;
} Val;

typedef struct {
    char *name;
    int hi, lo, addr;
    char *deftok; /* resolved once all values are known */
    Loc loc, defloc;
    uint64_t defval;
    Val *v;
    int nv, cv;
} Field;

typedef struct {
    char *name;
    char pat[33];
    uint32_t mask, match;
    int star;
    Loc loc;
    int routine; /* bound routine, -1 none */
    int share;   /* the class whose number the predecoder gives it (itself unless 'share') */
    Loc sloc;    /* its 'share' line */
} Class;

typedef struct {
    char *name;
    Loc loc;
} Entry;

typedef struct {
    char *name;
    unsigned addr, size; /* size 0: as long as its routine */
    Loc loc;
} Slot;

typedef struct {
    int f;
    char *v;
    Loc loc;
} Pending; /* a "FIELD VALUE" reference in a def directive */

static struct {
    const char *file;
    unsigned width, store, dispatch;
    Loc wloc, sloc, dloc;
    Field *f;
    int nf, cf;
    Class *c;
    int nc, cc;
    Entry *e;
    int ne, ce;
    Slot *s;
    int ns, cs;
    int seq_f, jump_f, jump_a;
    uint64_t seq_v, jump_v;
    int *ft_f;
    uint64_t *ft_v;
    int nft;
    int star; /* catch-all class */
    Map fmap, cmap, smap, emap;
} D;

static int find_value(const Field *f, const char *name)
{
    for (int i = 0; i < f->nv; i++)
        if (!strcmp(f->v[i].name, name))
            return i;
    return -1;
}

/* Resolve a named value or number for field f written at loc. */
static uint64_t def_value(const Field *f, const char *tok, Loc loc)
{
    uint64_t v;
    int neg;
    int i = find_value(f, tok);
    if (i >= 0)
        return f->v[i].val;
    int r = parse_num(tok, &v, &neg);
    if (r < 0)
        fatal(loc, "bad number '%s'", tok);
    if (r == 0)
        fatal(loc, "unknown value %s for field %s", tok, f->name);
    int bits = f->hi - f->lo + 1;
    if (!fits(v, neg, bits))
        fatal(loc, "value %s too large for field %s (%d bits)", tok, f->name, bits);
    return v & mask_of(bits);
}

static int def_field(const char *name, Loc loc)
{
    int i = map_get(&D.fmap, name);
    if (i < 0)
        fatal(loc, "unknown field %s", name);
    return i;
}

static unsigned def_uint(const char *tok, Loc loc, const char *what)
{
    uint64_t v;
    int neg;
    if (parse_num(tok, &v, &neg) != 1 || neg || v > 0xFFFFFFFFull)
        fatal(loc, "bad %s '%s'", what, tok);
    return (unsigned)v;
}

static void parse_def(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        die("cannot open %s: %s", path, strerror(errno));
    D.file = path;
    D.seq_f = D.jump_f = D.jump_a = -1;
    D.star = -1;
    Pending seq = {-1, NULL, {0, 0}}, jump = {-1, NULL, {0, 0}}, jaddr = {-1, NULL, {0, 0}};
    Pending *ft = NULL;
    int nft = 0, cft = 0;
    char *line = NULL;
    size_t lcap = 0;
    Toks tk = {0};
    int lineno = 0, cur = -1;
    while (getline(&line, &lcap, fp) >= 0) {
        Loc loc = {path, ++lineno};
        char *h = strchr(line, '#');
        if (h)
            *h = 0;
        int indented = isspace((unsigned char)line[0]);
        split(line, &tk);
        if (!tk.n)
            continue;
        char **t = tk.t;
        if (indented) {
            if (cur < 0)
                fatal(loc, "indented line outside a field");
            Field *f = &D.f[cur];
            if (tk.n != 2 || !is_ident(t[0]))
                fatal(loc, "syntax error: expected 'NAME NUMBER' for a value of field %s", f->name);
            if (find_value(f, t[0]) >= 0)
                fatal(loc, "duplicate value %s of field %s", t[0], f->name);
            uint64_t v;
            int neg;
            if (parse_num(t[1], &v, &neg) != 1)
                fatal(loc, "bad number '%s'", t[1]);
            int bits = f->hi - f->lo + 1;
            if (!fits(v, neg, bits))
                fatal(loc, "value %s too large for field %s (%d bits)", t[1], f->name, bits);
            Val nv = {xstrdup(t[0]), v & mask_of(bits), loc};
            PUSH(f->v, f->nv, f->cv, nv);
            continue;
        }
        cur = -1;
        if (!strcmp(t[0], "width") || !strcmp(t[0], "store") || !strcmp(t[0], "dispatch")) {
            if (tk.n != 2)
                fatal(loc, "syntax error: expected '%s NUMBER'", t[0]);
            unsigned v = def_uint(t[1], loc, t[0]);
            if (t[0][0] == 'w') {
                if (v < 1 || v > 64)
                    fatal(loc, "width must be 1 to 64");
                D.width = v, D.wloc = loc;
            } else if (t[0][0] == 's') {
                if (v < 1 || v > 65536)
                    fatal(loc, "store must be 1 to 65536 words");
                D.store = v, D.sloc = loc;
            } else {
                if (v < 1 || v > 65536)
                    fatal(loc, "dispatch must be 1 to 65536 entries");
                D.dispatch = v, D.dloc = loc;
            }
        } else if (!strcmp(t[0], "field")) {
            if (tk.n < 3 || !is_ident(t[1]))
                fatal(loc, "syntax error: expected 'field NAME HI:LO [default VALUE] [address]'");
            if (map_get(&D.fmap, t[1]) >= 0)
                fatal(loc, "duplicate field %s", t[1]);
            if (D.nf >= 64)
                fatal(loc, "too many fields");
            Field f = {0};
            f.name = xstrdup(t[1]);
            f.loc = loc;
            char *colon = strchr(t[2], ':');
            if (colon) {
                *colon = 0;
                f.hi = (int)def_uint(t[2], loc, "bit number");
                f.lo = (int)def_uint(colon + 1, loc, "bit number");
            } else {
                f.hi = f.lo = (int)def_uint(t[2], loc, "bit number");
            }
            if (f.hi < f.lo)
                fatal(loc, "field %s: high bit %d below low bit %d", f.name, f.hi, f.lo);
            if (f.hi > 63)
                fatal(loc, "field %s passes bit 63", f.name);
            for (int i = 3; i < tk.n; i++) {
                if (!strcmp(t[i], "address"))
                    f.addr = 1;
                else if (!strcmp(t[i], "default") && i + 1 < tk.n) {
                    f.deftok = xstrdup(t[++i]);
                    f.defloc = loc;
                } else
                    fatal(loc, "syntax error: unexpected '%s' in field %s", t[i], f.name);
            }
            map_put(&D.fmap, f.name, D.nf);
            PUSH(D.f, D.nf, D.cf, f);
            cur = D.nf - 1;
        } else if (!strcmp(t[0], "sequence") || !strcmp(t[0], "fallthrough")) {
            if (tk.n < 3 || (t[0][0] == 's' && tk.n != 3))
                fatal(loc, "syntax error: expected '%s FIELD VALUE%s'", t[0], t[0][0] == 's' ? "" : "...");
            if (t[0][0] == 's') {
                if (seq.v)
                    fatal(loc, "duplicate 'sequence' line");
                seq = (Pending){def_field(t[1], loc), xstrdup(t[2]), loc};
            } else {
                int f = def_field(t[1], loc);
                for (int i = 2; i < tk.n; i++) {
                    Pending p = {f, xstrdup(t[i]), loc};
                    PUSH(ft, nft, cft, p);
                }
            }
        } else if (!strcmp(t[0], "jump")) {
            if (tk.n != 4)
                fatal(loc, "syntax error: expected 'jump FIELD VALUE ADDRFIELD'");
            if (jump.v)
                fatal(loc, "duplicate 'jump' line");
            jump = (Pending){def_field(t[1], loc), xstrdup(t[2]), loc};
            jaddr = (Pending){def_field(t[3], loc), NULL, loc};
        } else if (!strcmp(t[0], "class")) {
            if (tk.n < 3 || !is_ident(t[1]))
                fatal(loc, "syntax error: expected 'class NAME PATTERN'");
            if (map_get(&D.cmap, t[1]) >= 0)
                fatal(loc, "duplicate class %s", t[1]);
            Class c = {0};
            c.name = xstrdup(t[1]);
            c.loc = loc;
            c.routine = -1;
            if (tk.n == 3 && !strcmp(t[2], "*")) {
                if (D.star >= 0)
                    fatal(loc, "second catch-all class %s (first: %s)", c.name, D.c[D.star].name);
                c.star = 1;
                memset(c.pat, '-', 32);
                D.star = D.nc;
            } else {
                int n = 0;
                for (int i = 2; i < tk.n; i++)
                    for (const char *p = t[i]; *p; p++) {
                        if (*p == '_')
                            continue;
                        if (*p != '0' && *p != '1' && *p != '-')
                            fatal(loc, "bad character '%c' in pattern of class %s", *p, c.name);
                        if (n == 32)
                            fatal(loc, "pattern of class %s has more than 32 bits", c.name);
                        c.pat[n++] = *p;
                    }
                if (n != 32)
                    fatal(loc, "pattern of class %s has %d bits, not 32", c.name, n);
                for (int i = 0; i < 32; i++) {
                    uint32_t bit = 1u << (31 - i);
                    if (c.pat[i] != '-')
                        c.mask |= bit;
                    if (c.pat[i] == '1')
                        c.match |= bit;
                }
            }
            c.pat[32] = 0;
            c.share = D.nc;
            map_put(&D.cmap, c.name, D.nc);
            PUSH(D.c, D.nc, D.cc, c);
        } else if (!strcmp(t[0], "share")) {
            if (tk.n < 3)
                fatal(loc, "syntax error: expected 'share CLASS CLASS...'");
            int first = map_get(&D.cmap, t[1]);
            if (first < 0)
                fatal(loc, "unknown class %s", t[1]);
            for (int i = 2; i < tk.n; i++) {
                int c = map_get(&D.cmap, t[i]);
                if (c < 0)
                    fatal(loc, "unknown class %s", t[i]);
                if (D.c[c].share != c || D.c[first].share != first || c == first)
                    fatal(loc, "class %s shares twice", t[i]);
                D.c[c].share = first;
                D.c[c].sloc = loc;
            }
        } else if (!strcmp(t[0], "entry")) {
            if (tk.n < 2)
                fatal(loc, "syntax error: expected 'entry NAME...'");
            for (int i = 1; i < tk.n; i++) {
                if (!is_ident(t[i]))
                    fatal(loc, "bad routine name '%s'", t[i]);
                if (map_get(&D.emap, t[i]) >= 0)
                    fatal(loc, "duplicate entry %s", t[i]);
                Entry e = {xstrdup(t[i]), loc};
                map_put(&D.emap, e.name, D.ne);
                PUSH(D.e, D.ne, D.ce, e);
            }
        } else if (!strcmp(t[0], "slot")) {
            if ((tk.n != 3 && tk.n != 4) || !is_ident(t[1]))
                fatal(loc, "syntax error: expected 'slot NAME ADDRESS [WORDS]'");
            if (map_get(&D.smap, t[1]) >= 0)
                fatal(loc, "duplicate slot %s", t[1]);
            Slot s = {xstrdup(t[1]), def_uint(t[2], loc, "address"), 0, loc};
            if (tk.n == 4) {
                s.size = def_uint(t[3], loc, "size");
                if (!s.size)
                    fatal(loc, "slot %s has size 0", s.name);
            }
            map_put(&D.smap, s.name, D.ns);
            PUSH(D.s, D.ns, D.cs, s);
        } else {
            fatal(loc, "unknown directive '%s'", t[0]);
        }
    }
    free(line);
    free(tk.t);
    fclose(fp);

    Loc eof = {path, lineno};
    if (!D.width)
        fatal(eof, "no 'width' line");
    if (!D.store)
        fatal(eof, "no 'store' line");
    if (!D.dispatch)
        fatal(eof, "no 'dispatch' line");
    for (int i = 0; i < D.nf; i++) {
        Field *f = &D.f[i];
        if ((unsigned)f->hi >= D.width)
            fatal(f->loc, "field %s (%d:%d) passes width %u", f->name, f->hi, f->lo, D.width);
        for (int j = 0; j < i; j++)
            if (f->lo <= D.f[j].hi && D.f[j].lo <= f->hi)
                fatal(f->loc, "field %s overlaps field %s", f->name, D.f[j].name);
        if (f->deftok)
            f->defval = def_value(f, f->deftok, f->defloc);
    }
    if (!seq.v)
        fatal(eof, "no 'sequence' line");
    if (!jump.v)
        fatal(eof, "no 'jump' line");
    D.seq_f = seq.f;
    D.seq_v = def_value(&D.f[seq.f], seq.v, seq.loc);
    D.jump_f = jump.f;
    D.jump_v = def_value(&D.f[jump.f], jump.v, jump.loc);
    D.jump_a = jaddr.f;
    if (!D.f[jaddr.f].addr)
        fatal(jaddr.loc, "jump needs an address field, and %s is not one", D.f[jaddr.f].name);
    if (D.jump_a == D.jump_f)
        fatal(jaddr.loc, "jump field and its address field are the same field");
    D.ft_f = xcalloc((size_t)nft, sizeof *D.ft_f);
    D.ft_v = xcalloc((size_t)nft, sizeof *D.ft_v);
    for (int i = 0; i < nft; i++) {
        D.ft_f[i] = ft[i].f;
        D.ft_v[i] = def_value(&D.f[ft[i].f], ft[i].v, ft[i].loc);
        free(ft[i].v);
    }
    D.nft = nft;
    free(ft);
    free(seq.v);
    free(jump.v);
    if (D.star < 0)
        fatal(eof, "no catch-all class (class NAME *)");
    if ((unsigned)D.nc > D.dispatch)
        fatal(D.c[D.dispatch].loc, "class %s does not fit the dispatch RAM (%u entries)",
              D.c[D.dispatch].name, D.dispatch);
    if (D.nc > 256)
        fatal(D.c[256].loc, "more than 256 classes");
    /* a class an earlier pattern covers entirely can never be chosen */
    for (int i = 0; i < D.nc; i++)
        for (int j = 0; j < i && !D.c[i].star; j++)
            if (!D.c[j].star && (D.c[j].mask & ~D.c[i].mask) == 0 &&
                (D.c[i].match & D.c[j].mask) == D.c[j].match) {
                fprintf(stderr, "%s:%d: warning: class %s never matches (class %s takes all of it)\n",
                        D.c[i].loc.file, D.c[i].loc.line, D.c[i].name, D.c[j].name);
                break;
            }
    for (int i = 0; i < D.ns; i++) {
        if (D.s[i].addr >= D.store || D.s[i].addr + D.s[i].size > D.store)
            fatal(D.s[i].loc, "slot %s lies outside the control store (%u words)", D.s[i].name, D.store);
        if (map_get(&D.cmap, D.s[i].name) >= 0)
            fatal(D.s[i].loc, "slot %s is also a class", D.s[i].name);
    }
}

static uint64_t fget(uint64_t w, const Field *f)
{
    return (w >> f->lo) & mask_of(f->hi - f->lo + 1);
}

static uint64_t fset(uint64_t w, const Field *f, uint64_t v)
{
    uint64_t m = mask_of(f->hi - f->lo + 1);
    return (w & ~(m << f->lo)) | ((v & m) << f->lo);
}

static uint64_t default_word(void)
{
    uint64_t w = 0;
    for (int i = 0; i < D.nf; i++)
        w = fset(w, &D.f[i], D.f[i].defval);
    return w;
}

/* Does a word go on to the following one (sequence or a fallthrough value)?
 * Returns 1 for sequence, 2 for fallthrough only, 0 for neither. */
static int continues(uint64_t w)
{
    if (fget(w, &D.f[D.seq_f]) == D.seq_v)
        return 1;
    for (int i = 0; i < D.nft; i++)
        if (fget(w, &D.f[D.ft_f[i]]) == D.ft_v[i])
            return 2;
    return 0;
}

/* ------------------------------------------------------------ microcode */

typedef struct {
    int f;
    char *tok;
    Loc loc;
    int label;     /* resolved label, -1 when the value is a number */
    int base;      /* address from the base image, -1 none */
} Item;

typedef struct {
    Loc loc;
    Item *it;
    int nit, cit;
    uint64_t set; /* fields set, one bit per field index */
    char *comment, *src;
    int routine, idx;
    int addr; /* control-store address, -1 when dispatch only */
    uint64_t bits;
} Word;

typedef struct {
    char *name; /* as written: "ADD" or ".wait" */
    Loc loc;
    int routine, word, global, used;
} Label;

typedef struct {
    char *name;
    Loc loc;
    char *desc, *section;
    int w0, nw, label;
    int nclass, entry, slot;
    int org;      /* org group, -1 none */
    int first_ref;
    int skip;     /* 1 when the first word lives only in the dispatch RAM */
    int addr, size;
} Routine;

typedef struct {
    char *name;
    Item *it;
    int nit;
    uint64_t set;
    Loc loc;
} Macro;

typedef struct {
    int cls;
    char *label;
    Loc loc;
} DispLine;

static Word *W;
static int NW, CW;
static Label *L;
static int NL, CL;
static Routine *R;
static int NR, CR;
static Macro *M;
static int NM, CM;
static DispLine *DL;
static int NDL, CDL;
static unsigned *Org;
static int NOrg, COrg;
static Map lmap, mmap;
static int runtime; /* building a run-time image (--base) */

/* Base image symbols (run-time mode). */
typedef struct {
    char *name;
    unsigned addr, size;
} BaseSym;
static BaseSym *BL, *BU; /* labels, occupied ranges */
static int NBL, CBL, NBU, CBU;
static Map blmap;
static unsigned base_free;

static void add_item(Word *w, Item it, Loc at)
{
    uint64_t bit = 1ull << it.f;
    if (w->set & bit)
        fatal(at, "field %s set twice", D.f[it.f].name);
    w->set |= bit;
    PUSH(w->it, w->nit, w->cit, it);
}

/* Expand one item token (FIELD=VALUE or a macro) into w. */
static void expand(Word *w, const char *tok, Loc loc)
{
    const char *eq = strchr(tok, '=');
    if (eq) {
        char *fname = xstrndup(tok, (size_t)(eq - tok));
        if (!*fname || !eq[1])
            fatal(loc, "syntax error: '%s' is not FIELD=VALUE", tok);
        int f = map_get(&D.fmap, fname);
        if (f < 0)
            fatal(loc, "unknown field %s", fname);
        free(fname);
        if (strchr(eq + 1, '='))
            fatal(loc, "syntax error: '%s' is not FIELD=VALUE", tok);
        Item it = {f, xstrdup(eq + 1), loc, -1, -1};
        add_item(w, it, loc);
        return;
    }
    int m = map_get(&mmap, tok);
    if (m < 0) {
        if (map_get(&D.fmap, tok) >= 0)
            fatal(loc, "syntax error: field %s needs a value (%s=VALUE)", tok, tok);
        fatal(loc, "unknown macro %s", tok);
    }
    for (int i = 0; i < M[m].nit; i++) {
        Item it = M[m].it[i];
        it.tok = xstrdup(it.tok);
        add_item(w, it, loc);
    }
}

static int cur_routine = -1;
static int *pend; /* labels waiting for their word */
static int npend, cpend;
static char *desc, *section;
static int cur_org = -1;

static void close_routine(void)
{
    if (npend)
        fatal(L[pend[0]].loc, "label %s has no microinstruction after it", L[pend[0]].name);
    if (cur_routine >= 0 && R[cur_routine].nw == 0)
        fatal(R[cur_routine].loc, "routine %s has no microinstructions", R[cur_routine].name);
}

static void add_label(const char *name, Loc loc)
{
    Label lb = {0};
    lb.name = xstrdup(name);
    lb.loc = loc;
    lb.word = -1;
    if (name[0] == '.') {
        if (!is_ident(name + 1))
            fatal(loc, "syntax error: bad label name '%s'", name);
        if (cur_routine < 0)
            fatal(loc, "local label %s before any global label", name);
        free(desc);
        desc = NULL;
        char *key = xrealloc(NULL, strlen(R[cur_routine].name) + strlen(name) + 1);
        sprintf(key, "%s%s", R[cur_routine].name, name);
        int old = map_get(&lmap, key);
        if (old >= 0)
            fatal(loc, "duplicate label %s (first at line %d)", name, L[old].loc.line);
        lb.routine = cur_routine;
        map_put(&lmap, key, NL);
        free(key);
    } else {
        if (!is_ident(name))
            fatal(loc, "syntax error: bad label name '%s'", name);
        int old = map_get(&lmap, name);
        if (old >= 0)
            fatal(loc, "duplicate label %s (first at %s:%d)", name, L[old].loc.file, L[old].loc.line);
        if (runtime && map_get(&blmap, name) >= 0 && map_get(&D.smap, name) < 0)
            fatal(loc, "duplicate label %s (defined in the base image)", name);
        close_routine();
        Routine r = {0};
        r.name = lb.name;
        r.loc = loc;
        r.desc = desc;
        desc = NULL;
        r.section = section ? xstrdup(section) : NULL;
        r.w0 = NW;
        r.label = NL;
        r.slot = -1;
        r.org = cur_org;
        r.addr = -1;
        PUSH(R, NR, CR, r);
        cur_routine = NR - 1;
        lb.routine = cur_routine;
        lb.global = 1;
        map_put(&lmap, name, NL);
    }
    PUSH(L, NL, CL, lb);
    PUSH(pend, npend, cpend, NL - 1);
}

static void parse_uc(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        die("cannot open %s: %s", path, strerror(errno));
    char *line = NULL;
    size_t lcap = 0;
    Toks tk = {0};
    int lineno = 0;
    while (getline(&line, &lcap, fp) >= 0) {
        Loc loc = {path, ++lineno};
        size_t len = strlen(line);
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = 0;
        char *src = xstrdup(line);
        char *p = line;
        while (*p && isspace((unsigned char)*p))
            p++;
        if (p[0] == ';' && p[1] == ';') {
            /* routine description: kept for the next global label; a line
             * that opens with a run of '-' or '=' is a section heading */
            char *d = trim(p + 2);
            if (d[0] == '-' || d[0] == '=') {
                while (*d == '-' || *d == '=')
                    d++;
                free(section);
                section = xstrdup(trim(d));
                free(desc);
                desc = NULL;
                free(src);
                continue;
            }
            if (desc) {
                size_t n = strlen(desc);
                desc = xrealloc(desc, n + strlen(d) + 2);
                sprintf(desc + n, " %s", d);
            } else {
                desc = xstrdup(d);
            }
            free(src);
            continue;
        }
        char *comment = NULL;
        char *semi = strchr(line, ';');
        if (semi) {
            *semi = 0;
            comment = trim(semi + 1);
        }
        int indented = isspace((unsigned char)line[0]);
        split(line, &tk);
        if (!tk.n) {
            free(src);
            continue;
        }
        char **t = tk.t;
        int first = 0;
        size_t l0 = strlen(t[0]);
        if (t[0][l0 - 1] == ':') {
            t[0][l0 - 1] = 0;
            add_label(t[0], loc);
            first = 1;
            if (tk.n == 1) {
                free(src);
                continue;
            }
        } else if (!indented) {
            if (!strcmp(t[0], "macro")) {
                if (tk.n < 3)
                    fatal(loc, "syntax error: expected 'macro NAME ITEM...'");
                if (!is_ident(t[1]))
                    fatal(loc, "syntax error: bad macro name '%s'", t[1]);
                if (map_get(&mmap, t[1]) >= 0)
                    fatal(loc, "duplicate macro %s", t[1]);
                if (map_get(&D.fmap, t[1]) >= 0)
                    fatal(loc, "macro %s has the name of a field", t[1]);
                Word tmp = {0};
                for (int i = 2; i < tk.n; i++)
                    expand(&tmp, t[i], loc);
                Macro m = {xstrdup(t[1]), tmp.it, tmp.nit, tmp.set, loc};
                map_put(&mmap, m.name, NM);
                PUSH(M, NM, CM, m);
            } else if (!strcmp(t[0], "dispatch")) {
                /* dispatch CLASS... LABEL; a CLASS ending in '*' names every
                 * class that starts with what comes before it */
                if (tk.n < 3)
                    fatal(loc, "syntax error: expected 'dispatch CLASS... LABEL'");
                for (int k = 1; k < tk.n - 1; k++) {
                    size_t pl = strlen(t[k]);
                    int glob = t[k][pl - 1] == '*', matched = 0;
                    for (int c = 0; c < D.nc; c++) {
                        if (glob ? strncmp(D.c[c].name, t[k], pl - 1) != 0 : strcmp(D.c[c].name, t[k]) != 0)
                            continue;
                        matched = 1;
                        for (int i = 0; i < NDL; i++)
                            if (DL[i].cls == c)
                                fatal(loc, "class %s dispatched twice (first at %s:%d)", D.c[c].name,
                                      DL[i].loc.file, DL[i].loc.line);
                        DispLine d = {c, xstrdup(t[tk.n - 1]), loc};
                        PUSH(DL, NDL, CDL, d);
                    }
                    if (!matched)
                        fatal(loc, "dispatch for unknown class %s", t[k]);
                }
            } else if (!strcmp(t[0], "org")) {
                if (!runtime)
                    fatal(loc, "org is only for run-time images (--base)");
                if (tk.n != 2)
                    fatal(loc, "syntax error: expected 'org ADDRESS'");
                uint64_t v;
                int neg;
                if (parse_num(t[1], &v, &neg) != 1 || neg)
                    fatal(loc, "bad number '%s'", t[1]);
                if (v >= D.store)
                    fatal(loc, "org 0x%llx lies outside the control store (%u words)",
                          (unsigned long long)v, D.store);
                unsigned o = (unsigned)v;
                cur_org = NOrg;
                PUSH(Org, NOrg, COrg, o);
            } else {
                fatal(loc, "unknown directive '%s'", t[0]);
            }
            free(desc);
            desc = NULL;
            free(src);
            continue;
        }
        /* a microinstruction; a ';;' block above it describes nothing */
        if (cur_routine < 0)
            fatal(loc, "microinstruction before any label");
        free(desc);
        desc = NULL;
        Word w = {0};
        w.loc = loc;
        w.routine = cur_routine;
        w.idx = R[cur_routine].nw++;
        w.addr = -1;
        for (int i = first; i < tk.n; i++)
            expand(&w, t[i], loc);
        w.comment = xstrdup(comment ? comment : "");
        w.src = src;
        for (int i = 0; i < npend; i++)
            L[pend[i]].word = NW;
        npend = 0;
        PUSH(W, NW, CW, w);
    }
    free(line);
    free(tk.t);
    fclose(fp);
    close_routine();
    cur_routine = -1;
    cur_org = -1;
}

/* Read the configuration image's symbol file (run-time mode). */
static Map bcmap;
static void read_base(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        die("cannot open %s: %s", path, strerror(errno));
    char *line = NULL;
    size_t lcap = 0;
    Toks tk = {0};
    int lineno = 0, have_free = 0;
    while (getline(&line, &lcap, fp) >= 0) {
        Loc loc = {path, ++lineno};
        char *h = strchr(line, '#');
        if (h)
            *h = 0;
        split(line, &tk);
        if (!tk.n)
            continue;
        char **t = tk.t;
        if (!strcmp(t[0], "width") || !strcmp(t[0], "store") || !strcmp(t[0], "dispatch")) {
            unsigned want = t[0][0] == 'w' ? D.width : t[0][0] == 's' ? D.store : D.dispatch;
            if (tk.n != 2 || def_uint(t[1], loc, t[0]) != want)
                fatal(loc, "symbol file does not match %s (%s)", D.file, t[0]);
        } else if (!strcmp(t[0], "label") && tk.n == 4) {
            BaseSym s = {xstrdup(t[1]), def_uint(t[2], loc, "address"), def_uint(t[3], loc, "size")};
            map_put(&blmap, s.name, NBL);
            PUSH(BL, NBL, CBL, s);
        } else if (!strcmp(t[0], "class") && tk.n == 3) {
            int c = map_get(&D.cmap, t[1]);
            if (c < 0 || (unsigned)c != def_uint(t[2], loc, "class number"))
                fatal(loc, "symbol file does not match %s (class %s)", D.file, t[1]);
            map_put(&bcmap, t[1], c);
        } else if (!strcmp(t[0], "slot") && tk.n == 4) {
            int s = map_get(&D.smap, t[1]);
            if (s < 0 || D.s[s].addr != def_uint(t[2], loc, "address"))
                fatal(loc, "symbol file does not match %s (slot %s)", D.file, t[1]);
            /* the reservation made in the configuration image */
            D.s[s].size = def_uint(t[3], loc, "size");
        } else if (!strcmp(t[0], "used") && tk.n == 3) {
            BaseSym s = {NULL, def_uint(t[1], loc, "address"), def_uint(t[2], loc, "size")};
            PUSH(BU, NBU, CBU, s);
        } else if (!strcmp(t[0], "free") && tk.n == 2) {
            base_free = def_uint(t[1], loc, "address");
            have_free = 1;
        } else {
            fatal(loc, "syntax error in symbol file");
        }
    }
    if (!have_free)
        die("%s: not a uasm symbol file (no 'free' line)", path);
    if (bcmap.n != (size_t)D.nc)
        die("%s: symbol file does not match %s (classes)", path, D.file);
    free(line);
    free(tk.t);
    fclose(fp);
}

/* --------------------------------------------------------------- resolve */

static int lookup_label(const char *name, int routine)
{
    if (name[0] == '.') {
        char *key = xrealloc(NULL, strlen(R[routine].name) + strlen(name) + 1);
        sprintf(key, "%s%s", R[routine].name, name);
        int l = map_get(&lmap, key);
        free(key);
        return l;
    }
    return map_get(&lmap, name);
}

static int global_routine(const char *name)
{
    int l = map_get(&lmap, name);
    return l >= 0 ? L[l].routine : -1;
}

static void use_label(int l)
{
    L[l].used = 1;
    if (W[L[l].word].idx == 0)
        R[L[l].routine].first_ref = 1;
}

static void resolve(void)
{
    /* values, in file order */
    uint64_t dflt = default_word();
    for (int wi = 0; wi < NW; wi++) {
        Word *w = &W[wi];
        uint64_t bits = dflt;
        for (int i = 0; i < w->nit; i++) {
            Item *it = &w->it[i];
            Field *f = &D.f[it->f];
            int bits_n = f->hi - f->lo + 1;
            int vi = find_value(f, it->tok);
            uint64_t v;
            int neg;
            if (vi >= 0) {
                bits = fset(bits, f, f->v[vi].val);
                continue;
            }
            int r = parse_num(it->tok, &v, &neg);
            if (r < 0)
                fatal(it->loc, "bad number '%s'", it->tok);
            if (r > 0) {
                if (!fits(v, neg, bits_n))
                    fatal(it->loc, "value %s too large for field %s (%d bits)", it->tok, f->name, bits_n);
                bits = fset(bits, f, v);
                continue;
            }
            if (!(it->tok[0] == '.' ? is_ident(it->tok + 1) : is_ident(it->tok)))
                fatal(it->loc, "syntax error: bad value '%s' for field %s", it->tok, f->name);
            int l = lookup_label(it->tok, w->routine);
            int b = (l < 0 && runtime && it->tok[0] != '.') ? map_get(&blmap, it->tok) : -1;
            if (!f->addr) {
                if (l >= 0 || b >= 0)
                    fatal(it->loc, "label %s in field %s, which is not an address field", it->tok, f->name);
                fatal(it->loc, "unknown value %s for field %s", it->tok, f->name);
            }
            if (l >= 0) {
                it->label = l;
                use_label(l);
            } else if (b >= 0) {
                it->base = (int)BL[b].addr;
            } else {
                fatal(it->loc, "undefined label %s", it->tok);
            }
        }
        w->bits = bits;
    }
    /* bind classes to routines */
    int missing = 0;
    for (int i = 0; i < NDL; i++) {
        int l = map_get(&lmap, DL[i].label);
        if (l < 0)
            fatal(DL[i].loc, "undefined label %s", DL[i].label);
        Class *c = &D.c[DL[i].cls];
        if (global_routine(c->name) >= 0)
            fatal(DL[i].loc, "class %s has two routines: label %s and this dispatch line",
                  c->name, c->name);
        c->routine = L[l].routine;
        L[l].used = 1;
    }
    for (int i = 0; i < D.nc; i++) {
        Class *c = &D.c[i];
        if (c->routine < 0)
            c->routine = global_routine(c->name);
        if (c->routine < 0) {
            if (!runtime) {
                /* all of them at once: a new microcode is missing many */
                fprintf(stderr, "%s:%d: class %s has no routine\n", c->loc.file, c->loc.line, c->name);
                missing++;
            }
            continue;
        }
        L[R[c->routine].label].used = 1;
        R[c->routine].nclass++;
    }
    /* classes that share a predecoder number must run one routine */
    for (int i = 0; i < D.nc; i++) {
        Class *c = &D.c[i];
        if (c->share != i && !runtime && c->routine != D.c[c->share].routine)
            fatal(c->sloc, "class %s shares %s's number but not its routine", c->name,
                  D.c[c->share].name);
    }
    if (missing)
        exit(1);
    for (int i = 0; i < D.ne; i++) {
        int r = global_routine(D.e[i].name);
        if (r < 0) {
            if (!runtime)
                fatal(D.e[i].loc, "entry %s has no routine", D.e[i].name);
            continue;
        }
        R[r].entry = 1;
        L[R[r].label].used = 1;
    }
    for (int i = 0; i < D.ns; i++) {
        int r = global_routine(D.s[i].name);
        if (r < 0) {
            if (!runtime)
                fatal(D.s[i].loc, "slot %s has no routine", D.s[i].name);
            continue;
        }
        R[r].slot = i;
        L[R[r].label].used = 1;
    }
    for (int i = 0; i < NL; i++) {
        if (!L[i].used)
            fatal(L[i].loc, "label %s is never used", L[i].name);
    }
    /* control flow at routine edges */
    for (int r = 0; r < NR; r++) {
        Routine *rt = &R[r];
        Word *last = &W[rt->w0 + rt->nw - 1];
        if (continues(last->bits))
            fatal(last->loc, "routine %s falls off its end (its last word continues with the next one)",
                  rt->name);
        if (rt->nclass) {
            Word *w0 = &W[rt->w0];
            int k = continues(w0->bits);
            if (k == 2)
                fatal(w0->loc, "first word of class routine %s falls through (it goes to the dispatch RAM)",
                      rt->name);
            if (k == 1 && (w0->set & (1ull << D.jump_a)))
                fatal(w0->loc, "first word of class routine %s sets %s, which its dispatch jump needs",
                      rt->name, D.f[D.jump_a].name);
            if (k == 1 && D.jump_f != D.seq_f && (w0->set & (1ull << D.jump_f)))
                fatal(w0->loc, "first word of class routine %s sets %s, which its dispatch jump needs",
                      rt->name, D.f[D.jump_f].name);
        }
        rt->skip = rt->nclass && !rt->first_ref && !rt->entry && rt->slot < 0;
        rt->size = rt->nw - rt->skip;
    }
}

/* ------------------------------------------------------------- placement */

static int *occ; /* control store word -> routine, -1 free, -2 base image */

static int range_free(unsigned a, unsigned n)
{
    if (a + n > D.store)
        return 0;
    for (unsigned i = a; i < a + n; i++)
        if (occ[i] != -1)
            return 0;
    return 1;
}

static void take(int r, unsigned a)
{
    R[r].addr = (int)a;
    for (int i = 0; i < R[r].size; i++)
        occ[a + (unsigned)i] = r;
}

static unsigned first_free;

static void place(void)
{
    occ = xcalloc(D.store, sizeof *occ);
    for (unsigned i = 0; i < D.store; i++)
        occ[i] = -1;
    if (runtime) {
        for (int i = 0; i < NBU; i++)
            for (unsigned a = BU[i].addr; a < BU[i].addr + BU[i].size && a < D.store; a++)
                occ[a] = -2;
        for (int i = 0; i < D.ns; i++)
            for (unsigned a = D.s[i].addr; a < D.s[i].addr + D.s[i].size && a < D.store; a++)
                occ[a] = -2;
    }
    /* slots: their fixed address; a slot routine in a run-time image
     * replaces the configuration image's one */
    for (int r = 0; r < NR; r++) {
        int s = R[r].slot;
        if (s < 0 || !R[r].size)
            continue;
        Slot *sl = &D.s[s];
        if (sl->size && (unsigned)R[r].size > sl->size)
            fatal(R[r].loc, "routine %s (%d words) does not fit its slot (%u words)", R[r].name,
                  R[r].size, sl->size);
        unsigned n = sl->size > (unsigned)R[r].size ? sl->size : (unsigned)R[r].size;
        if (sl->addr + n > D.store)
            fatal(R[r].loc, "slot routine %s passes the end of the control store (%u words)", R[r].name, D.store);
        for (unsigned a = sl->addr; a < sl->addr + n; a++) {
            if (occ[a] >= 0)
                fatal(R[r].loc, "slot %s at 0x%x overlaps routine %s", sl->name, a, R[occ[a]].name);
            occ[a] = -1;
        }
        take(r, sl->addr);
        /* keep the whole reservation for later run-time images */
        for (unsigned a = sl->addr + (unsigned)R[r].size; a < sl->addr + n; a++)
            occ[a] = r;
        if (!runtime)
            sl->size = n;
    }
    /* org groups: one after another from the org address */
    unsigned cursor = 0;
    int group = -1;
    for (int r = 0; r < NR; r++) {
        if (R[r].slot >= 0 || R[r].org < 0 || !R[r].size)
            continue;
        if (R[r].org != group) {
            group = R[r].org;
            cursor = Org[group];
        }
        if (cursor + (unsigned)R[r].size > D.store)
            fatal(R[r].loc, "image larger than the control store: routine %s (%d words) at 0x%x",
                  R[r].name, R[r].size, cursor);
        for (unsigned a = cursor; a < cursor + (unsigned)R[r].size; a++)
            if (occ[a] >= 0)
                fatal(R[r].loc, "routine %s at 0x%x overlaps routine %s", R[r].name, a, R[occ[a]].name);
        take(r, cursor);
        cursor += (unsigned)R[r].size;
    }
    /* the rest: first fit in file order (words below 'low' are all taken) */
    unsigned low = 0;
    for (int r = 0; r < NR; r++) {
        if (R[r].slot >= 0 || R[r].org >= 0 || !R[r].size)
            continue;
        while (low < D.store && occ[low] != -1)
            low++;
        unsigned a = low;
        for (; a + (unsigned)R[r].size <= D.store; a++)
            if (range_free(a, (unsigned)R[r].size))
                break;
        if (a + (unsigned)R[r].size > D.store)
            fatal(R[r].loc, "image larger than the control store: no room for routine %s (%d words)",
                  R[r].name, R[r].size);
        take(r, a);
    }
    first_free = D.store;
    for (unsigned a = 0; a < D.store; a++)
        if (occ[a] == -1) {
            first_free = a;
            break;
        }
    for (int wi = 0; wi < NW; wi++) {
        Word *w = &W[wi];
        Routine *rt = &R[w->routine];
        w->addr = (w->idx < rt->skip) ? -1 : rt->addr + (w->idx - rt->skip);
    }
    /* now every label has an address: finish the words */
    for (int wi = 0; wi < NW; wi++) {
        Word *w = &W[wi];
        for (int i = 0; i < w->nit; i++) {
            Item *it = &w->it[i];
            if (it->label < 0 && it->base < 0)
                continue;
            Field *f = &D.f[it->f];
            int a = it->label >= 0 ? W[L[it->label].word].addr : it->base;
            if (a < 0)
                fatal(it->loc, "label %s has no control-store address", it->tok);
            int bits_n = f->hi - f->lo + 1;
            if (!fits((uint64_t)a, 0, bits_n))
                fatal(it->loc, "address 0x%x of %s too large for field %s (%d bits)", a, it->tok, f->name, bits_n);
            w->bits = fset(w->bits, f, (uint64_t)a);
        }
    }
}

/* The dispatch RAM word of a class routine. */
static uint64_t dispatch_word(const Routine *rt)
{
    uint64_t w = W[rt->w0].bits;
    if (continues(w) == 1) {
        w = fset(w, &D.f[D.jump_f], D.jump_v);
        w = fset(w, &D.f[D.jump_a], (uint64_t)W[rt->w0 + 1].addr);
    }
    return w;
}

/* --------------------------------------------------------------- outputs */

typedef struct {
    char *path, *tmp;
    Buf b;
} Out;
static Out *Outs;
static int NOut, COut;

static Buf *out(const char *dir, const char *name)
{
    Out o = {0};
    if (dir) {
        o.path = xrealloc(NULL, strlen(dir) + strlen(name) + 2);
        sprintf(o.path, "%s/%s", dir, name);
    } else {
        o.path = xstrdup(name);
    }
    PUSH(Outs, NOut, COut, o);
    return &Outs[NOut - 1].b;
}

static void cleanup_tmps(void)
{
    for (int i = 0; i < NOut; i++)
        if (Outs[i].tmp) {
            unlink(Outs[i].tmp);
            free(Outs[i].tmp);
            Outs[i].tmp = NULL;
        }
}

static void write_all(void)
{
    for (int i = 0; i < NOut; i++) {
        Out *o = &Outs[i];
        o->tmp = xrealloc(NULL, strlen(o->path) + 32);
        sprintf(o->tmp, "%s.tmp%ld", o->path, (long)getpid());
        FILE *fp = fopen(o->tmp, "w");
        if (!fp) {
            free(o->tmp);
            o->tmp = NULL;
            cleanup_tmps();
            die("cannot write %s: %s", o->path, strerror(errno));
        }
        size_t n = o->b.n ? fwrite(o->b.s, 1, o->b.n, fp) : 0;
        if (n != o->b.n || fclose(fp) != 0) {
            cleanup_tmps();
            die("cannot write %s: %s", o->path, strerror(errno));
        }
    }
    for (int i = 0; i < NOut; i++) {
        if (rename(Outs[i].tmp, Outs[i].path) != 0) {
            cleanup_tmps();
            die("cannot write %s: %s", Outs[i].path, strerror(errno));
        }
        free(Outs[i].tmp);
        Outs[i].tmp = NULL;
    }
}

static const char *Inputs; /* for headers: "fields.def a.uc b.uc" */
static int hexdig;

static void header(Buf *b, const char *open, const char *cont, const char *close, const char *what)
{
    bprintf(b, "%s %s\n", open, what);
    bprintf(b, "%s Generated by tools/uasm from %s; do not edit.\n", cont, Inputs);
    if (close)
        bprintf(b, "%s\n", close);
}

/* "F=V" for every field that differs from its default; labels by name. */
static void describe_fields(Buf *b, const Word *w, uint64_t bits, int dispatch_copy)
{
    int any = 0;
    for (int i = 0; i < D.nf; i++) {
        const Field *f = &D.f[i];
        uint64_t v = fget(bits, f);
        int rewritten = dispatch_copy && continues(w->bits) == 1 && (i == D.jump_a || i == D.jump_f);
        if (v == f->defval && !(w->set & (1ull << i)) && !rewritten)
            continue;
        /* as the source wrote it (a name, a number or a label), since a
         * number in an overloaded field is not the value of that name */
        const char *lbl = NULL;
        for (int k = 0; k < w->nit; k++)
            if (w->it[k].f == i)
                lbl = w->it[k].tok;
        bprintf(b, "%s%s=", any ? " " : "", f->name);
        any = 1;
        if (dispatch_copy && i == D.jump_a && !(w->set & (1ull << i)) && continues(w->bits) == 1) {
            bprintf(b, "0x%llx", (unsigned long long)v);
            continue;
        }
        int vi = -1;
        for (int k = 0; k < f->nv; k++)
            if (f->v[k].val == v)
                vi = k;
        if (lbl)
            bprintf(b, "%s", lbl);
        else if (vi >= 0)
            bprintf(b, "%s", f->v[vi].name);
        else
            bprintf(b, "%llu", (unsigned long long)v);
    }
}

static void gen_hex(const char *dir)
{
    Buf *cs = out(dir, "cs.hex");
    uint64_t *img = xcalloc(D.store, sizeof *img);
    for (int wi = 0; wi < NW; wi++)
        if (W[wi].addr >= 0)
            img[W[wi].addr] = W[wi].bits;
    for (unsigned a = 0; a < D.store; a++)
        bprintf(cs, "%0*llx\n", hexdig, (unsigned long long)img[a]);
    free(img);
    Buf *dp = out(dir, "dispatch.hex");
    for (unsigned c = 0; c < D.dispatch; c++) {
        uint64_t w = 0;
        if (c < (unsigned)D.nc && D.c[c].routine >= 0)
            w = dispatch_word(&R[D.c[c].routine]);
        bprintf(dp, "%0*llx\n", hexdig, (unsigned long long)w);
    }
}

static void vconst(Buf *b, const char *name, unsigned bits, uint64_t v)
{
    bprintf(b, "localparam [%u:0] %s = %u'h%llx;\n", bits - 1, name, bits, (unsigned long long)v);
}

static void gen_vh(const char *dir)
{
    unsigned ab = clog2(D.store);
    Buf *b = out(dir, "ucode_fields.vh");
    header(b, "//", "//", NULL, "ucode_fields.vh: microinstruction format (include inside a module).");
    bprintf(b, "/* verilator lint_off UNUSEDPARAM */\n");
    bprintf(b, "localparam integer UC_WIDTH = %u;\n", D.width);
    bprintf(b, "localparam integer UC_STORE = %u;\n", D.store);
    bprintf(b, "localparam integer UC_DISPATCH = %u;\n", D.dispatch);
    bprintf(b, "localparam integer UC_ADDR_BITS = %u;\n", ab);
    bprintf(b, "localparam integer UC_DISPATCH_BITS = %u;\n", clog2(D.dispatch));
    bprintf(b, "// every field at its default\n");
    vconst(b, "UC_DEFAULT", D.width, default_word());
    for (int i = 0; i < D.nf; i++) {
        Field *f = &D.f[i];
        bprintf(b, "localparam integer UF_%s_HI = %d;\n", f->name, f->hi);
        bprintf(b, "localparam integer UF_%s_LO = %d;\n", f->name, f->lo);
        for (int k = 0; k < f->nv; k++) {
            char *n = xrealloc(NULL, strlen(f->name) + strlen(f->v[k].name) + 4);
            sprintf(n, "U_%s_%s", f->name, f->v[k].name);
            vconst(b, n, (unsigned)(f->hi - f->lo + 1), f->v[k].val);
            free(n);
        }
    }
    bprintf(b, "/* verilator lint_on UNUSEDPARAM */\n");

    b = out(dir, "ucode_syms.vh");
    header(b, "//", "//", NULL, "ucode_syms.vh: entry and slot addresses, class numbers (include inside a module).");
    bprintf(b, "/* verilator lint_off UNUSEDPARAM */\n");
    for (int r = 0; r < NR; r++)
        if ((R[r].entry || R[r].slot >= 0) && R[r].addr >= 0) {
            char *n = xrealloc(NULL, strlen(R[r].name) + 4);
            sprintf(n, "UA_%s", R[r].name);
            vconst(b, n, ab, (uint64_t)R[r].addr);
            free(n);
        }
    bprintf(b, "localparam integer UC_NCLASSES = %d;\n", D.nc);
    for (int c = 0; c < D.nc; c++) {
        char *n = xrealloc(NULL, strlen(D.c[c].name) + 8);
        sprintf(n, "UCLASS_%s", D.c[c].name);
        vconst(b, n, 8, (uint64_t)c);
        free(n);
    }
    bprintf(b, "/* verilator lint_on UNUSEDPARAM */\n");

    b = out(dir, "predecode.vh");
    header(b, "//", "//", NULL, "predecode.vh: uc_class(insn), the instruction class (include inside a module).");
    bprintf(b, "// The first pattern that matches wins (a casez tries its items in order).\n");
    bprintf(b, "function automatic [7:0] uc_class(input [31:0] uc_insn);\n");
    /* A flat casez of a hundred wildcard patterns takes Yosys 0.23's
     * proc_rmdead half a minute; split on the opcode bits first when every
     * pattern fixes them (patterns of different opcodes never overlap, so
     * first-match order only matters within an opcode). */
    int split = 1;
    for (int c = 0; c < D.nc; c++)
        if (!D.c[c].star && (D.c[c].mask & 0x7f) != 0x7f)
            split = 0;
    if (!split) {
        bprintf(b, "    casez (uc_insn)\n");
        for (int c = 0; c < D.nc; c++) {
            if (D.c[c].star)
                continue;
            char pat[33];
            for (int i = 0; i < 32; i++)
                pat[i] = D.c[c].pat[i] == '-' ? '?' : D.c[c].pat[i];
            pat[32] = 0;
            bprintf(b, "    32'b%s: uc_class = 8'd%d; // %s\n", pat, D.c[c].share, D.c[c].name);
        }
        bprintf(b, "    default: uc_class = 8'd%d; // %s\n", D.star, D.c[D.star].name);
        bprintf(b, "    endcase\nendfunction\n");
    } else {
        char *done = xcalloc((size_t)D.nc, 1);
        bprintf(b, "    case (uc_insn[6:0])\n");
        for (int c = 0; c < D.nc; c++) {
            if (D.c[c].star || done[c])
                continue;
            uint32_t op = D.c[c].match & 0x7f;
            if (!(D.c[c].mask & ~0x7fu)) {
                /* the first of its opcode takes every instruction of it */
                for (int k = c; k < D.nc; k++)
                    if (!D.c[k].star && (D.c[k].match & 0x7f) == op)
                        done[k] = 1;
                bprintf(b, "    7'b%.7s: uc_class = 8'd%d; // %s\n", D.c[c].pat + 25, D.c[c].share, D.c[c].name);
                continue;
            }
            bprintf(b, "    7'b%.7s:\n", D.c[c].pat + 25);
            bprintf(b, "        casez (uc_insn[31:7])\n");
            int open = 1;
            for (int k = c; k < D.nc; k++) {
                if (D.c[k].star || (D.c[k].match & 0x7f) != op)
                    continue;
                done[k] = 1;
                if (!open)
                    continue; /* shadowed by a pattern that takes everything */
                char pat[26];
                int wild = 1;
                for (int i = 0; i < 25; i++) {
                    pat[i] = D.c[k].pat[i] == '-' ? '?' : D.c[k].pat[i];
                    if (pat[i] != '?')
                        wild = 0;
                }
                pat[25] = 0;
                if (wild) {
                    bprintf(b, "        default: uc_class = 8'd%d; // %s\n", D.c[k].share, D.c[k].name);
                    open = 0;
                } else {
                    bprintf(b, "        25'b%s: uc_class = 8'd%d; // %s\n", pat, D.c[k].share, D.c[k].name);
                }
            }
            if (open)
                bprintf(b, "        default: uc_class = 8'd%d; // %s\n", D.star, D.c[D.star].name);
            bprintf(b, "        endcase\n");
        }
        free(done);
        bprintf(b, "    default: uc_class = 8'd%d; // %s\n", D.star, D.c[D.star].name);
        bprintf(b, "    endcase\nendfunction\n");
    }

    b = out(dir, "ucode_names.vh");
    header(b, "//", "//", NULL, "ucode_names.vh: uc_name(upc), the routine holding a control-store word, for traces.");
    bprintf(b, "function automatic [8*16-1:0] uc_name(input [%u:0] uc_upc);\n", ab - 1);
    bprintf(b, "    case (uc_upc)\n");
    for (int r = 0; r < NR; r++) {
        if (R[r].addr < 0)
            continue;
        bprintf(b, "    ");
        for (int i = 0; i < R[r].size; i++)
            bprintf(b, "%s%u'd%d", i ? (i % 8 ? ", " : ",\n    ") : "", ab, R[r].addr + i);
        char nm[17];
        snprintf(nm, sizeof nm, "%-16s", R[r].name);
        bprintf(b, ": uc_name = \"%s\";\n", nm);
    }
    bprintf(b, "    default: uc_name = \"%-16s\";\n", "-");
    bprintf(b, "    endcase\nendfunction\n");
}

static void c_pair_struct(Buf *b)
{
    bprintf(b, "#ifndef UC_PAIR_DEFINED\n#define UC_PAIR_DEFINED\n");
    bprintf(b, "/* One load-port write: target goes to CSR ucaddr (bit 31: dispatch entry,\n"
               "   bits 15:0 the index), lo to ucdatalo, hi to ucdatahi (which stores). */\n");
    bprintf(b, "struct uc_pair {\n    uint32_t target, lo, hi;\n};\n#endif\n");
}

static void gen_h(const char *dir)
{
    Buf *b = out(dir, "ucode.h");
    header(b, "/*", " *", " */", "ucode.h: microinstruction format, symbols and classes for C.");
    bprintf(b, "#ifndef UCODE_H\n#define UCODE_H\n#include <stdint.h>\n\n");
    bprintf(b, "#define UC_WIDTH %u\n#define UC_STORE %u\n#define UC_DISPATCH %u\n", D.width, D.store, D.dispatch);
    bprintf(b, "#define UC_NCLASSES %d\n#define UC_CLASS_DEFAULT %d\n#define UC_FREE 0x%x\n", D.nc, D.star,
            first_free);
    bprintf(b, "#define UC_TARGET_DISPATCH 0x80000000u /* ucaddr bit 31: a dispatch entry */\n");
    bprintf(b, "#define UC_DEFAULT 0x%llxull /* every field at its default */\n\n", (unsigned long long)default_word());
    bprintf(b, "/* Fields: (word >> UF_F_SHIFT) & UF_F_MASK; the mask is not shifted. */\n");
    bprintf(b, "#define UC_GET(word, F) (((uint64_t)(word) >> UF_##F##_SHIFT) & UF_##F##_MASK)\n");
    for (int i = 0; i < D.nf; i++) {
        Field *f = &D.f[i];
        bprintf(b, "#define UF_%s_SHIFT %d\n#define UF_%s_WIDTH %d\n#define UF_%s_MASK 0x%llxull\n", f->name,
                f->lo, f->name, f->hi - f->lo + 1, f->name, (unsigned long long)mask_of(f->hi - f->lo + 1));
        for (int k = 0; k < f->nv; k++)
            bprintf(b, "#define U_%s_%s 0x%llxull\n", f->name, f->v[k].name, (unsigned long long)f->v[k].val);
    }
    bprintf(b, "\n/* Control-store addresses of the global labels. */\n");
    for (int r = 0; r < NR; r++)
        if (R[r].addr >= 0 && !R[r].skip)
            bprintf(b, "#define UA_%s 0x%x\n", R[r].name, R[r].addr);
    bprintf(b, "\n/* Instruction classes (dispatch-RAM index). */\n");
    for (int c = 0; c < D.nc; c++)
        bprintf(b, "#define UCLASS_%s %d\n", D.c[c].name, c);
    bprintf(b, "\n");
    c_pair_struct(b);
    bprintf(b, "\nstruct uc_class_def {\n    uint32_t mask, match;\n    const char *name;\n};\n\n");
    bprintf(b, "/* The class table in class order; the catch-all has mask 0. */\n");
    bprintf(b, "static inline const struct uc_class_def *uc_class_table(void)\n{\n");
    bprintf(b, "    static const struct uc_class_def t[UC_NCLASSES] = {\n");
    for (int c = 0; c < D.nc; c++)
        bprintf(b, "        {0x%08xu, 0x%08xu, \"%s\"},\n", D.c[c].mask, D.c[c].match, D.c[c].name);
    bprintf(b, "    };\n    return t;\n}\n\n");
    bprintf(b, "/* The class of an instruction word: the first pattern that matches. */\n");
    bprintf(b, "static inline unsigned uc_classify(uint32_t insn)\n{\n");
    bprintf(b, "    const struct uc_class_def *t = uc_class_table();\n");
    bprintf(b, "    for (unsigned i = 0; i < UC_NCLASSES; i++)\n");
    bprintf(b, "        if (i != UC_CLASS_DEFAULT && (insn & t[i].mask) == t[i].match)\n");
    bprintf(b, "            return i;\n    return UC_CLASS_DEFAULT;\n}\n\n");
    bprintf(b, "/* The routine holding control-store word upc, or \"-\". */\n");
    bprintf(b, "static inline const char *uc_routine_name(unsigned upc)\n{\n");
    bprintf(b, "    static const struct {\n        unsigned lo, n;\n        const char *name;\n    } t[] = {\n");
    for (int r = 0; r < NR; r++)
        if (R[r].addr >= 0)
            bprintf(b, "        {0x%x, %d, \"%s\"},\n", R[r].addr, R[r].size, R[r].name);
    bprintf(b, "        {0, 0, \"-\"},\n    };\n");
    bprintf(b, "    for (unsigned i = 0; i < sizeof t / sizeof t[0]; i++)\n");
    bprintf(b, "        if (upc >= t[i].lo && upc - t[i].lo < t[i].n)\n            return t[i].name;\n");
    bprintf(b, "    return \"-\";\n}\n\n#endif\n");
}

static void gen_sym(const char *dir)
{
    Buf *b = out(dir, "ucode.sym");
    header(b, "#", "#", NULL, "ucode.sym: symbols of the configuration image, read by uasm --base.");
    bprintf(b, "# label NAME ADDRESS WORDS: a global label with a control-store address\n");
    bprintf(b, "# class NAME NUMBER; slot NAME ADDRESS WORDS (words reserved)\n");
    bprintf(b, "# used ADDRESS WORDS: control-store words a routine occupies; free ADDRESS: first free word\n");
    bprintf(b, "width %u\nstore %u\ndispatch %u\n", D.width, D.store, D.dispatch);
    for (int c = 0; c < D.nc; c++)
        bprintf(b, "class %s %d\n", D.c[c].name, c);
    for (int r = 0; r < NR; r++)
        if (R[r].addr >= 0 && !R[r].skip)
            bprintf(b, "label %s 0x%x %d\n", R[r].name, R[r].addr, R[r].size);
    for (int r = 0; r < NR; r++)
        if (R[r].addr >= 0)
            bprintf(b, "used 0x%x %d # %s\n", R[r].addr, R[r].size, R[r].name);
    for (int s = 0; s < D.ns; s++)
        bprintf(b, "slot %s 0x%x %u\n", D.s[s].name, D.s[s].addr, D.s[s].size);
    bprintf(b, "free 0x%x\n", first_free);
}

static void list_word(Buf *b, const char *where, uint64_t bits, const Word *w, int dcopy)
{
    bprintf(b, "%-8s %0*llx  %s+%d  ", where, hexdig, (unsigned long long)bits, R[w->routine].name, w->idx);
    describe_fields(b, w, bits, dcopy);
    bprintf(b, "\n         %s:%d: %s\n", w->loc.file, w->loc.line, trim(w->src));
}

static void gen_lst(const char *dir)
{
    Buf *b = out(dir, "ucode.lst");
    header(b, ";", ";", NULL, "ucode.lst: the assembled image, word by word.");
    unsigned used = 0;
    int *at = xcalloc(D.store, sizeof *at);
    for (unsigned a = 0; a < D.store; a++)
        at[a] = -1;
    for (int wi = 0; wi < NW; wi++)
        if (W[wi].addr >= 0) {
            at[W[wi].addr] = wi;
            used++;
        }
    bprintf(b, "; %u of %u control-store words used, first free 0x%x; %d classes of %u dispatch entries\n\n",
            used, D.store, first_free, D.nc, D.dispatch);
    bprintf(b, "; control store\n");
    const char *last_sec = NULL;
    for (unsigned a = 0; a < D.store; a++) {
        if (at[a] < 0)
            continue;
        Word *w = &W[at[a]];
        const char *sec = R[w->routine].section;
        if (w->idx == R[w->routine].skip && sec && (!last_sec || strcmp(sec, last_sec)))
            bprintf(b, "\n;; ---- %s\n", last_sec = sec);
        if (w->idx == R[w->routine].skip)
            bprintf(b, "\n%s:%s%s\n", R[w->routine].name, R[w->routine].desc ? "  ;; " : "",
                    R[w->routine].desc ? R[w->routine].desc : "");
        char where[32];
        snprintf(where, sizeof where, "0x%03x", a);
        list_word(b, where, w->bits, w, 0);
    }
    free(at);
    bprintf(b, "\n; dispatch RAM\n");
    for (int c = 0; c < D.nc; c++) {
        if (D.c[c].routine < 0)
            continue;
        Routine *rt = &R[D.c[c].routine];
        char where[32];
        snprintf(where, sizeof where, "d%03d", c);
        bprintf(b, "; class %s %s -> %s\n", D.c[c].name, D.c[c].pat, rt->name);
        list_word(b, where, dispatch_word(rt), &W[rt->w0], 1);
    }
}

static void md_cell(Buf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '|')
            bput(b, "\\|", 2);
        else
            bput(b, s, 1);
    }
}

static void md_routine(Buf *b, const Routine *rt, int with_dispatch)
{
    bprintf(b, "| address | fields | description |\n| --- | --- | --- |\n");
    for (int i = 0; i < rt->nw; i++) {
        const Word *w = &W[rt->w0 + i];
        if (i == 0 && with_dispatch) {
            bprintf(b, "| dispatch | `");
            describe_fields(b, w, dispatch_word(rt), 1);
            bprintf(b, "` | ");
            md_cell(b, w->comment);
            bprintf(b, " |\n");
            if (w->addr < 0)
                continue;
        }
        bprintf(b, "| 0x%03x | `", w->addr);
        describe_fields(b, w, w->bits, 0);
        bprintf(b, "` | ");
        md_cell(b, w->comment);
        bprintf(b, " |\n");
    }
    /* where it goes outside itself */
    int first = 1;
    for (int i = 0; i < rt->nw; i++) {
        const Word *w = &W[rt->w0 + i];
        for (int k = 0; k < w->nit; k++) {
            const Item *it = &w->it[k];
            const char *to = NULL;
            if (it->label >= 0 && L[it->label].routine != w->routine)
                to = R[L[it->label].routine].name;
            else if (it->base >= 0)
                to = it->tok;
            if (to) {
                bprintf(b, "%s%s", first ? "\nContinues in: " : ", ", to);
                first = 0;
            }
        }
    }
    bprintf(b, "%s\n", first ? "" : "\n");
}

static void gen_doc(const char *path)
{
    Buf *b = out(NULL, path);
    bprintf(b, "# Microcode reference\n\n");
    bprintf(b, "<!-- Generated by tools/uasm from %s; do not edit. -->\n\n", Inputs);
    bprintf(b, "One table per instruction class: the pattern the predecoder matches "
               "(bit 31 first, `-` any), then each microinstruction of its routine: its "
               "control-store address (or `dispatch` for the word held in the class's "
               "dispatch-RAM entry), the fields that differ from their defaults, and its "
               "register-transfer meaning. %d classes, %d routines; the microinstruction "
               "is %u bits wide, the control store %u words (first free 0x%x).\n\n",
            D.nc, NR, D.width, D.store, first_free);
    bprintf(b, "## Instruction classes\n\n");
    for (int c = 0; c < D.nc; c++) {
        Class *cl = &D.c[c];
        bprintf(b, "### %s (class %d)\n\n", cl->name, c);
        bprintf(b, "Pattern: %s", cl->star ? "anything no other pattern matches" : "");
        if (!cl->star)
            bprintf(b, "`%s`", cl->pat);
        if (cl->routine < 0) {
            bprintf(b, ". No routine.\n\n");
            continue;
        }
        Routine *rt = &R[cl->routine];
        int prev = -1;
        for (int k = 0; k < c && prev < 0; k++)
            if (D.c[k].routine == cl->routine)
                prev = k;
        bprintf(b, ". Routine `%s`", rt->name);
        if (prev >= 0) {
            bprintf(b, ", as for class %s above.\n\n", D.c[prev].name);
            continue;
        }
        if (rt->section)
            bprintf(b, " (%s)", rt->section);
        if (rt->nclass > 1)
            bprintf(b, ", shared by %d classes", rt->nclass);
        bprintf(b, ".%s%s\n\n", rt->desc ? " " : "", rt->desc ? rt->desc : "");
        md_routine(b, rt, 1);
    }
    bprintf(b, "## Other routines\n\n");
    for (int r = 0; r < NR; r++) {
        Routine *rt = &R[r];
        if (rt->nclass)
            continue;
        bprintf(b, "### %s\n\n", rt->name);
        if (rt->section)
            bprintf(b, "Section: %s. ", rt->section);
        if (rt->entry)
            bprintf(b, "Entered by the hardware. ");
        if (rt->slot >= 0)
            bprintf(b, "Fixed slot at 0x%x (%u words reserved). ", D.s[rt->slot].addr, D.s[rt->slot].size);
        if (rt->desc)
            bprintf(b, "%s", rt->desc);
        bprintf(b, "\n\n");
        md_routine(b, rt, 0);
    }
}

static void gen_carray(const char *path, const char *name)
{
    Buf *b = out(NULL, path);
    header(b, "/*", " *", " */", "run-time microcode image: load-port pairs, control-store words first.");
    bprintf(b, "#include <stdint.h>\n\n");
    c_pair_struct(b);
    bprintf(b, "\nextern const struct uc_pair %s[];\nextern const unsigned %s_count;\n\n", name, name);
    bprintf(b, "const struct uc_pair %s[] = {\n", name);
    unsigned n = 0;
    /* control-store words first, so no dispatch entry points at unloaded code */
    for (int wi = 0; wi < NW; wi++) {
        Word *w = &W[wi];
        if (w->addr < 0)
            continue;
        bprintf(b, "    {0x%08xu, 0x%08xu, 0x%08xu}, /* %s+%d: %s */\n", (unsigned)w->addr,
                (unsigned)(w->bits & 0xFFFFFFFFu), (unsigned)(w->bits >> 32), R[w->routine].name, w->idx,
                w->comment);
        n++;
    }
    for (int c = 0; c < D.nc; c++) {
        if (D.c[c].routine < 0)
            continue;
        uint64_t w = dispatch_word(&R[D.c[c].routine]);
        bprintf(b, "    {0x%08xu, 0x%08xu, 0x%08xu}, /* dispatch %s -> %s */\n", 0x80000000u | (unsigned)c,
                (unsigned)(w & 0xFFFFFFFFu), (unsigned)(w >> 32), D.c[c].name, R[D.c[c].routine].name);
        n++;
    }
    if (!n)
        bprintf(b, "    {0, 0, 0}, /* empty image */\n");
    bprintf(b, "};\nconst unsigned %s_count = %u;\n", name, n);
}

/* ------------------------------------------------------------------ main */

/* mkdir -p: the output directory and any missing parents. */
static void mkdirs(const char *path)
{
    char *p = xstrdup(path);
    for (char *s = p + 1;; s++) {
        char c = *s;
        if (c != '/' && c != 0)
            continue;
        *s = 0;
        struct stat st;
        if (stat(p, &st) != 0) {
            if (mkdir(p, 0777) != 0 && errno != EEXIST)
                die("cannot create %s: %s", p, strerror(errno));
        } else if (!S_ISDIR(st.st_mode)) {
            die("%s is not a directory", p);
        }
        *s = c;
        if (!c)
            break;
    }
    free(p);
}

static void usage(FILE *fp)
{
    fputs("usage: uasm -d FIELDS.def -o DIR [--doc FILE.md] FILE.uc...\n"
          "           the configuration image: DIR/cs.hex, dispatch.hex, ucode_fields.vh,\n"
          "           ucode_syms.vh, predecode.vh, ucode_names.vh, ucode.h, ucode.sym, ucode.lst\n"
          "       uasm -d FIELDS.def --base DIR/ucode.sym --c-array NAME -o FILE.c FILE.uc...\n"
          "           a run-time image: const struct uc_pair NAME[], const unsigned NAME_count\n"
          "options:\n"
          "  -d, --def FILE     the field-definition file\n"
          "  -o, --out PATH     output directory (configuration) or C file (run-time image)\n"
          "  --doc FILE         also write the Markdown microcode reference\n"
          "  --base FILE        symbol file of the configuration image (run-time image)\n"
          "  --c-array NAME     the C array's name (run-time image)\n"
          "  -h, --help         this text\n"
          "Errors are reported as file:line: message, exit status 1, and nothing is written.\n"
          "See docs/microcode-format.md.\n",
          fp);
}

int main(int argc, char **argv)
{
    const char *def = NULL, *o = NULL, *doc = NULL, *base = NULL, *carray = NULL;
    const char **srcs = NULL;
    int nsrc = 0, csrc = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **dst = NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "-d") || !strcmp(a, "--def"))
            dst = &def;
        else if (!strcmp(a, "-o") || !strcmp(a, "--out"))
            dst = &o;
        else if (!strcmp(a, "--doc"))
            dst = &doc;
        else if (!strcmp(a, "--base"))
            dst = &base;
        else if (!strcmp(a, "--c-array"))
            dst = &carray;
        else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "uasm: unknown option %s\n", a);
            usage(stderr);
            return 2;
        } else {
            PUSH(srcs, nsrc, csrc, a);
            continue;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "uasm: %s needs an argument\n", a);
            usage(stderr);
            return 2;
        }
        *dst = argv[++i];
    }
    if (!def || !o || !nsrc || (!base != !carray) || (base && doc)) {
        usage(stderr);
        return 2;
    }
    if (carray && !is_ident(carray))
        die("--c-array: '%s' is not a C identifier", carray);
    runtime = base != NULL;

    Buf in = {0};
    bprintf(&in, "%s", def);
    for (int i = 0; i < nsrc; i++)
        bprintf(&in, " %s", srcs[i]);
    Inputs = in.s;

    parse_def(def);
    hexdig = (int)(D.width + 3) / 4;
    if (runtime)
        read_base(base);
    for (int i = 0; i < nsrc; i++)
        parse_uc(srcs[i]);
    resolve();
    place();

    if (runtime) {
        gen_carray(o, carray);
    } else {
        mkdirs(o);
        gen_hex(o);
        gen_vh(o);
        gen_h(o);
        gen_sym(o);
        gen_lst(o);
        if (doc)
            gen_doc(doc);
    }
    write_all();
    return 0;
}
