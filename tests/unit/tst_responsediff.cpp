// compareResponses: status, headers and bodies of a captured answer and its replay; JSON
// compared as trees (key order ignored, arrays by index), ignored fields left out, text line
// by line, the rest by bytes; Content-Encoding undone first (ContentCoding).
#include <QTest>

#include "http/contentcoding.h"
#include "http/responsediff.h"

using Change = DiffLine::Change;

namespace {

ComparedAnswer answer(const QByteArray &body, int status = 200, const HttpHeaders &headers = {})
{
    ComparedAnswer a;
    a.response.status = status;
    a.response.reason = status == 200 ? QStringLiteral("OK") : QStringLiteral("Not Found");
    a.response.headers = headers;
    a.response.body = body;
    return a;
}

ResponseDiff compareBodies(const QByteArray &before, const QByteArray &after, const QStringList &ignored = {})
{
    DiffOptions options;
    options.ignoredFields = ignored;
    return compareResponses(answer(before), answer(after), options);
}

// "path: before -> after" for each line that is not Same.
QStringList changed(const QList<DiffLine> &lines)
{
    QStringList out;
    for (const DiffLine &line : lines) {
        switch (line.change) {
        case Change::Same: break;
        case Change::Added: out << line.path + u" added " + line.after; break;
        case Change::Removed: out << line.path + u" removed " + line.before; break;
        case Change::Changed: out << line.path + u": " + line.before + u" -> " + line.after; break;
        }
    }
    return out;
}

QStringList paths(const QList<DiffLine> &lines)
{
    QStringList out;
    for (const DiffLine &line : lines)
        out << line.path;
    return out;
}

} // namespace

class TestResponseDiff final : public QObject
{
    Q_OBJECT

private slots:
    void keyOrderIgnored()
    {
        const ResponseDiff diff = compareBodies(R"({"a":1,"b":{"c":[1,2],"d":null}})", R"({ "b": {"d": null, "c": [1, 2]}, "a": 1 })");
        QCOMPARE(diff.bodyKind, ResponseDiff::BodyKind::Json);
        QCOMPARE(diff.changes(), 0);
        QCOMPARE(paths(diff.body), (QStringList{u"$.a"_qs, u"$.b.c[0]"_qs, u"$.b.c[1]"_qs, u"$.b.d"_qs}));
        QVERIFY(diff.bodyNote.isEmpty());
    }

    void arraysByIndex()
    {
        const ResponseDiff diff = compareBodies(R"([1,2,3])", R"([1,3])");
        QCOMPARE(changed(diff.body), (QStringList{u"$[1]: 2 -> 3"_qs, u"$[2] removed 3"_qs}));
        const ResponseDiff longer = compareBodies(R"({"tags":[]})", R"({"tags":["usb"]})");
        QCOMPARE(changed(longer.body), QStringList{u"$.tags[0] added \"usb\""_qs});
    }

    void nestedAddedRemoved()
    {
        const ResponseDiff diff = compareBodies(
            R"({"items":[{"id":1,"price":59,"old":true}],"count":1,"gone":{"x":1}})",
            R"({"items":[{"id":1,"price":64.5,"new":"yes"}],"count":1,"odd key":[1, 2]})");
        QCOMPARE(changed(diff.body), (QStringList{u"$.items[0].price: 59 -> 64.5"_qs,
                                                  u"$.items[0].old removed true"_qs,
                                                  u"$.items[0].new added \"yes\""_qs,
                                                  u"$.gone removed {\"x\":1}"_qs,
                                                  u"$[\"odd key\"] added [1, 2]"_qs}));
        QCOMPARE(diff.changes(), 5);
    }

    void typesChanged()
    {
        const ResponseDiff diff = compareBodies(R"({"price":59,"tags":{"a":1},"ok":true,"n":null})",
                                                R"({"price":"59","tags":["a"],"ok":"true","n":0})");
        QCOMPARE(changed(diff.body), (QStringList{u"$.price: 59 -> \"59\""_qs, u"$.tags: {\"a\":1} -> [\"a\"]"_qs,
                                                  u"$.ok: true -> \"true\""_qs, u"$.n: null -> 0"_qs}));
        // A root of another kind is one change.
        QCOMPARE(changed(compareBodies("[]", "{}").body), QStringList{u"$: [] -> {}"_qs});
    }

