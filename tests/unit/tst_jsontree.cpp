#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

#include "checks.h"
#include "http/jsontree.h"

using namespace Qt::StringLiterals;

namespace {

// The node reached by following member names and array indexes from the root.
int find(const JsonTree &tree, const QStringList &steps)
{
    int id = JsonTree::root();
    for (const QString &step : steps) {
        const JsonTree::Node &n = tree.node(id);
        bool isIndex = false;
        const int index = step.toInt(&isIndex);
        int next = -1;
        for (const int child : n.children) {
            if (n.kind == JsonTree::Kind::Array ? (isIndex && tree.node(child).index == index) : tree.node(child).key == step)
                next = child;
        }
        if (next < 0)
            return -1;
        id = next;
    }
    return id;
}

// About 10 MB of the kind of JSON an API returns: a page of objects.
QByteArray largeDocument()
{
    QByteArray json = "{\"items\": [";
    for (int i = 0; json.size() < 10 * 1024 * 1024; ++i) {
        if (i > 0)
            json += ",\n";
        json += "  {\"id\": " + QByteArray::number(i) + ", \"name\": \"item " + QByteArray::number(i)
              + " \\u00e9t\xc3\xa9\", \"price\": " + QByteArray::number(i * 0.25, 'f', 2)
              + ", \"active\": true, \"tags\": [\"a\", \"b\"], \"parent\": null}";
    }
    return json + "], \"total\": 1}";
}

} // namespace

class TestJsonTree final : public QObject
{
    Q_OBJECT

private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void tree();
    void keysInSourceOrder();
    void displayValue_data();
    void displayValue();
    void paths();
    void copyValue();
    void pretty_data();
    void pretty();
    void prettyOfParsedIsParsedAgain();
    void deepNesting();
    void largeDocument();
};

void TestJsonTree::valid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("nodes");
    QTest::newRow("object") << QByteArray(R"({"a": 1, "b": [true, false, null]})") << 6;
    QTest::newRow("empty object") << QByteArray("{}") << 1;
    QTest::newRow("empty array in spaces") << QByteArray(" \t\r\n[ ] \n") << 1;
    QTest::newRow("scalar number") << QByteArray("-0.5e+10") << 1;
    QTest::newRow("scalar string") << QByteArray(R"("\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00")") << 1;
    QTest::newRow("numbers") << QByteArray("[0, -0, 1.0, 1e5, 1E-5, 123456789012345678901234567890]") << 7;
    QTest::newRow("UTF-8") << QByteArray("[\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"]") << 2;
    QTest::newRow("BOM skipped") << QByteArray("\xef\xbb\xbf{\"a\": 1}") << 2;
    QTest::newRow("duplicate keys kept") << QByteArray(R"({"a": 1, "a": 2})") << 3;
    QTest::newRow("lone surrogate escape") << QByteArray(R"(["\ud800"])") << 2;
    QTest::newRow("512 levels") << QByteArray(512, '[') + QByteArray(512, ']') << 512;
}

void TestJsonTree::valid()
{
    QFETCH(QByteArray, json);
    QFETCH(int, nodes);
    const Result<JsonTree> tree = JsonTree::parse(json);
    QVERIFY_RESULT(tree);
    QCOMPARE(tree.value().size(), nodes);
    QCOMPARE(tree.value().source(), json);
    const JsonTree::Node &root = tree.value().node(JsonTree::root());
    QCOMPARE(root.parent, -1);
    QCOMPARE(json.mid(root.begin, root.end - root.begin), json.trimmed().mid(json.startsWith("\xef") ? 3 : 0));
}

