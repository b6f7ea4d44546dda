/* Synthetic languages: a seeded word model, its order-k character model, and texts sampled from it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "gen_int.h"

/* ---- a source's word model: the "language" its character model is trained on ---- */

#define VOCAB 300         /* pseudo-words per source */
#define NSUCC 3           /* preferred successors per word */
#define SYL_MAX 4         /* syllables per word */
#define WORD_MAX 12       /* SYL_MAX syllables of at most 3 letters */
#define SENTENCE_MAX 512  /* > 20 words of WORD_MAX letters, a comma and a space each */
#define TRAIN_LEN ((size_t)1 << 18)

static const char consonants[] = "bcdfghjklmnpqrstvwxyz";
static const char vowels[] = "aeiou";
static const char *const shapes[] = {"CV", "CVC", "V", "VC", "CCV", "CVV"};
#define NSHAPES (sizeof shapes / sizeof shapes[0])

/* Letters with cumulative weights. */
struct letters {
    unsigned char sym[sizeof consonants];
    uint32_t cum[sizeof consonants];
    size_t n;
};

struct words {
    struct letters cons, vow;
    uint32_t shape_cum[NSHAPES];
    uint32_t syl_cum[SYL_MAX];  /* weights of 1..SYL_MAX syllables */
    uint32_t end_cum[3];        /* weights of '.', '?', '!' */
    unsigned sent_min, sent_span; /* words per sentence: sent_min + [0, sent_span) */
    unsigned comma, para;       /* per 256: a comma after a word, a newline after a sentence */
    unsigned char word[VOCAB][WORD_MAX];
    unsigned char len[VOCAB];
    uint32_t zipf_cum[VOCAB];   /* word i has weight 1 + 100000 / (i + 1) */
    uint16_t succ[VOCAB][NSUCC];
};

/* Keeps keep of the letters in a seeded order, the r-th weighted 1 + scale / (r + 1). */
static void letters_ranked(struct kcb_rng *r, struct letters *t, const char *set, size_t keep,
                           uint32_t scale)
{
    size_t n = strlen(set);
    memcpy(t->sym, set, n);
    kcb_gen_shuffle(r, t->sym, n);
    for (size_t i = 0; i < keep; i++)
        t->cum[i] = 1 + scale / (uint32_t)(i + 1);
    kcb_gen_cumulate(t->cum, keep);
    t->n = keep;
}

static unsigned char letter(struct kcb_rng *r, const struct letters *t)
{
    return t->sym[kcb_gen_pick(r, t->cum, t->n)];
}

/* Writes one pseudo-word into out and returns its length (1..WORD_MAX). */
static size_t make_word(struct kcb_rng *r, const struct words *m, unsigned char *out)
{
    size_t n = 0, syllables = 1 + kcb_gen_pick(r, m->syl_cum, SYL_MAX);
    for (size_t s = 0; s < syllables; s++)
        for (const char *c = shapes[kcb_gen_pick(r, m->shape_cum, NSHAPES)]; *c; c++)
            out[n++] = letter(r, *c == 'C' ? &m->cons : &m->vow);
    return n;
}

static int known_word(const struct words *m, size_t have, const unsigned char *w, size_t n)
{
    for (size_t i = 0; i < have; i++)
        if (m->len[i] == n && memcmp(m->word[i], w, n) == 0)
            return 1;
    return 0;
}

/* Fills the vocabulary with distinct words where 20 tries can find one. */
static void make_vocab(struct kcb_rng *r, struct words *m)
{
    for (size_t i = 0; i < VOCAB; i++) {
        size_t n = 0;
        for (int tries = 0; tries < 20; tries++) {
            n = make_word(r, m, m->word[i]);
            if (!known_word(m, i, m->word[i], n))
                break;
        }
        m->len[i] = (unsigned char)n;
    }
}

