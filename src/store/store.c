/* store.c -- the corpus store: the mentions of many documents in one SQLite
 * file (`concur index`), and the queries over them (`concur query`).
 *
 * Tables (schema 1):
 *   meta(key, value)            schema version, the concur that wrote it
 *   docs(rowid, doc, source, ref_date, mentions)
 *   mentions(doc_rowid, seq, mid, kind, start, end, sentence, text, value,
 *            lo, hi, approx, qualifier, unit, timex_type, timex_value,
 *            timex_mod, category, grp, group_text, parent, attribution,
 *            place, date, line)
 * `line` is the mention's JSON Lines line exactly as `concur extract`
 * writes it, so a query in JSONL gives back the extract contract itself;
 * the other columns are there to filter on and for TSV and table output.
 * Adding a document of an id already stored replaces it. Writes go in
 * transactions of STORE_BATCH documents (and at close). */
#include "../internal.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#define STORE_SCHEMA "1"
#define STORE_BATCH 500

struct concur_store {
    sqlite3 *db;
    sqlite3_stmt *find_doc, *del_m, *del_doc, *ins_doc, *upd_doc, *ins_m;
    bool in_tx;
    size_t pending;      /* documents added in the open transaction */
    cc_buf line, head;
};

static int fail(concur_error *err, sqlite3 *db, const char *what)
{
    cc_error_set(err, CONCUR_ERR_STORE, 0, "%s: %s", what, db ? sqlite3_errmsg(db) : "out of memory");
    return -1;
}

static int exec(concur_store *s, const char *sql, concur_error *err)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) == SQLITE_OK) return 0;
    cc_error_set(err, CONCUR_ERR_STORE, 0, "%s", msg ? msg : sqlite3_errmsg(s->db));
    sqlite3_free(msg);
    return -1;
}

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);"
    "CREATE TABLE IF NOT EXISTS docs(rowid INTEGER PRIMARY KEY, doc TEXT NOT NULL UNIQUE, source TEXT,"
    " ref_date TEXT, mentions INTEGER);"
    "CREATE TABLE IF NOT EXISTS mentions(doc_rowid INTEGER NOT NULL REFERENCES docs(rowid), seq INTEGER NOT NULL,"
    " mid TEXT, kind TEXT, start INTEGER, \"end\" INTEGER, sentence INTEGER, text TEXT, value REAL, lo REAL,"
    " hi REAL, approx INTEGER, qualifier TEXT, unit TEXT, timex_type TEXT, timex_value TEXT, timex_mod TEXT,"
    " category TEXT, grp TEXT, group_text TEXT, parent TEXT, attribution TEXT, place TEXT, date TEXT,"
    " line TEXT, PRIMARY KEY(doc_rowid, seq)) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS m_category ON mentions(category) WHERE category IS NOT NULL;"
    "CREATE INDEX IF NOT EXISTS m_place ON mentions(place COLLATE NOCASE) WHERE place IS NOT NULL;"
    "CREATE INDEX IF NOT EXISTS m_kind ON mentions(kind);";

static bool is_store(concur_store *s)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key='schema'", -1, &st, NULL) != SQLITE_OK)
        return false;
    bool ok = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return ok;
}

static bool empty_db(concur_store *s)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_master", -1, &st, NULL) != SQLITE_OK) return false;
    bool empty = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 0;
    sqlite3_finalize(st);
    return empty;
}