void TestJsonTree::invalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << QByteArray() << u"line 1, column 1: expected a value"_s;
    QTest::newRow("spaces") << QByteArray(" \n ") << u"line 2, column 2: expected a value"_s;
    QTest::newRow("missing comma") << QByteArray("{\n  \"a\": 1\n  \"b\": 2\n}") << u"line 3, column 3: expected ',' or '}'"_s;
    QTest::newRow("array missing comma") << QByteArray("[1 2]") << u"line 1, column 4: expected ',' or ']'"_s;
    QTest::newRow("trailing comma array") << QByteArray("[1,]") << u"line 1, column 4: expected a value"_s;
    QTest::newRow("trailing comma object") << QByteArray("{\"a\":1,}") << u"line 1, column 8: expected a key in double quotes"_s;
    QTest::newRow("unquoted key") << QByteArray("{a: 1}") << u"line 1, column 2: expected a key in double quotes or '}'"_s;
    QTest::newRow("single quotes") << QByteArray("['a']") << u"line 1, column 2: expected a value"_s;
    QTest::newRow("missing colon") << QByteArray("{\"a\" 1}") << u"line 1, column 6: expected ':' after the key"_s;
    QTest::newRow("unclosed array") << QByteArray("[1") << u"line 1, column 3: expected ',' or ']'"_s;
    QTest::newRow("unclosed object") << QByteArray("{\"a\":") << u"line 1, column 6: expected a value"_s;
    QTest::newRow("unclosed string") << QByteArray("[\"abc") << u"line 1, column 2: expected '\"' to close this string"_s;
    QTest::newRow("two values") << QByteArray("{} {}") << u"line 1, column 4: expected the end of the text after the value"_s;
    QTest::newRow("wrong close") << QByteArray("[1}") << u"line 1, column 3: expected ',' or ']'"_s;
    QTest::newRow("leading zero") << QByteArray("[01]") << u"line 1, column 3: expected '.', 'e' or the end of the number"_s;
    QTest::newRow("plus sign") << QByteArray("+1") << u"line 1, column 1: expected a value"_s;
    QTest::newRow("bare minus") << QByteArray("[-]") << u"line 1, column 3: expected a digit"_s;
    QTest::newRow("dot without digits") << QByteArray("1.") << u"line 1, column 3: expected a digit after the decimal point"_s;
    QTest::newRow("leading dot") << QByteArray(".5") << u"line 1, column 1: expected a value"_s;
    QTest::newRow("exponent without digits") << QByteArray("1e+") << u"line 1, column 4: expected a digit in the exponent"_s;
    QTest::newRow("NaN") << QByteArray("NaN") << u"line 1, column 1: expected a value"_s;
    QTest::newRow("True") << QByteArray("True") << u"line 1, column 1: expected a value"_s;
    QTest::newRow("truncated literal") << QByteArray("[tru]") << u"line 1, column 2: expected a value"_s;
    QTest::newRow("bad escape") << QByteArray(R"(["a\x"])") << u"line 1, column 4: expected an escape"_s;
    QTest::newRow("short unicode escape") << QByteArray(R"(["\u12G4"])") << u"line 1, column 3: expected four hex digits after \\u"_s;
    QTest::newRow("raw newline in string") << QByteArray("[\"a\nb\"]") << u"line 1, column 4: expected '\"' to close the string"_s;
    QTest::newRow("raw tab in string") << QByteArray("[\"a\tb\"]") << u"line 1, column 4: expected '\"' to close the string"_s;
    QTest::newRow("invalid UTF-8") << QByteArray("[\"\xc3\xa9\xff\"]") << u"line 1, column 4: expected UTF-8 text"_s;
    QTest::newRow("overlong UTF-8") << QByteArray("[\"\xc0\xaf\"]") << u"line 1, column 3: expected UTF-8 text"_s;
    QTest::newRow("UTF-8 surrogate") << QByteArray("[\"\xed\xa0\x80\"]") << u"line 1, column 3: expected UTF-8 text"_s;
    QTest::newRow("truncated UTF-8") << QByteArray("[\"\xe2\x82") << u"line 1, column 3: expected UTF-8 text"_s;
    QTest::newRow("column counts characters") << QByteArray("{\"\xc3\xa9\xc3\xa9\": x}") << u"line 1, column 8: expected a value"_s;
    QTest::newRow("comment") << QByteArray("// c\n{}") << u"line 1, column 1: expected a value"_s;
    QTest::newRow("NUL after value") << QByteArray("{}\0", 3) << u"line 1, column 3: expected the end of the text"_s;
    QTest::newRow("513 levels") << QByteArray(513, '[') + QByteArray(513, ']') << u"line 1, column 513: expected at most 512 levels of nesting"_s;
}

void TestJsonTree::invalid()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const Result<JsonTree> tree = JsonTree::parse(json);
    QVERIFY(!tree.ok());
    QVERIFY2(tree.error().startsWith(error), qPrintable(tree.error()));
}

void TestJsonTree::tree()
{
    const QByteArray json = R"({"a": [10, {"b": "x"}], "c": null})";
    const Result<JsonTree> parsed = JsonTree::parse(json);
    QVERIFY_RESULT(parsed);
    const JsonTree &tree = parsed.value();
    QCOMPARE(tree.size(), 6);

    const JsonTree::Node &root = tree.node(JsonTree::root());
    QCOMPARE(root.kind, JsonTree::Kind::Object);
    QCOMPARE(root.children.size(), 2);
    const int a = find(tree, {u"a"_s});
    QCOMPARE(tree.node(a).kind, JsonTree::Kind::Array);
    QCOMPARE(tree.node(a).parent, JsonTree::root());
    QCOMPARE(tree.node(a).index, 0);
    QCOMPARE(json.mid(tree.node(a).begin, tree.node(a).end - tree.node(a).begin), QByteArray(R"([10, {"b": "x"}])"));
    const int b = find(tree, {u"a"_s, u"1"_s, u"b"_s});
    QCOMPARE(tree.node(b).kind, JsonTree::Kind::String);
    QCOMPARE(tree.node(b).key, u"b"_s);
    QCOMPARE(tree.node(tree.node(b).parent).index, 1);
    QCOMPARE(tree.node(tree.node(b).parent).key, QString());
    const int c = find(tree, {u"c"_s});
    QCOMPARE(tree.node(c).kind, JsonTree::Kind::Null);
    QCOMPARE(tree.node(c).index, 1);
}

