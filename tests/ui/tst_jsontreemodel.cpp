// The JSON tree model: keys in the order the server sent them, jq paths, copy
// values, and a large document that costs nothing until its rows are looked at.
#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include "http/jsontree.h"
#include "http/jsontreemodel.h"

namespace {

JsonTree parsed(const QByteArray &json)
{
    Result<JsonTree> tree = JsonTree::parse(json);
    if (!tree)
        qWarning("parse failed: %s", qPrintable(tree.error()));
    return tree ? tree.value() : JsonTree();
}

QStringList keysUnder(const JsonTreeModel &model, const QModelIndex &parent)
{
    QStringList keys;
    for (int row = 0; row < model.rowCount(parent); ++row)
        keys.append(model.index(row, JsonTreeModel::Key, parent).data().toString());
    return keys;
}

const QByteArray Sample = R"({"pod":"api-7d9f","items":[{"id":1,"name":"first"},{"id":2,"name":"second","tags":[]}],
"zeta":null,"alpha":true,"count":12.50,"a key":{"b":"x\u00e9"}})";

} // namespace

class TestJsonTreeModel final : public QObject
{
    Q_OBJECT

private slots:
    void passesTheModelTester_data();
    void passesTheModelTester();
    void keepsTheServersOrder();
    void showsValuesTypesAndPaths();
    void scalarRootIsOneRow();
    void longStringsAreShortenedInCells();
    void resetOnNewTree();
    void bigDocumentCountsWithoutBuildingRows();
};

void TestJsonTreeModel::passesTheModelTester_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("sample") << Sample;
    QTest::newRow("scalar") << QByteArray("42");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("empty array") << QByteArray("[]");
    QTest::newRow("nested arrays") << QByteArray("[[1,[2,[3,[4]]]],[],{\"a\":[{}]}]");
}

void TestJsonTreeModel::passesTheModelTester()
{
    QFETCH(QByteArray, json);
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTree(parsed(json));
    QVERIFY(!model.isEmpty());
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    model.setTree(parsed(json));
}

void TestJsonTreeModel::keepsTheServersOrder()
{
    JsonTreeModel model;
    model.setTree(parsed(Sample));
    QCOMPARE(keysUnder(model, {}),
             QStringList({QStringLiteral("pod"), QStringLiteral("items"), QStringLiteral("zeta"),
                          QStringLiteral("alpha"), QStringLiteral("count"), QStringLiteral("a key")}));
    const QModelIndex items = model.index(1, JsonTreeModel::Key);
    QCOMPARE(keysUnder(model, items), QStringList({QStringLiteral("[0]"), QStringLiteral("[1]")}));
    QCOMPARE(keysUnder(model, model.index(1, 0, items)),
             QStringList({QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("tags")}));
    // Only the first column has children, as views expect.
    QCOMPARE(model.rowCount(model.index(1, JsonTreeModel::Value)), 0);
}

void TestJsonTreeModel::showsValuesTypesAndPaths()
{
    JsonTreeModel model;
    model.setTree(parsed(Sample));
    const QModelIndex items = model.index(1, JsonTreeModel::Key);
    QCOMPARE(model.index(1, JsonTreeModel::Value).data().toString(), QStringLiteral("[2 items]"));
    QCOMPARE(model.index(1, JsonTreeModel::Type).data().toString(), QStringLiteral("array"));
    QCOMPARE(model.index(0, JsonTreeModel::Value).data().toString(), QStringLiteral("api-7d9f"));
    QCOMPARE(model.index(2, JsonTreeModel::Type).data().toString(), QStringLiteral("null"));
    QCOMPARE(model.index(3, JsonTreeModel::Type).data().toString(), QStringLiteral("boolean"));
    // Numbers as written, not as a double prints them.
    QCOMPARE(model.index(4, JsonTreeModel::Value).data().toString(), QStringLiteral("12.50"));

    const QModelIndex second = model.index(1, JsonTreeModel::Key, items);
    const QModelIndex name = model.index(1, JsonTreeModel::Key, second);
    QCOMPARE(name.data(JsonTreeModel::PathRole).toString(), QStringLiteral(".items[1].name"));
    QCOMPARE(name.data(JsonTreeModel::CopyValueRole).toString(), QStringLiteral("second"));
    QCOMPARE(model.parent(name), second);
    QCOMPARE(model.parent(second), items);
    QCOMPARE(model.parent(items), QModelIndex());

    const QModelIndex keyWithSpace = model.index(5, JsonTreeModel::Key);
    const QModelIndex b = model.index(0, JsonTreeModel::Value, keyWithSpace);
    QCOMPARE(b.data(JsonTreeModel::PathRole).toString(), QStringLiteral(".[\"a key\"].b"));
    QCOMPARE(b.data().toString(), QString(QStringLiteral("x") + QChar(0xe9)));
    QCOMPARE(model.index(0, JsonTreeModel::Key, second).data(JsonTreeModel::CopyValueRole).toString(), QStringLiteral("2"));

    // Node ids and indexes map both ways.
    const int id = model.nodeId(name);
    QVERIFY(id > 0);
    QCOMPARE(model.indexOfNode(id), name);
}