concur_store *concur_store_open(const char *path, bool create, concur_error *err)
{
    if (!path || !*path) {
        cc_error_set(err, CONCUR_ERR_USAGE, 0, "no store path");
        return NULL;
    }
    concur_store *s = calloc(1, sizeof *s);
    if (!s) {
        cc_error_set(err, CONCUR_ERR_NOMEM, 0, "out of memory");
        return NULL;
    }
    cc_buf_init(&s->line);
    cc_buf_init(&s->head);
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
        cc_error_set(err, CONCUR_ERR_STORE, 0, "cannot open the store: %s",
                     s->db ? sqlite3_errmsg(s->db) : "out of memory");
        concur_store_close(s, NULL);
        return NULL;
    }
    sqlite3_busy_timeout(s->db, 5000);
    sqlite3_extended_result_codes(s->db, 1);
    /* a file that is not SQLite fails here, on its first read */
    if (exec(s, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", err)) {
        cc_error_set(err, CONCUR_ERR_STORE, 0, "not a concur store (%s)", sqlite3_errmsg(s->db));
        concur_store_close(s, NULL);
        return NULL;
    }
    if (!is_store(s)) {
        if (!create || !empty_db(s)) {
            cc_error_set(err, CONCUR_ERR_STORE, 0, "not a concur store (an SQLite file without its tables)");
            concur_store_close(s, NULL);
            return NULL;
        }
        char sql[sizeof schema + 256];
        snprintf(sql, sizeof sql,
                 "BEGIN;%sINSERT INTO meta VALUES('schema','" STORE_SCHEMA "'),('writer','concur %s');COMMIT;", schema,
                 CONCUR_VERSION);
        if (exec(s, sql, err)) {
            concur_store_close(s, NULL);
            return NULL;
        }
    } else {
        sqlite3_stmt *st;
        bool ok = false;
        if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key='schema'", -1, &st, NULL) == SQLITE_OK) {
            ok = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) &&
                 !strcmp((const char *)sqlite3_column_text(st, 0), STORE_SCHEMA);
            sqlite3_finalize(st);
        }
        if (!ok) {
            cc_error_set(err, CONCUR_ERR_STORE, 0, "store schema is not version " STORE_SCHEMA
                                                   " (written by another concur)");
            concur_store_close(s, NULL);
            return NULL;
        }
    }
    return s;
}

static int prepare(concur_store *s, sqlite3_stmt **st, const char *sql, concur_error *err)
{
    if (*st) {
        sqlite3_reset(*st);
        sqlite3_clear_bindings(*st);
        return 0;
    }
    if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
        return fail(err, s->db, "store");
    return 0;
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
    if (v) sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(st, i);
}

static void bind_num(sqlite3_stmt *st, int i, bool has, double v)
{
    if (has) sqlite3_bind_double(st, i, v);
    else sqlite3_bind_null(st, i);
}