void TestJsonTree::keysInSourceOrder()
{
    const Result<JsonTree> parsed = JsonTree::parse(R"({"zeta": 1, "alpha": 2, "m\u00e9": 3, "alpha": 4})");
    QVERIFY_RESULT(parsed);
    QStringList keys;
    for (const int child : parsed.value().node(JsonTree::root()).children)
        keys.append(parsed.value().node(child).key);
    QCOMPARE(keys, (QStringList{u"zeta"_s, u"alpha"_s, u"m\u00e9"_s, u"alpha"_s}));
}

void TestJsonTree::displayValue_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("display");
    QTest::newRow("string escapes") << QByteArray(R"("a\"b\\c\/d\n\t\u00e9\ud83d\ude00")") << u"a\"b\\c/d\n\t\u00e9\U0001F600"_s;
    QTest::newRow("raw UTF-8") << QByteArray("\"\xe2\x82\xac\"") << u"\u20ac"_s;
    QTest::newRow("number as written") << QByteArray("1.50E+02") << u"1.50E+02"_s;
    QTest::newRow("big integer as written") << QByteArray("12345678901234567890") << u"12345678901234567890"_s;
    QTest::newRow("true") << QByteArray("true") << u"true"_s;
    QTest::newRow("null") << QByteArray("null") << u"null"_s;
    QTest::newRow("object") << QByteArray(R"({"a": 1, "b": 2, "c": {}})") << u"{3 keys}"_s;
    QTest::newRow("one key") << QByteArray(R"({"a": 1})") << u"{1 key}"_s;
    QTest::newRow("empty object") << QByteArray("{}") << u"{0 keys}"_s;
    QTest::newRow("array") << QByteArray("[1, [2, 3]]") << u"[2 items]"_s;
    QTest::newRow("one item") << QByteArray("[[]]") << u"[1 item]"_s;
}

void TestJsonTree::displayValue()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, display);
    const Result<JsonTree> parsed = JsonTree::parse(json);
    QVERIFY_RESULT(parsed);
    QCOMPARE(parsed.value().displayValue(JsonTree::root()), display);
}

void TestJsonTree::paths()
{
    const Result<JsonTree> parsed =
        JsonTree::parse(R"({"items": [{"name": "x"}, {"a key": [5]}], "_id2": 1, "2x": 2, "q\"\\": 3, "": 4})");
    QVERIFY_RESULT(parsed);
    const JsonTree &tree = parsed.value();
    QCOMPARE(tree.path(JsonTree::root()), u"."_s);
    QCOMPARE(tree.path(find(tree, {u"items"_s})), u".items"_s);
    QCOMPARE(tree.path(find(tree, {u"items"_s, u"0"_s, u"name"_s})), u".items[0].name"_s);
    QCOMPARE(tree.path(find(tree, {u"items"_s, u"1"_s, u"a key"_s, u"0"_s})), u".items[1][\"a key\"][0]"_s);
    QCOMPARE(tree.path(find(tree, {u"_id2"_s})), u"._id2"_s);
    QCOMPARE(tree.path(find(tree, {u"2x"_s})), u".[\"2x\"]"_s);
    QCOMPARE(tree.path(find(tree, {u"q\"\\"_s})), u".[\"q\\\"\\\\\"]"_s);
    QCOMPARE(tree.path(find(tree, {QString()})), u".[\"\"]"_s);

    const Result<JsonTree> array = JsonTree::parse("[[1, 2], 3]");
    QVERIFY_RESULT(array);
    QCOMPARE(array.value().path(find(array.value(), {u"0"_s, u"1"_s})), u".[0][1]"_s);
}

void TestJsonTree::copyValue()
{
    const Result<JsonTree> parsed = JsonTree::parse(R"({"s": "line\nnext", "n": 1.0e3, "o": {"z": [1,2], "a": {}}})");
    QVERIFY_RESULT(parsed);
    const JsonTree &tree = parsed.value();
    QCOMPARE(tree.copyValue(find(tree, {u"s"_s})), u"line\nnext"_s);
    QCOMPARE(tree.copyValue(find(tree, {u"n"_s})), u"1.0e3"_s);
    QCOMPARE(tree.copyValue(find(tree, {u"o"_s})), u"{\n  \"z\": [\n    1,\n    2\n  ],\n  \"a\": {}\n}"_s);
}

