#!/usr/bin/env python3
"""Writes test WARC files from real pages (tests/suites/warc.sh uses them).

usage: make_warc.py OUTDIR HTML.gz...

OUTDIR/plain.warc   every kind of record a crawler writes: warcinfo, a
                    request and its response per page (the first page with
                    a chunked, gzip-encoded body, the second plain, the rest
                    deflate), a 404, an image, a redirect, a revisit, a
                    metadata record, a text/plain resource and a WET-style
                    conversion record;
OUTDIR/records.warc.gz   the same, one gzip member per record (as crawlers
                    write them);
OUTDIR/whole.warc.gz     the same, one gzip member for the whole file;
OUTDIR/expect.tsv   per page document: id, input (html/text), payload file;
OUTDIR/payload-N    the decoded payload of each page (what concur reads).
"""
import gzip, os, sys, zlib

out, pages = sys.argv[1], sys.argv[2:]
os.makedirs(out, exist_ok=True)
recs, expect = [], []


def record(wtype, headers, block, uri=None):
    h = [b"WARC/1.1", b"WARC-Type: " + wtype.encode(),
         b"WARC-Record-ID: <urn:uuid:%08d-0000-4000-8000-000000000000>" % len(recs),
         b"WARC-Date: 2020-05-01T12:00:00Z"]
    if uri:
        h.append(b"WARC-Target-URI: " + uri.encode())
    h += [k.encode() + b": " + v.encode() for k, v in headers]
    h.append(b"Content-Length: %d" % len(block))
    recs.append(b"\r\n".join(h) + b"\r\n\r\n" + block + b"\r\n\r\n")


def http(status, headers, body):
    lines = [b"HTTP/1.1 %d X" % status] + [k.encode() + b": " + v.encode() for k, v in headers]
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def chunked(b):
    parts, i = [], 0
    for n in (7, 100, 1000):
        while i < len(b):
            c = b[i:i + n]
            parts.append(b"%x\r\n" % len(c) + c + b"\r\n")
            i += len(c)
            break
    while i < len(b):
        c = b[i:i + 4096]
        parts.append(b"%X;ext=1\r\n" % len(c) + c + b"\r\n")
        i += len(c)
    return b"".join(parts) + b"0\r\n\r\n"


record("warcinfo", [("Content-Type", "application/warc-fields")], b"software: concur test\r\nformat: WARC 1.1\r\n")
for i, p in enumerate(pages):
    html = gzip.open(p).read()
    uri = "https://News.Example.org/story/%d?x=1" % i
    record("request", [("Content-Type", "application/http; msgtype=request")],
           b"GET /story/%d HTTP/1.1\r\nHost: news.example.org\r\n\r\n" % i, uri)
    if i == 0:
        body = chunked(gzip.compress(html))
        hs = [("Content-Type", "text/html; charset=utf-8"), ("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")]
    elif i == 1:
        body, hs = html, [("Content-Type", "text/html")]
    else:
        body, hs = zlib.compress(html), [("Content-Type", "application/xhtml+xml"), ("Content-Encoding", "deflate")]
    record("response", [("Content-Type", "application/http; msgtype=response")], http(200, hs, body), uri)
    expect.append((uri, "html", html))
record("response", [("Content-Type", "application/http; msgtype=response")],
       http(404, [("Content-Type", "text/html")], b"<html><body><p>Not found: 404 people were killed.</p></body></html>"),
       "https://news.example.org/missing")
record("response", [("Content-Type", "application/http; msgtype=response")],
       http(200, [("Content-Type", "image/png")], b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256))),
       "https://news.example.org/logo.png")
record("response", [("Content-Type", "application/http; msgtype=response")],
       http(301, [("Location", "https://news.example.org/story/0")], b""), "http://news.example.org/old")
record("revisit", [("Content-Type", "application/http; msgtype=response"),
                   ("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest")],
       b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", "https://news.example.org/story/0")
record("metadata", [("Content-Type", "application/warc-fields")], b"outlinks: 12 people were killed\r\n",
       "https://news.example.org/story/0")
txt = "On 3 May 2020 at least 12 people were killed and 40 injured in the town of Kunduz, officials said.\n".encode()
record("resource", [("Content-Type", "text/plain; charset=utf-8")], txt, "https://archive.example.net/note.txt")
expect.append(("https://archive.example.net/note.txt", "text", txt))
wet = "More than 1.000 people were displaced, according to the UN.\n".encode()
record("conversion", [("Content-Type", "text/plain")], wet, "https://news.example.org/story/wet")
expect.append(("https://news.example.org/story/wet", "text", wet))

open(os.path.join(out, "plain.warc"), "wb").write(b"".join(recs))
open(os.path.join(out, "records.warc.gz"), "wb").write(b"".join(gzip.compress(r) for r in recs))
open(os.path.join(out, "whole.warc.gz"), "wb").write(gzip.compress(b"".join(recs)))
with open(os.path.join(out, "expect.tsv"), "w") as f:
    for n, (uri, kind, payload) in enumerate(expect):
        name = "payload-%d.%s" % (n, "html" if kind == "html" else "txt")
        open(os.path.join(out, name), "wb").write(payload)
        f.write("%s\t%s\t%s\n" % (uri, kind, name))