int concur_store_add(concur_store *s, const concur_doc *d, const char *source, concur_error *err)
{
    if (!s || !d) {
        cc_error_set(err, CONCUR_ERR_USAGE, 0, "no store or no document");
        return -1;
    }
    if (!s->in_tx) {
        if (exec(s, "BEGIN", err)) return -1;
        s->in_tx = true;
    }
    /* a document stored before under this id goes first -- unless this is
     * a later piece of it (offset_base > 0: concur_doc_options), which adds
     * to what the earlier pieces stored */
    bool later_piece = d->opt.offset_base > 0;
    if (prepare(s, &s->find_doc, "SELECT rowid FROM docs WHERE doc=?1", err)) return -1;
    sqlite3_bind_text(s->find_doc, 1, d->id, -1, SQLITE_STATIC);
    sqlite3_int64 rowid = -1;
    int found = sqlite3_step(s->find_doc);
    if (found != SQLITE_ROW && found != SQLITE_DONE) return fail(err, s->db, "store");
    sqlite3_int64 old = found == SQLITE_ROW ? sqlite3_column_int64(s->find_doc, 0) : -1;
    sqlite3_reset(s->find_doc);
    if (old >= 0 && later_piece) {
        rowid = old;
    } else if (old >= 0) {
        if (prepare(s, &s->del_m, "DELETE FROM mentions WHERE doc_rowid=?1", err)) return -1;
        sqlite3_bind_int64(s->del_m, 1, old);
        if (sqlite3_step(s->del_m) != SQLITE_DONE) return fail(err, s->db, "store");
        if (prepare(s, &s->del_doc, "DELETE FROM docs WHERE rowid=?1", err)) return -1;
        sqlite3_bind_int64(s->del_doc, 1, old);
        if (sqlite3_step(s->del_doc) != SQLITE_DONE) return fail(err, s->db, "store");
    }
    sqlite3_reset(s->find_doc);
    if (rowid < 0) {
        if (prepare(s, &s->ins_doc, "INSERT INTO docs(doc, source, ref_date, mentions) VALUES(?1,?2,?3,0)", err))
            return -1;
        sqlite3_bind_text(s->ins_doc, 1, d->id, -1, SQLITE_STATIC);
        bind_text(s->ins_doc, 2, source);
        bind_text(s->ins_doc, 3, d->ref_date[0] ? d->ref_date : NULL);
        if (sqlite3_step(s->ins_doc) != SQLITE_DONE) return fail(err, s->db, "store");
        rowid = sqlite3_last_insert_rowid(s->db);
    }
    if (prepare(s, &s->upd_doc, "UPDATE docs SET mentions = mentions + ?2 WHERE rowid = ?1", err)) return -1;
    sqlite3_bind_int64(s->upd_doc, 1, rowid);
    sqlite3_bind_int64(s->upd_doc, 2, (sqlite3_int64)d->nm);
    if (sqlite3_step(s->upd_doc) != SQLITE_DONE) return fail(err, s->db, "store");

    s->head.len = 0;
    CC_BUF_LIT(&s->head, "{\"doc\":\"");
    cc_buf_json_str(&s->head, d->id, strlen(d->id));
    cc_buf_putc(&s->head, '"');
    if (prepare(s, &s->ins_m,
                "INSERT INTO mentions VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,"
                "?21,?22,?23,?24,?25)",
                err))
        return -1;
    for (size_t i = 0; i < d->nm; i++) {
        const concur_mention *m = d->m[i];
        sqlite3_stmt *st = s->ins_m;
        sqlite3_reset(st);
        s->line.len = 0;
        cc_json_mention(&s->line, d, &s->head, m);
        if (s->line.oom || s->head.oom) {
            cc_error_set(err, CONCUR_ERR_NOMEM, 0, "out of memory");
            return -1;
        }
        size_t ll = s->line.len && s->line.data[s->line.len - 1] == '\n' ? s->line.len - 1 : s->line.len;
        sqlite3_bind_int64(st, 1, rowid);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)(d->opt.id_base + i));
        bind_text(st, 3, m->id);
        bind_text(st, 4, concur_kind_name(m->kind));
        sqlite3_bind_int64(st, 5, (sqlite3_int64)(d->opt.offset_base + m->start));
        sqlite3_bind_int64(st, 6, (sqlite3_int64)(d->opt.offset_base + m->end));
        sqlite3_bind_int64(st, 7, (sqlite3_int64)(d->opt.sentence_base + m->sentence));
        sqlite3_bind_text(st, 8, d->src + m->start, (int)(m->end - m->start), SQLITE_TRANSIENT);
        bool dt = m->kind == CONCUR_KIND_DATE;
        bind_num(st, 9, !dt && m->has_value, m->value);
        bind_num(st, 10, !dt && m->has_min, m->min);
        bind_num(st, 11, !dt && m->has_max, m->max);
        if (dt) sqlite3_bind_null(st, 12);
        else sqlite3_bind_int(st, 12, m->approx);
        bind_text(st, 13, dt ? NULL : concur_qualifier_name(m->qualifier));
        bind_text(st, 14, dt ? NULL : m->unit);
        bind_text(st, 15, dt ? (m->timex_type ? m->timex_type : "DATE") : NULL);
        bind_text(st, 16, dt ? m->timex_value : NULL);
        bind_text(st, 17, dt ? m->timex_mod : NULL);
        bool ct = m->kind == CONCUR_KIND_COUNT;
        bind_text(st, 18, ct ? m->category : NULL);
        bind_text(st, 19, ct ? m->group : NULL);
        bind_text(st, 20, ct ? m->group_text : NULL);
        bind_text(st, 21, ct && m->parent ? m->parent->id : NULL);
        bind_text(st, 22, ct ? m->attribution : NULL);
        bind_text(st, 23, ct ? m->place : NULL);
        bind_text(st, 24, ct ? m->date : NULL);
        sqlite3_bind_text(st, 25, s->line.data, (int)ll, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE) return fail(err, s->db, "store");
    }
    if (++s->pending >= STORE_BATCH) {
        s->pending = 0;
        s->in_tx = false;
        if (exec(s, "COMMIT", err)) return -1;
    }
    return 0;
}

