#!/usr/bin/env bash
# install.sh -- `make install PREFIX=... DESTDIR=...` puts the command, the
# header, the libraries, the pkg-config file and the man page in place, and
# a program compiled with `pkg-config --cflags --libs concur` runs against
# the installed library (shared and static).
. "$(dirname "$0")/../lib.sh"

PREFIX=/opt/concur-test
DEST=$TMP/dest
P=$DEST$PREFIX
# the installed files come from the build under test (BUILD=dir of $CONCUR)
BDIR=$(cd "$(dirname "$CONCUR")" && pwd)
BREL=${BDIR#"$ROOT"/}

make -s -C "$ROOT" install BUILD="$BREL" PREFIX=$PREFIX DESTDIR="$DEST" >"$TMP/make.out" 2>&1; RC=$?
check "make install exits 0" test "$RC" = 0
[ "$RC" = 0 ] || sed 's/^/    /' "$TMP/make.out" | tail -20
check "installed: bin/concur (executable)" test -x "$P/bin/concur"
check "installed: include/concur.h = the source header" cmp -s "$P/include/concur.h" "$ROOT/include/concur.h"
check "installed: lib/libconcur.a" test -s "$P/lib/libconcur.a"
check "installed: lib/libconcur.so.0 and the libconcur.so link" test -s "$P/lib/libconcur.so.0" -a -L "$P/lib/libconcur.so"
check "installed: lib/pkgconfig/concur.pc" test -s "$P/lib/pkgconfig/concur.pc"
check "installed: share/man/man1/concur.1" test -s "$P/share/man/man1/concur.1"
check "nothing installed outside DESTDIR+PREFIX" test "$(find "$DEST" -mindepth 1 -maxdepth 1)" = "$DEST/opt"
check "the pc file names the prefix, not DESTDIR" grep -qx "prefix=$PREFIX" "$P/lib/pkgconfig/concur.pc"

version=$(sed -n 's/^#define CONCUR_VERSION "\(.*\)"/\1/p' "$ROOT/include/concur.h")
check "installed concur --version" test "$("$P/bin/concur" --version)" = "concur $version"
check "the man page formats without warnings" \
  sh -c "! command -v groff >/dev/null || [ -z \"\$(LC_ALL=C groff -man -Tutf8 -ww -z '$P/share/man/man1/concur.1' 2>&1)\" ]"

# pkg-config resolves ${prefix}; point it at the DESTDIR copy
sed "s|^prefix=.*|prefix=$P|" "$P/lib/pkgconfig/concur.pc" > "$TMP/concur.pc"
export PKG_CONFIG_PATH=$TMP
check "pkg-config --modversion concur = $version" test "$(pkg-config --modversion concur)" = "$version"
cat > "$TMP/hello.c" <<'EOF'
#include <concur.h>
#include <stdio.h>
#include <string.h>
int main(void)
{
    const char *s = "On 26 February 1992, 613 people were killed.";
    concur_error err;
    concur_engine *e = concur_engine_new(NULL, &err);
    if (!e) { printf("engine: %s\n", err.message); return 1; }
    concur_doc_options o;
    concur_doc_options_default(&o);
    o.kinds = CONCUR_KIND_NUMBER;
    concur_doc *d = concur_extract(e, s, strlen(s), &o, &err);
    if (!d) { printf("extract: %s\n", err.message); return 1; }
    int found = 0;
    for (size_t i = 0; i < concur_doc_count(d); i++) {
        const concur_mention *m = concur_doc_get(d, i);
        double v;
        size_t n;
        const char *t = concur_mention_text(m, &n);
        if (concur_mention_value(m, &v) && v == 613 && n == 3 && !memcmp(t, "613", 3)) found = 1;
    }
    printf("%s %d\n", concur_version(), found);
    concur_doc_free(d);
    concur_engine_free(e);
    return found ? 0 : 1;
}
EOF
# shellcheck disable=SC2046
cc -std=c11 -o "$TMP/hello" "$TMP/hello.c" $(pkg-config --cflags --libs concur) >"$TMP/cc.out" 2>&1; RC=$?
check "a program builds with pkg-config --cflags --libs concur" test "$RC" = 0
[ "$RC" = 0 ] || sed 's/^/    /' "$TMP/cc.out" | head
check "it runs against the installed shared library" \
  sh -c "LD_LIBRARY_PATH='$P/lib' '$TMP/hello' | grep -qx '$version 1'"
check "it really uses the installed libconcur.so.0" \
  sh -c "LD_LIBRARY_PATH='$P/lib' ldd '$TMP/hello' | grep -q '$P/lib/libconcur.so.0'"
# shellcheck disable=SC2046
cc -std=c11 -o "$TMP/hello_static" "$TMP/hello.c" "$P/lib/libconcur.a" $(pkg-config --cflags --libs --static concur | sed 's/-lconcur//') >"$TMP/cc2.out" 2>&1; RC=$?
check "static link with pkg-config --static" test "$RC" = 0
check "the static program runs" sh -c "'$TMP/hello_static' | grep -qx '$version 1'"

make -s -C "$ROOT" uninstall BUILD="$BREL" PREFIX=$PREFIX DESTDIR="$DEST" >/dev/null 2>&1
check "make uninstall removes the files" test -z "$(find "$P" -type f -o -type l)"