/* Orders the vocabulary by length plus noise (stable), so that frequent words tend to be short. */
static void rank_vocab(struct kcb_rng *r, struct words *m)
{
    enum { NKEYS = WORD_MAX + 4 };
    unsigned char word[VOCAB][WORD_MAX], len[VOCAB], key[VOCAB];
    for (size_t i = 0; i < VOCAB; i++)
        key[i] = (unsigned char)(m->len[i] + kcb_rng_below(r, 4));
    size_t k = 0;
    for (unsigned v = 0; v <= NKEYS; v++)
        for (size_t i = 0; i < VOCAB; i++)
            if (key[i] == v) {
                memcpy(word[k], m->word[i], WORD_MAX);
                len[k++] = m->len[i];
            }
    memcpy(m->word, word, sizeof word);
    memcpy(m->len, len, sizeof len);
}

static void words_shape(struct kcb_rng *r, struct words *m)
{
    letters_ranked(r, &m->cons, consonants, 8 + (size_t)kcb_rng_below(r, 9), 120);
    letters_ranked(r, &m->vow, vowels, sizeof vowels - 1, 60);
    for (size_t i = 0; i < NSHAPES; i++)
        m->shape_cum[i] = (uint32_t)kcb_rng_below(r, 6) + (i == 0 ? 6 : 0);
    kcb_gen_cumulate(m->shape_cum, NSHAPES);
    /* one draw per statement: the order of draws inside an initializer list is unspecified */
    static const uint32_t syl_base[SYL_MAX] = {2, 2, 0, 0}, syl_span[SYL_MAX] = {6, 6, 4, 2};
    for (size_t i = 0; i < SYL_MAX; i++)
        m->syl_cum[i] = syl_base[i] + (uint32_t)kcb_rng_below(r, syl_span[i]);
    kcb_gen_cumulate(m->syl_cum, SYL_MAX);
    static const uint32_t end_base[3] = {40, 0, 0}, end_span[3] = {40, 8, 8};
    for (size_t i = 0; i < 3; i++)
        m->end_cum[i] = end_base[i] + (uint32_t)kcb_rng_below(r, end_span[i]);
    kcb_gen_cumulate(m->end_cum, 3);
    m->sent_min = 3 + (unsigned)kcb_rng_below(r, 4);
    m->sent_span = 4 + (unsigned)kcb_rng_below(r, 12);
    m->comma = 8 + (unsigned)kcb_rng_below(r, 40);
    m->para = 20 + (unsigned)kcb_rng_below(r, 60);
}

static void words_init(struct kcb_rng *r, struct words *m)
{
    words_shape(r, m);
    make_vocab(r, m);
    rank_vocab(r, m);
    for (size_t i = 0; i < VOCAB; i++)
        m->zipf_cum[i] = 1 + 100000 / (uint32_t)(i + 1);
    kcb_gen_cumulate(m->zipf_cum, VOCAB);
    for (size_t i = 0; i < VOCAB; i++)
        for (size_t j = 0; j < NSUCC; j++)
            m->succ[i][j] = (uint16_t)kcb_rng_below(r, VOCAB);
}

/* The word after w: six times in ten one of w's successors (weights 4:2:1), else by frequency. */
static size_t next_word(struct kcb_rng *r, const struct words *m, size_t w)
{
    static const uint32_t succ_cum[NSUCC] = {4, 6, 7};
    if (kcb_rng_below(r, 10) < 6)
        return m->succ[w][kcb_gen_pick(r, succ_cum, NSUCC)];
    return kcb_gen_pick(r, m->zipf_cum, VOCAB);
}

/* Writes one sentence and the blank after it into out; returns its length (< SENTENCE_MAX). */
static size_t sentence(struct kcb_rng *r, const struct words *m, unsigned char *out)
{
    static const char ends[] = ".?!";
    size_t n = 0, words = m->sent_min + (size_t)kcb_rng_below(r, m->sent_span);
    size_t w = kcb_gen_pick(r, m->zipf_cum, VOCAB);
    for (size_t i = 0; i < words; i++) {
        if (i) {
            if (kcb_rng_below(r, 256) < m->comma)
                out[n++] = ',';
            out[n++] = ' ';
            w = next_word(r, m, w);
        }
        memcpy(out + n, m->word[w], m->len[w]);
        if (i == 0)
            out[n] = (unsigned char)(out[n] - 'a' + 'A');
        n += m->len[w];
    }
    out[n++] = (unsigned char)ends[kcb_gen_pick(r, m->end_cum, 3)];
    out[n++] = kcb_rng_below(r, 256) < m->para ? '\n' : ' ';
    return n;
}