int concur_store_close(concur_store *s, concur_error *err)
{
    if (!s) return 0;
    int r = 0;
    if (s->in_tx && exec(s, "COMMIT", err)) r = -1;
    sqlite3_stmt *sts[] = {s->find_doc, s->del_m, s->del_doc, s->ins_doc, s->upd_doc, s->ins_m};
    for (size_t i = 0; i < sizeof sts / sizeof *sts; i++) sqlite3_finalize(sts[i]);
    if (s->db && sqlite3_close(s->db) != SQLITE_OK && !r) r = fail(err, s->db, "closing the store");
    cc_buf_free(&s->line);
    cc_buf_free(&s->head);
    free(s);
    return r;
}

int concur_store_stats(concur_store *s, size_t *docs, size_t *mentions, concur_error *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT (SELECT count(*) FROM docs), (SELECT count(*) FROM mentions)", -1, &st,
                           NULL) != SQLITE_OK)
        return fail(err, s->db, "store");
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        if (docs) *docs = (size_t)sqlite3_column_int64(st, 0);
        if (mentions) *mentions = (size_t)sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : fail(err, s->db, "store");
}

/* ----------------------------------------------------------------- query */

/* Appends " AND <cond>" with ?N placeholders; the values are bound later
 * in the same order (never spliced into the SQL). */
typedef struct qb {
    cc_buf sql;
    const char *text[16];
    int ntext;
    bool has_min;
    double min;
} qb;

static void cond(qb *q, const char *c, const char *v)
{
    CC_BUF_LIT(&q->sql, " AND ");
    cc_buf_puts(&q->sql, c);
    if (v && q->ntext < 16) q->text[q->ntext++] = v;
}

/* "YYYY", "YYYY-MM", "YYYY-MM-DD" */
static bool date_prefix(const char *s)
{
    size_t n = strlen(s);
    if (n != 4 && n != 7 && n != 10) return false;
    for (size_t i = 0; i < n; i++) {
        bool dash = i == 4 || i == 7;
        if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
    }
    return true;
}

static void put_cell(cc_buf *b, const unsigned char *s, int n)
{
    if (s) cc_put_flat(b, (const char *)s, (size_t)n, 0);
}

static void put_num_cell(cc_buf *b, sqlite3_stmt *st, int col)
{
    if (sqlite3_column_type(st, col) != SQLITE_NULL) cc_buf_num(b, sqlite3_column_double(st, col));
}