    void numbersAndStrings()
    {
        const ResponseDiff same = compareBodies(R"({"a":1.0,"b":"\u0041","c":1e2})", R"({"a":1,"b":"A","c":100})");
        QCOMPARE(same.changes(), 0);
        // Integers past a double's precision stay apart.
        const ResponseDiff big = compareBodies(R"({"id":12345678901234567890})", R"({"id":12345678901234567891})");
        QCOMPARE(changed(big.body), QStringList{u"$.id: 12345678901234567890 -> 12345678901234567891"_qs});
    }

    void ignoredFieldsHidden_data()
    {
        QTest::addColumn<QStringList>("ignored");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<int>("ignoredCount");
        const QString price = u"$.items[1].price: 2 -> 3"_qs;
        const QString stamp = u"$.meta.timestamp: \"t1\" -> \"t2\""_qs;
        const QString id = u"$.meta.requestId: \"a\" -> \"b\""_qs;
        const QString nested = u"$.items[0].timestamp: 5 -> 6"_qs;
        QTest::newRow("none") << QStringList() << QStringList{stamp, id, nested, price} << 0;
        QTest::newRow("key anywhere") << QStringList{u"timestamp"_qs} << QStringList{id, price} << 2;
        QTest::newRow("path") << QStringList{u"$.meta.requestId"_qs} << QStringList{stamp, nested, price} << 1;
        QTest::newRow("jq path") << QStringList{u" .meta.requestId "_qs} << QStringList{stamp, nested, price} << 1;
        QTest::newRow("subtree") << QStringList{u"$.meta"_qs} << QStringList{nested, price} << 1;
        QTest::newRow("any index") << QStringList{u"$.items[*].price"_qs} << QStringList{stamp, id, nested} << 2;
        QTest::newRow("one index") << QStringList{u"$.items[1]"_qs} << QStringList{stamp, id, nested} << 1;
        QTest::newRow("both") << QStringList{u"timestamp"_qs, u"$.meta.requestId"_qs, u""_qs} << QStringList{price} << 3;
    }

    void ignoredFieldsHidden()
    {
        QFETCH(QStringList, ignored);
        QFETCH(QStringList, expected);
        QFETCH(int, ignoredCount);
        const QByteArray before = R"({"meta":{"timestamp":"t1","requestId":"a"},"items":[{"timestamp":5,"price":1},{"price":2}]})";
        const QByteArray after = R"({"items":[{"price":1,"timestamp":6},{"price":3}],"meta":{"requestId":"b","timestamp":"t2"}})";
        const ResponseDiff diff = compareBodies(before, after, ignored);
        QCOMPARE(changed(diff.body), expected);
        QCOMPARE(diff.ignoredFields, ignoredCount);
        // Nothing under an ignored field is listed, not even unchanged.
        for (QString field : ignored) {
            field = field.trimmed();
            if (field.isEmpty() || field.contains(u'*'))
                continue;
            for (const DiffLine &line : diff.body) {
                if (field.startsWith(u'.') || field.startsWith(u'$'))
                    QVERIFY2(!line.path.startsWith(field.startsWith(u'.') ? u'$' + field : field), qPrintable(line.path));
                else
                    QVERIFY2(!line.path.endsWith(u'.' + field), qPrintable(line.path));
            }
        }
    }

    void textLineByLine()
    {
        const ResponseDiff diff = compareBodies("one\r\ntwo\r\nthree\r\nfour\r\n", "one\ntwo!\nthree\nfour\nfive");
        QCOMPARE(diff.bodyKind, ResponseDiff::BodyKind::Text);
        QCOMPARE(changed(diff.body), (QStringList{u"line 2: two -> two!"_qs, u"line 5 added five"_qs}));
        QCOMPARE(diff.body.size(), 5);
        const ResponseDiff removed = compareBodies("a\nb\nc\n", "a\nc\n");
        QCOMPARE(changed(removed.body), QStringList{u"line 2 removed b"_qs});
        // JSON on one side only: compared as text.
        const ResponseDiff mixed = compareBodies(R"({"a":1})", "default backend - 404");
        QCOMPARE(mixed.bodyKind, ResponseDiff::BodyKind::Text);
        QCOMPARE(changed(mixed.body), QStringList{u"line 1: {\"a\":1} -> default backend - 404"_qs});
        const ResponseDiff empty = compareBodies({}, {});
        QCOMPARE(empty.changes(), 0);
        QVERIFY(empty.body.isEmpty());
    }