void TestJsonTreeModel::scalarRootIsOneRow()
{
    JsonTreeModel model;
    model.setTree(parsed("\"just text\""));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, JsonTreeModel::Key).data().toString(), QStringLiteral("."));
    QCOMPARE(model.index(0, JsonTreeModel::Value).data().toString(), QStringLiteral("just text"));
    QCOMPARE(model.index(0, JsonTreeModel::Key).data(JsonTreeModel::PathRole).toString(), QStringLiteral("."));
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    QVERIFY(!model.index(1, 0).isValid());
}

void TestJsonTreeModel::longStringsAreShortenedInCells()
{
    const QString text(100000, u'x');
    JsonTreeModel model;
    model.setTree(parsed("{\"long\":\"" + text.toLatin1() + "\"}"));
    const QModelIndex value = model.index(0, JsonTreeModel::Value);
    QVERIFY(value.data().toString().size() < 400);
    QVERIFY(value.data().toString().endsWith(QChar(0x2026)));
    QCOMPARE(value.data(JsonTreeModel::CopyValueRole).toString(), text);
}

void TestJsonTreeModel::resetOnNewTree()
{
    JsonTreeModel model;
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setTree(parsed("[1,2,3]"));
    QCOMPARE(model.rowCount(), 3);
    model.setTree(parsed("{\"a\":1}"));
    QCOMPARE(model.rowCount(), 1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.isEmpty());
    QCOMPARE(reset.count(), 3);
}

void TestJsonTreeModel::bigDocumentCountsWithoutBuildingRows()
{
    constexpr int Items = 250000;
    QByteArray json = "{\"total\":250000,\"items\":[";
    for (int i = 0; i < Items; ++i) {
        if (i)
            json += ',';
        json += "{\"id\":" + QByteArray::number(i) + ",\"name\":\"item " + QByteArray::number(i) + "\"}";
    }
    json += "]}";
    const JsonTree tree = parsed(json);
    QCOMPARE(tree.size(), 1 + 1 + 1 + Items * 3);

    JsonTreeModel model;
    QElapsedTimer clock;
    clock.start();
    model.setTree(tree);
    const QModelIndex items = model.index(1, JsonTreeModel::Key);
    QCOMPARE(model.rowCount(items), Items);
    const QModelIndex last = model.index(Items - 1, JsonTreeModel::Key, items);
    QCOMPARE(last.data().toString(), QStringLiteral("[249999]"));
    QCOMPARE(model.rowCount(last), 2);
    const QModelIndex name = model.index(1, JsonTreeModel::Value, last);
    QCOMPARE(name.data().toString(), QStringLiteral("item 249999"));
    QCOMPARE(name.data(JsonTreeModel::PathRole).toString(), QStringLiteral(".items[249999].name"));
    QCOMPARE(model.parent(name), last);
    QCOMPARE(model.parent(last).row(), 1);
    // Nothing is built per row: this is a handful of lookups, not a walk.
    const qint64 ms = clock.elapsed();
    qInfo("model over %d nodes ready and queried in %lld ms", tree.size(), ms);
    QVERIFY2(ms < 500, qPrintable(QStringLiteral("took %1 ms").arg(ms)));
}

QTEST_MAIN(TestJsonTreeModel)
#include "tst_jsontreemodel.moc"