/* Writes whole sentences until at least TRAIN_LEN bytes; sets *n. Caller frees. */
static unsigned char *training_text(struct kcb_rng *r, const struct words *m, size_t *n)
{
    unsigned char *t = malloc(TRAIN_LEN + SENTENCE_MAX);
    if (!t)
        return NULL;
    size_t len = 0;
    while (len < TRAIN_LEN)
        len += sentence(r, m, t + len);
    *n = len;
    return t;
}

/* ---- a source's order-k character model ---- */

struct kcb_source {
    uint64_t seed;
    uint32_t id;
    char name[KCB_GEN_NAME_SIZE];
    uint32_t mask;       /* the low 8*order bits: a context is the last order bytes */
    uint32_t *ctx;       /* nctx distinct contexts, ascending */
    uint32_t *start;     /* nctx + 1 offsets: context i's transitions are [start[i], start[i+1]) */
    size_t nctx;
    unsigned char *next; /* next byte of each transition */
    uint32_t *cum;       /* counts, cumulative within each context */
    uint32_t *starts;    /* contexts that precede a sentence start, with repetition */
    size_t nstarts;
};

static uint32_t push(const kcb_source *s, uint32_t ctx, unsigned char c)
{
    return (uint32_t)((((uint64_t)ctx << 8) | c) & s->mask);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Fills keys[i] = (context before i) << 8 | t[i], the text read as a cycle so that every
 * context has a successor, and records the contexts before capitals (sentence starts). */
static void transitions(kcb_source *s, const unsigned char *t, size_t n, int order,
                        uint64_t *keys)
{
    uint32_t ctx = 0;
    for (size_t i = n - (size_t)order; i < n; i++)
        ctx = push(s, ctx, t[i]);
    for (size_t i = 0; i < n; i++) {
        if (t[i] >= 'A' && t[i] <= 'Z')
            s->starts[s->nstarts++] = ctx;
        keys[i] = (uint64_t)ctx << 8 | t[i];
        ctx = push(s, ctx, t[i]);
    }
    qsort(keys, n, sizeof *keys, cmp_u64);
}

/* Turns sorted keys into the context and transition tables. */
static int tables(kcb_source *s, const uint64_t *keys, size_t n)
{
    size_t ntr = 0, nctx = 0;
    for (size_t i = 0; i < n; i++) {
        ntr += i == 0 || keys[i] != keys[i - 1];
        nctx += i == 0 || keys[i] >> 8 != keys[i - 1] >> 8;
    }
    s->ctx = malloc(nctx * sizeof *s->ctx);
    s->start = malloc((nctx + 1) * sizeof *s->start);
    s->next = malloc(ntr);
    s->cum = malloc(ntr * sizeof *s->cum);
    if (!s->ctx || !s->start || !s->next || !s->cum)
        return KCB_ENOMEM;
    size_t c = 0, t = 0;
    uint32_t count = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || keys[i] >> 8 != keys[i - 1] >> 8) {
            s->ctx[c] = (uint32_t)(keys[i] >> 8);
            s->start[c++] = (uint32_t)t;
            count = 0;
        }
        if (i == 0 || keys[i] != keys[i - 1])
            s->next[t++] = (unsigned char)(keys[i] & 0xff);
        s->cum[t - 1] = ++count;
    }
    s->start[c] = (uint32_t)t;
    s->nctx = nctx;
    return KCB_OK;
}

static size_t count_capitals(const unsigned char *t, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += t[i] >= 'A' && t[i] <= 'Z';
    return k;
}

static int train(kcb_source *s, const unsigned char *t, size_t n, int order)
{
    uint64_t *keys = malloc(n * sizeof *keys);
    s->starts = malloc(count_capitals(t, n) * sizeof *s->starts);
    if (!keys || !s->starts) {
        free(keys);
        return KCB_ENOMEM;
    }
    transitions(s, t, n, order, keys);
    int rc = tables(s, keys, n);
    free(keys);
    return rc;
}