void TestJsonTree::pretty_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("scalar") << QByteArray(" 1.50E+02 ") << QByteArray("1.50E+02");
    QTest::newRow("empty containers") << QByteArray("[ {  }, [\n] ]") << QByteArray("[\n  {},\n  []\n]");
    QTest::newRow("keys in order, escapes kept")
        << QByteArray(R"({"z":"a\u00e9\"b","a":[1,{"k":null}],"e":{}})")
        << QByteArray("{\n  \"z\": \"a\\u00e9\\\"b\",\n  \"a\": [\n    1,\n    {\n      \"k\": null\n    }\n  ],\n  \"e\": {}\n}");
    QTest::newRow("spaces inside strings kept") << QByteArray(R"(["a , b : { } [ ]"])") << QByteArray("[\n  \"a , b : { } [ ]\"\n]");
    QTest::newRow("escaped backslash before quote") << QByteArray(R"({"a\\":"\\"})") << QByteArray("{\n  \"a\\\\\": \"\\\\\"\n}");
    QTest::newRow("already pretty") << QByteArray("{\n  \"a\": 1\n}") << QByteArray("{\n  \"a\": 1\n}");
    QTest::newRow("BOM dropped") << QByteArray("\xef\xbb\xbf[true]") << QByteArray("[\n  true\n]");
}

void TestJsonTree::pretty()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, expected);
    QVERIFY_RESULT(JsonTree::parse(json));
    QCOMPARE(JsonTree::pretty(json), expected);
}

void TestJsonTree::prettyOfParsedIsParsedAgain()
{
    const QByteArray json = R"({"a":[1,2,{"b":[[],{}],"c":"x\ty"}],"d":-0.0e-0})";
    const QByteArray pretty = JsonTree::pretty(json);
    const Result<JsonTree> again = JsonTree::parse(pretty);
    QVERIFY_RESULT(again);
    QCOMPARE(again.value().size(), JsonTree::parse(json).value().size());
    QCOMPARE(QJsonDocument::fromJson(pretty), QJsonDocument::fromJson(json));
    QCOMPARE(JsonTree::pretty(pretty), pretty);
}

void TestJsonTree::deepNesting()
{
    // Would overflow the stack of a recursive parser without a depth limit.
    const QByteArrayList inputs = {QByteArray(100000, '['), QByteArray(100000, '[') + QByteArray(100000, ']'),
                                   QByteArray(100000, '{').replace("{", "{\"a\":")};
    for (const QByteArray &json : inputs) {
        const Result<JsonTree> tree = JsonTree::parse(json);
        QVERIFY(!tree.ok());
        QVERIFY2(tree.error().contains(u"expected at most 512 levels of nesting"_s), qPrintable(tree.error()));
    }
    // Printing does not recurse either (deeper input is not valid for it: the
    // indentation alone would grow with the square of the depth).
    const QByteArray deep = QByteArray(JsonTree::MaxDepth, '[') + QByteArray(JsonTree::MaxDepth, ']');
    const QByteArray pretty = JsonTree::pretty(deep);
    QCOMPARE(pretty.count('\n'), 2 * JsonTree::MaxDepth - 2);
    QVERIFY(pretty.contains(QByteArray(QByteArray(2 * (JsonTree::MaxDepth - 1), ' ') + "[]")));
}

void TestJsonTree::largeDocument()
{
    const QByteArray json = ::largeDocument();
    QElapsedTimer timer;
    timer.start();
    const Result<JsonTree> tree = JsonTree::parse(json);
    const qint64 parseMs = timer.elapsed();
    QVERIFY_RESULT(tree);
    timer.restart();
    const QByteArray pretty = JsonTree::pretty(json);
    const qint64 prettyMs = timer.elapsed();
    qInfo("%.1f MB, %d nodes: parsed in %lld ms, pretty-printed in %lld ms", double(json.size()) / 1e6, tree.value().size(),
          parseMs, prettyMs);

    const int items = find(tree.value(), {u"items"_s});
    const int count = int(tree.value().node(items).children.size());
    QVERIFY(count > 50000);
    QCOMPARE(tree.value().size(), 3 + count * 9);
    const int last = tree.value().node(items).children.last();
    QCOMPARE(tree.value().displayValue(find(tree.value(), {u"items"_s, QString::number(count - 1), u"name"_s})),
             u"item %1 \u00e9t\u00e9"_s.arg(count - 1));
    QCOMPARE(tree.value().path(last), u".items[%1]"_s.arg(count - 1));
    QVERIFY(pretty.size() > json.size());
}

QTEST_APPLESS_MAIN(TestJsonTree)
#include "tst_jsontree.moc"