    void manyLinesStayBounded()
    {
        QByteArray a;
        QByteArray b;
        for (int i = 0; i < 3000; ++i) {
            a += "a" + QByteArray::number(i) + '\n';
            b += "b" + QByteArray::number(i) + '\n';
        }
        const ResponseDiff diff = compareBodies(a, b);
        QCOMPARE(diff.bodyKind, ResponseDiff::BodyKind::Text);
        QVERIFY(diff.body.size() <= 5000);
        QVERIFY2(!diff.bodyNote.isEmpty(), "a note says what is left out");
        QCOMPARE(diff.body.constFirst().change, Change::Changed);
    }

    void binaryBySize()
    {
        const QByteArray png("\x89PNG\r\n\x1a\n\0\0", 10);
        const ResponseDiff diff = compareBodies(png, png + "x");
        QCOMPARE(diff.bodyKind, ResponseDiff::BodyKind::Binary);
        QCOMPARE(changed(diff.body), QStringList{u"body: 10 bytes -> 11 bytes"_qs});
        QCOMPARE(compareBodies(png, png).changes(), 0);
    }

    void statusAndHeaders()
    {
        const HttpHeaders before{{u"Content-Type"_qs, u"application/json"_qs}, {u"Date"_qs, u"Mon"_qs},
                                 {u"X-Pod"_qs, u"api-1"_qs}, {u"Vary"_qs, u"Accept"_qs}, {u"vary"_qs, u"Origin"_qs},
                                 {u"Content-Length"_qs, u"10"_qs}};
        const HttpHeaders after{{u"content-type"_qs, u"application/json"_qs}, {u"Date"_qs, u"Tue"_qs},
                                {u"Vary"_qs, u"Accept, Origin"_qs}, {u"X-Cache"_qs, u"miss"_qs},
                                {u"Content-Length"_qs, u"12"_qs}};
        ResponseDiff diff = compareResponses(answer("x", 200, before), answer("x", 404, after), {});
        QCOMPARE(diff.status.change, Change::Changed);
        QCOMPARE(diff.status.before, u"200 OK"_qs);
        QCOMPARE(diff.status.after, u"404 Not Found"_qs);
        QCOMPARE(changed(diff.headers), (QStringList{u"X-Pod removed api-1"_qs, u"X-Cache added miss"_qs}));
        QCOMPARE(diff.headers.size(), 4);  // Content-Type and Vary the same
        QCOMPARE(diff.ignoredHeaders, 2);  // Date and Content-Length

        DiffOptions all;
        all.ignoreVolatileHeaders = false;
        diff = compareResponses(answer("x", 200, before), answer("x", 200, after), all);
        QCOMPARE(diff.status.change, Change::Same);
        QCOMPARE(changed(diff.headers), (QStringList{u"Date: Mon -> Tue"_qs, u"X-Pod removed api-1"_qs,
                                                     u"Content-Length: 10 -> 12"_qs, u"X-Cache added miss"_qs}));
        QCOMPARE(diff.ignoredHeaders, 0);
        QVERIFY(volatileHeaders().contains(u"date"_qs));
    }