/* Names are three consonant-vowel syllables; id -> (a + id*b) mod 70^3 with b coprime to
 * 70^3 = 2^3 5^3 7^3 is a bijection, so ids below 343000 get distinct names. */
void kcb_gen_source_name(uint64_t seed, uint32_t id, char out[KCB_GEN_NAME_SIZE])
{
    static const char cons[] = "bdfgklmnprstvz", vow[] = "aeiou";
    enum { SYL = 70, NAMES = SYL * SYL * SYL };
    struct kcb_rng r;
    kcb_rng_stream(&r, seed, TAG_NAME, 0, 0);
    uint64_t a = kcb_rng_below(&r, NAMES);
    uint64_t b = 1 + kcb_rng_below(&r, NAMES - 1);
    while (b % 2 == 0 || b % 5 == 0 || b % 7 == 0)
        b++;
    uint64_t x = (a + id * b) % NAMES;
    for (int i = 0; i < 3; i++, x /= SYL) {
        out[2 * i] = cons[x % SYL / 5];
        out[2 * i + 1] = vow[x % SYL % 5];
    }
    out[6] = '\0';
}

int kcb_source_new(uint64_t seed, uint32_t id, int order, kcb_source **out)
{
    if (order < KCB_GEN_ORDER_MIN || order > KCB_GEN_ORDER_MAX)
        return KCB_EINVAL;
    kcb_source *s = calloc(1, sizeof *s);
    struct words *m = calloc(1, sizeof *m);
    if (!s || !m) {
        free(s);
        free(m);
        return KCB_ENOMEM;
    }
    s->seed = seed;
    s->id = id;
    s->mask = (uint32_t)(((uint64_t)1 << (8 * order)) - 1);
    kcb_gen_source_name(seed, id, s->name);
    struct kcb_rng r;
    kcb_rng_stream(&r, seed, TAG_SOURCE, id, 0);
    words_init(&r, m);
    size_t n;
    unsigned char *t = training_text(&r, m, &n);
    int rc = t ? train(s, t, n, order) : KCB_ENOMEM;
    free(t);
    free(m);
    if (rc) {
        kcb_source_free(s);
        return rc;
    }
    *out = s;
    return KCB_OK;
}

void kcb_source_free(kcb_source *s)
{
    if (!s)
        return;
    free(s->ctx);
    free(s->start);
    free(s->next);
    free(s->cum);
    free(s->starts);
    free(s);
}

const char *kcb_source_name(const kcb_source *s)
{
    return s->name;
}

/* Sets *i to the index of context ctx: 0, or KCB_ECORRUPT if absent. */
static int find_ctx(const kcb_source *s, uint32_t ctx, size_t *i)
{
    size_t lo = 0, hi = s->nctx;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->ctx[mid] < ctx)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == s->nctx || s->ctx[lo] != ctx)
        return KCB_ECORRUPT;
    *i = lo;
    return KCB_OK;
}

int kcb_source_text(const kcb_source *s, uint64_t index, unsigned char *out, size_t n)
{
    struct kcb_rng r;
    kcb_rng_stream(&r, s->seed, TAG_MARKOV, s->id, index);
    uint32_t ctx = s->starts[kcb_rng_below(&r, s->nstarts)];
    for (size_t i = 0; i < n; i++) {
        size_t c;
        if (find_ctx(s, ctx, &c))
            return KCB_ECORRUPT;
        size_t t = s->start[c] + kcb_gen_pick(&r, s->cum + s->start[c], s->start[c + 1] - s->start[c]);
        out[i] = s->next[t];
        ctx = push(s, ctx, out[i]);
    }
    return KCB_OK;
}

int kcb_gen_markov(uint64_t seed, uint32_t id, int order, uint64_t index, unsigned char *out,
                   size_t n)
{
    kcb_source *s;
    int rc = kcb_source_new(seed, id, order, &s);
    if (rc)
        return rc;
    rc = kcb_source_text(s, index, out, n);
    kcb_source_free(s);
    return rc;
}

