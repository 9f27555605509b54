#!/usr/bin/env python3
"""Write tests/fixtures/hostile/: audit files and CSV files that must be refused with exit 1 and
a message naming the file, never a panic (tests/hostile.rs runs every file through the CLI).
Each case is made from the version fixtures, so the corpus follows the format. Run from the
repository root; the files are committed."""
import os

ROOT = os.path.join(os.path.dirname(__file__), "..")
FIX = os.path.join(ROOT, "tests", "fixtures")
OUT = os.path.join(FIX, "hostile")
V1 = open(os.path.join(FIX, "audit-v1.svarskoll.ron"), encoding="utf-8").read()
V2 = open(os.path.join(FIX, "audit-v2.svarskoll.ron"), encoding="utf-8").read()


def write(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def once(text, old, new):
    assert old in text, old
    return text.replace(old, new, 1)


audits = {
    # 7: values that overflow the deadline arithmetic
    "hours-max": V2.replace("hours: 24", "hours: 4294967295"),
    "max-days-max": V2.replace("max_days: None", "max_days: Some(4294967295)"),
    "hours-zero": V2.replace("hours: 24", "hours: 0"),
    "max-days-zero": V2.replace("max_days: None", "max_days: Some(0)"),
    "year-9999": once(V2, '"2019-03-11T14:30:00+01:00"', '"9999-03-11T14:30:00+01:00"'),
    "year-1900-closed-date": V2.replace("extra_closed_dates: []", 'extra_closed_dates: ["1900-01-01"]'),
    "meta-year-99999": once(V2, "year: 2019", "year: 99999"),
    # 8: wrong results with exit 0 before
    "answered-before-posted": once(V2, '"2019-03-11T21:46:00+01:00"', '"2019-03-10T21:46:00+01:00"'),
    "answered-not-posted": once(V2, 'posted_at: Some("2019-03-11T14:30:00+01:00")', "posted_at: None"),
    "evidence-outside": once(V2, "evidence: []", 'evidence: ["../../etc/passwd"]'),
    "no-platforms": V2.replace("platforms_in_scope: [\n            Facebook,\n            Instagram,\n            X,\n        ]", "platforms_in_scope: []"),
    # 10: texts too long
    "note-too-long": once(V2, '                    note: ""', '                    note: "' + "å" * 10_001 + '"'),
    "report-text-too-long": once(V2, 'results_note: ""', 'results_note: "' + "x" * 100_001 + '"'),
    # broken files
    "truncated": V2[: len(V2) // 2],
    "truncated-in-string": V2[: V2.index("Bristande serviceskyldighet") + 5],
    "wrong-type-hours": V2.replace("hours: 24", 'hours: "24"'),
    "wrong-type-accounts": once(V2, "accounts: [", "accounts: 7, old_accounts: ["),
    "negative-hours": V2.replace("hours: 24", "hours: -24"),
    "hours-overflow-u64": V2.replace("hours: 24", "hours: 18446744073709551616"),
    "future-version": once(V2, "version: 2", "version: 99"),
    "version-overflow": once(V2, "version: 2", "version: 99999999999999"),
    "unknown-field": once(V2, "version: 2,", "version: 2,\n    hemligt_falt: 1,"),
    "deep-nesting": "Audit(version: 2, accounts: " + "[" * 50_000 + "]" * 50_000 + ")",
    "deep-nesting-tuples": "(" * 100_000,
    "empty": "",
    "just-whitespace": "\n\n   \n",
    "not-ron": "<?xml version=\"1.0\"?><Audit/>",
    # migrations: an old-format file with hostile values is refused after migrating too
    "v1-hours-max": V1.replace("hours: 24", "hours: 4294967295"),
    "v1-truncated": V1[: len(V1) // 3],
    "v1-answered-before-posted": V1.replace("answered_at: Some(\"2019-03-11T21:46:00+01:00\")", "answered_at: Some(\"2019-03-01T21:46:00+01:00\")", 1),
}
bytes_cases = {
    "invalid-utf8": V2.encode("utf-8")[:400] + b"\xff\xfe\xc3\x28" + V2.encode("utf-8")[400:],
    "nul-bytes": V2.encode("utf-8").replace(b"version: 2,", b"version: 2,\x00\x00", 1),
    "png-header": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "utf16-bom": b"\xff\xfe" + V2[:2000].encode("utf-16-le"),
}

os.makedirs(OUT, exist_ok=True)
for name, text in audits.items():
    write(name + ".svarskoll.ron", text)
for name, data in bytes_cases.items():
    write(name + ".svarskoll.ron", data)

# CSV files for `svarskoll import`
HEAD = "konto;plattform;ställd;besvarad\r\n"
csvs = {
    "unterminated-quote": HEAD + 'A;Facebook;2019-03-12 10:00;\r\n"B;Facebook;2019-03-12 10:00;\r\nC;X;;\r\n',
    "extra-fields": HEAD + "A;Facebook;2019-03-12 10:00;;;;\r\nB;X;2019-03-12 10:00;;tappas bort\r\n",
    "answered-before-posted": HEAD + "A;Facebook;2019-03-12 10:00;2019-03-11 10:00\r\n",
    "answered-not-posted": HEAD + "A;Facebook;;2019-03-11 10:00\r\n",
    "year-9999": HEAD + "A;Facebook;9999-03-12 10:00;\r\n",
    "long-cell": "konto;plattform;anteckning\r\nA;Facebook;" + "x" * 10_001 + "\r\n",
    "no-header": "",
}
for name, text in csvs.items():
    write(name + ".csv", text)
write("binary-xlsx.csv", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + bytes(range(256)))
write("invalid-utf16.csv", b"\xff\xfe" + "konto\tplattform\r\n".encode("utf-16-le") + b"\x00\xd8")