    void compressedBodies()
    {
        const QByteArray json = R"({"service":"api","items":[1,2,3]})";
        const HttpHeaders gzipped{{u"Content-Encoding"_qs, u"gzip"_qs}};
        const HttpHeaders deflated{{u"Content-Encoding"_qs, u"deflate"_qs}};
        // Captured as sent (gzip); the replay decoded by Qt's client, the header kept.
        ComparedAnswer replay = answer(R"({"service":"api","items":[1,2,4]})", 200, gzipped);
        replay.bodyDecoded = true;
        ResponseDiff diff = compareResponses(answer(ContentCoding::gzip(json), 200, gzipped), replay, {});
        QCOMPARE(diff.bodyKind, ResponseDiff::BodyKind::Json);
        QCOMPARE(changed(diff.body), QStringList{u"$.items[2]: 3 -> 4"_qs});
        // deflate in zlib's framing, as qCompress makes it after its 4-byte length.
        diff = compareResponses(answer(qCompress(json).mid(4), 200, deflated), answer(json), {});
        QCOMPARE(diff.bodyKind, ResponseDiff::BodyKind::Json);
        QCOMPARE(changed(diff.body), QStringList());
        QCOMPARE(changed(diff.headers), QStringList{u"Content-Encoding removed deflate"_qs});

        // A coding Pasarela cannot undo is said, and the bytes are compared.
        const HttpHeaders brotli{{u"Content-Encoding"_qs, u"br"_qs}};
        diff = compareResponses(answer("\x1b\x03", 200, brotli), answer("\x1b\x03", 200, brotli), {});
        QCOMPARE(diff.bodyKind, ResponseDiff::BodyKind::Binary);
        QVERIFY2(diff.bodyNote.contains(u"br"_qs) && diff.bodyNote.contains(u"captured"_qs), qPrintable(diff.bodyNote));
        QCOMPARE(diff.changes(), 0);
    }

    void cutBodyComparedAsFarAsItGoes()
    {
        QByteArray json = "[\n";
        for (int i = 0; i < 2000; ++i)
            json += "  {\"id\": " + QByteArray::number(i) + ", \"name\": \"item " + QByteArray::number(i) + "\"},\n";
        json += "  {}\n]\n";
        const QByteArray packed = ContentCoding::gzip(json);
        ComparedAnswer captured = answer(packed.left(packed.size() / 2), 200, {{u"Content-Encoding"_qs, u"gzip"_qs}});
        captured.bodyCut = true;
        QByteArray changedJson = json;
        changedJson.replace("\"item 3\"", "\"item three\"");
        const ResponseDiff diff = compareResponses(captured, answer(changedJson), {});
        QCOMPARE(diff.bodyKind, ResponseDiff::BodyKind::Text);
        QCOMPARE(changed(diff.body), QStringList{u"line 5:   {\"id\": 3, \"name\": \"item 3\"}, -> "
                                                 u"  {\"id\": 3, \"name\": \"item three\"},"_qs});
        QVERIFY2(diff.bodyNote.contains(u"first"_qs), qPrintable(diff.bodyNote));
    }

    void decodeErrors()
    {
        const QByteArray packed = ContentCoding::gzip(QByteArray(10000, 'x'));
        QCOMPARE(ContentCoding::decode(packed, "gzip").value(), QByteArray(10000, 'x'));
        QCOMPARE(ContentCoding::decode(packed, "identity, gzip").value().size(), 10000);
        const Result<QByteArray> cut = ContentCoding::decode(packed.left(packed.size() - 4), "gzip");
        QVERIFY(!cut);
        QVERIFY2(cut.error().contains(u"gzip"_qs), qPrintable(cut.error()));
        QVERIFY(ContentCoding::decode(packed.left(packed.size() - 4), "gzip", true));
        const Result<QByteArray> notGzip = ContentCoding::decode("{}", "gzip");
        QVERIFY(!notGzip);
        QVERIFY(!ContentCoding::decode("abc", "zstd"));
        // Raw deflate, as some servers send it.
        QCOMPARE(ContentCoding::decode(QByteArray::fromHex("4b4c4a0600"), "deflate").value(), QByteArray("abc"));
        // Bombs stop.
        const Result<QByteArray> bomb = ContentCoding::decode(ContentCoding::gzip(QByteArray(20 * 1024 * 1024, '\0')), "gzip");
        QVERIFY(!bomb);
        QVERIFY2(bomb.error().contains(u"MiB"_qs), qPrintable(bomb.error()));
    }
};

QTEST_GUILESS_MAIN(TestResponseDiff)
#include "tst_responsediff.moc"