int concur_store_query_write(concur_store *s, const concur_store_query *q, concur_format fmt, bool header,
                             concur_write_fn write, void *user, size_t *rows, concur_error *err)
{
    if (rows) *rows = 0;
    if (!s || !q) {
        cc_error_set(err, CONCUR_ERR_USAGE, 0, "no store or no query");
        return -1;
    }
    if (fmt == CONCUR_FORMAT_GKG) {
        cc_error_set(err, CONCUR_ERR_USAGE, 0, "a query writes jsonl, tsv or table, not gkg");
        return -1;
    }
    if ((q->from && !date_prefix(q->from)) || (q->to && !date_prefix(q->to))) {
        cc_error_set(err, CONCUR_ERR_USAGE, 0, "dates are YYYY, YYYY-MM or YYYY-MM-DD");
        return -1;
    }
    if (s->in_tx) {   /* what was added is visible to the query */
        s->in_tx = false;
        s->pending = 0;
        if (exec(s, "COMMIT", err)) return -1;
    }
    qb b;
    memset(&b, 0, sizeof b);
    cc_buf_init(&b.sql);
    cc_buf_puts(&b.sql,
                "SELECT d.doc, m.mid, m.kind, m.start, m.\"end\", m.sentence, m.text, m.value, m.lo, m.hi,"
                " m.qualifier, m.unit, m.timex_type, m.timex_value, m.timex_mod, m.category, m.grp, m.parent,"
                " m.attribution, m.place, m.date, m.line FROM mentions m JOIN docs d ON d.rowid = m.doc_rowid"
                " WHERE 1");
    unsigned kinds = q->kinds ? q->kinds : CONCUR_KIND_ALL;
    if (kinds != CONCUR_KIND_ALL) {
        CC_BUF_LIT(&b.sql, " AND m.kind IN (''");
        static const concur_kind all[] = {CONCUR_KIND_NUMBER, CONCUR_KIND_QUANTITY, CONCUR_KIND_DATE,
                                          CONCUR_KIND_COUNT};
        for (size_t i = 0; i < 4; i++)
            if (kinds & all[i]) {
                CC_BUF_LIT(&b.sql, ",'");
                cc_buf_puts(&b.sql, concur_kind_name(all[i]));   /* fixed names, not user text */
                cc_buf_putc(&b.sql, '\'');
            }
        cc_buf_putc(&b.sql, ')');
    }
    if (q->category) cond(&b, "m.category = ?", q->category);
    if (q->group) cond(&b, "m.grp = ?", q->group);
    if (q->place) cond(&b, "m.place = ? COLLATE NOCASE", q->place);
    if (q->attribution) cond(&b, "instr(lower(m.attribution), lower(?)) > 0", q->attribution);
    if (q->doc) cond(&b, "d.doc GLOB ?", q->doc);
    const char *when = "coalesce(m.date, m.timex_value)";
    if (q->from || q->to) {
        CC_BUF_LIT(&b.sql, " AND coalesce(m.date, m.timex_value) GLOB '[0-9][0-9][0-9][0-9]*'");
    }
    if (q->from) {
        /* a value at least as late as `from` at the precision of either */
        CC_BUF_LIT(&b.sql, " AND ");
        cc_buf_puts(&b.sql, when);
        CC_BUF_LIT(&b.sql, " >= substr(?, 1, length(");
        cc_buf_puts(&b.sql, when);
        CC_BUF_LIT(&b.sql, "))");
        b.text[b.ntext++] = q->from;
    }
    if (q->to) {
        CC_BUF_LIT(&b.sql, " AND substr(");
        cc_buf_puts(&b.sql, when);
        CC_BUF_LIT(&b.sql, ", 1, length(?)) <= ?");
        b.text[b.ntext++] = q->to;
        b.text[b.ntext++] = q->to;
    }
    if (q->has_min) CC_BUF_LIT(&b.sql, " AND coalesce(m.value, m.lo) >= ?");
    CC_BUF_LIT(&b.sql, " ORDER BY m.doc_rowid, m.seq");
    if (q->limit) cc_buf_printf(&b.sql, " LIMIT %zu", q->limit);
    if (b.sql.oom) {
        cc_buf_free(&b.sql);
        cc_error_set(err, CONCUR_ERR_NOMEM, 0, "out of memory");
        return -1;
    }
    cc_buf_putc(&b.sql, 0);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, b.sql.data, -1, &st, NULL) != SQLITE_OK) {
        cc_buf_free(&b.sql);
        return fail(err, s->db, "query");
    }
    cc_buf_free(&b.sql);
    int k = 1;
    for (int i = 0; i < b.ntext; i++) sqlite3_bind_text(st, k++, b.text[i], -1, SQLITE_STATIC);
    if (q->has_min) sqlite3_bind_double(st, k++, q->min);

    cc_buf out;
    cc_buf_init(&out);
    int r = 0;
    if (header && fmt == CONCUR_FORMAT_TSV)
        cc_buf_puts(&out, "doc\tid\tkind\tstart\tend\tsentence\ttext\tvalue\tmin\tmax\tqualifier\tunit\t"
                          "timex_type\ttimex_value\ttimex_mod\tcategory\tgroup\tparent\tattribution\tplace\tdate\n");
    if (header && fmt == CONCUR_FORMAT_TABLE)
        cc_buf_printf(&out, "%-24s %-6s %-8s %-36s %s\n", "doc", "id", "kind", "text", "reading");
    int rc = SQLITE_DONE;
    size_t n = 0;
    while (!r && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        n++;
        if (!write) continue;   /* counting only */
        if (fmt == CONCUR_FORMAT_JSONL) {
            cc_buf_put(&out, (const char *)sqlite3_column_text(st, 21), (size_t)sqlite3_column_bytes(st, 21));
            cc_buf_putc(&out, '\n');
        } else if (fmt == CONCUR_FORMAT_TSV) {
            for (int c = 0; c < 21; c++) {
                if (c) cc_buf_putc(&out, '\t');
                if (c >= 7 && c <= 9) put_num_cell(&out, st, c);
                else put_cell(&out, sqlite3_column_text(st, c), sqlite3_column_bytes(st, c));
            }
            cc_buf_putc(&out, '\n');
        } else {
            cc_buf cell;
            cc_buf_init(&cell);
            cc_put_flat(&cell, (const char *)(sqlite3_column_text(st, 0) ? sqlite3_column_text(st, 0) : (const unsigned char *)""),
                        (size_t)sqlite3_column_bytes(st, 0), 21);
            cc_buf_putc(&cell, 0);
            cc_buf_printf(&out, "%-24s %-6s %-8s ", cell.data ? cell.data : "",
                          (const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 2));
            cell.len = 0;
            cc_put_flat(&cell, (const char *)sqlite3_column_text(st, 6), (size_t)sqlite3_column_bytes(st, 6), 36);
            size_t cps = 0;
            for (size_t i = 0; i < cell.len; i++) cps += ((unsigned char)cell.data[i] & 0xC0) != 0x80;
            cc_buf_put(&out, cell.data ? cell.data : "", cell.len);
            for (; cps < 37; cps++) cc_buf_putc(&out, ' ');
            if (sqlite3_column_type(st, 13) != SQLITE_NULL) {
                cc_buf_puts(&out, (const char *)sqlite3_column_text(st, 13));
            } else {
                if (sqlite3_column_type(st, 8) != SQLITE_NULL) cc_buf_num(&out, sqlite3_column_double(st, 8));
                if (sqlite3_column_type(st, 9) == SQLITE_NULL) CC_BUF_LIT(&out, "+");
                else if (sqlite3_column_double(st, 9) != sqlite3_column_double(st, 8)) {
                    cc_buf_putc(&out, '-');
                    cc_buf_num(&out, sqlite3_column_double(st, 9));
                }
            }
            static const struct { int col; const char *label; } extra[] = {
                {15, " "}, {16, " "}, {19, " in "}, {20, " on "}, {18, " according to "}};
            for (size_t i = 0; i < sizeof extra / sizeof *extra; i++)
                if (sqlite3_column_type(st, extra[i].col) != SQLITE_NULL) {
                    cc_buf_puts(&out, extra[i].label);
                    cell.len = 0;
                    cc_put_flat(&cell, (const char *)sqlite3_column_text(st, extra[i].col),
                                (size_t)sqlite3_column_bytes(st, extra[i].col), 40);
                    cc_buf_put(&out, cell.data ? cell.data : "", cell.len);
                }
            cc_buf_putc(&out, '\n');
            cc_buf_free(&cell);
        }
        if (out.oom) {
            cc_error_set(err, CONCUR_ERR_NOMEM, 0, "out of memory");
            r = -1;
        } else if (out.len > 65536) {
            r = write(user, out.data, out.len);
            out.len = 0;
        }
    }
    if (!r && rc != SQLITE_DONE) r = fail(err, s->db, "query");
    if (!r && out.len && write) r = write(user, out.data, out.len);
    cc_buf_free(&out);
    sqlite3_finalize(st);
    if (rows) *rows = n;
    return r;
}
