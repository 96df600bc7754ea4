// ConnectionsPanel: filtering, CSV/JSON export, the clipboard, and closing a real
// connection through the engine from the table.
#include <QAction>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "checks.h"
#include "connections/connectionspanel.h"
#include "connections/connectiontablemodel.h"
#include "enginehelpers.h"
#include "relay/forwardengine.h"
#include "targetserver.h"
#include "testsocket.h"

using namespace TestSupport;
using Model = ConnectionTableModel;

namespace {

const QDateTime Base(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);

ConnectionInfo connection(quint64 id, RuleId rule, const char *client)
{
    return fakeConnection(id, rule, QLatin1String(client), 443, Base);
}

// Three open connections of two rules, one closed with a reason.
EngineSnapshot sample()
{
    EngineSnapshot s;
    s.time = Base.addSecs(30);
    RuleStats web;
    web.ruleId = 1;
    web.name = QStringLiteral("web, \"prod\"");
    RuleStats db;
    db.ruleId = 2;
    db.name = QStringLiteral("database");
    s.rules = {web, db};
    ConnectionInfo a = connection(1, 1, "10.9.0.1");
    a.bytesUp = 1500;
    a.bytesDown = 123456;
    ConnectionInfo refused = connection(4, 2, "10.0.0.7");
    refused.localAddress = QHostAddress();
    refused.localPort = 0;
    refused.state = ConnectionState::Closed;
    refused.closeReason = CloseReason::TargetRefused;
    refused.closedAt = Base.addSecs(2);
    s.connections = {a, connection(2, 1, "10.0.0.2"), connection(3, 2, "10.0.0.3"), refused};
    return s;
}

QLineEdit *filterOf(ConnectionsPanel &panel)
{
    return panel.findChild<QLineEdit *>(QStringLiteral("connectionFilter"));
}

void selectRows(ConnectionsPanel &panel, const QList<int> &rows)
{
    QAbstractItemModel *proxy = panel.view()->model();
    for (int row : rows)
        panel.view()->selectionModel()->select(proxy->index(row, 0),
                                               QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

} // namespace

class TestConnectionsPanel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void startsInModelOrder();
    void filterNarrowsRows();
    void exportJson();
    void exportCsv();
    void exportErrors();
    void copyRows();
    void closeRealConnection();
    void headerStateRoundTrip();
};

void TestConnectionsPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestConnectionsPanel::startsInModelOrder()
{
    ConnectionsPanel panel(nullptr);
    panel.applySnapshot(sample());
    QCOMPARE(panel.view()->horizontalHeader()->sortIndicatorSection(), -1);
    QAbstractItemModel *proxy = panel.view()->model();
    for (int row = 0; row < proxy->rowCount(); ++row)
        QCOMPARE(proxy->index(row, 0).data(Model::ConnectionIdRole), panel.model()->index(row, 0).data(Model::ConnectionIdRole));
    QCOMPARE(proxy->index(3, 0).data(Model::ConnectionIdRole).toULongLong(), quint64(4));  // closed last

    // Sorting goes through the raw values: by bytes up, descending, connection 1 leads.
    panel.view()->sortByColumn(Model::BytesUp, Qt::DescendingOrder);
    QCOMPARE(proxy->index(0, 0).data(Model::ConnectionIdRole).toULongLong(), quint64(1));
}

void TestConnectionsPanel::filterNarrowsRows()
{
    ConnectionsPanel panel(nullptr);
    panel.applySnapshot(sample());
    QLineEdit *filter = filterOf(panel);
    QVERIFY(filter);
    QAbstractItemModel *proxy = panel.view()->model();
    QCOMPARE(proxy->rowCount(), 4);

    filter->setText(QStringLiteral("DATABASE"));  // rule, case-insensitive
    QCOMPARE(proxy->rowCount(), 2);
    filter->setText(QStringLiteral("10.9.0.1"));  // client address, dots taken literally
    QCOMPARE(proxy->rowCount(), 1);
    filter->setText(QStringLiteral("refused"));  // close reason
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, 0).data(Model::ConnectionIdRole).toULongLong(), quint64(4));
    filter->setText(QStringLiteral("open"));  // state
    QCOMPARE(proxy->rowCount(), 3);
    filter->setText(QStringLiteral("KB"));  // byte counters are not searched
    QCOMPARE(proxy->rowCount(), 0);
    filter->clear();
    QCOMPARE(proxy->rowCount(), 4);
}

void TestConnectionsPanel::exportJson()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ConnectionsPanel panel(nullptr);
    panel.applySnapshot(sample());
    filterOf(panel)->setText(QStringLiteral("database"));  // only the rows shown are exported
    const QString path = dir.filePath(QStringLiteral("connections.json"));
    QCOMPARE(panel.exportTo(path).error(), QString());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(document.isArray());
    const QJsonArray rows = document.array();
    QCOMPARE(rows.size(), 2);

    const QJsonObject open = rows.at(0).toObject();
    QCOMPARE(open.value(QStringLiteral("rule")).toString(), QStringLiteral("database"));
    QCOMPARE(open.value(QStringLiteral("client")).toString(), QStringLiteral("10.0.0.3:40003"));
    QCOMPARE(open.value(QStringLiteral("listen")).toString(), QStringLiteral("127.0.0.1:8080"));
    QCOMPARE(open.value(QStringLiteral("local")).toString(), QStringLiteral("127.0.0.1:50003"));
    QCOMPARE(open.value(QStringLiteral("target")).toString(), QStringLiteral("10.1.2.3:443"));
    QCOMPARE(open.value(QStringLiteral("state")).toString(), toString(ConnectionState::Open));
    QCOMPARE(open.value(QStringLiteral("opened")).toString(), QStringLiteral("2024-05-01T12:00:00.000Z"));
    QVERIFY(open.value(QStringLiteral("closed")).isNull());
    QVERIFY(open.value(QStringLiteral("closeReason")).isNull());
    QVERIFY(open.value(QStringLiteral("durationMs")).isDouble());
    QCOMPARE(open.value(QStringLiteral("durationMs")).toInteger(), 30000);

    const QJsonObject refused = rows.at(1).toObject();
    QCOMPARE(refused.value(QStringLiteral("closeReason")).toString(), toString(CloseReason::TargetRefused));
    QCOMPARE(QDateTime::fromString(refused.value(QStringLiteral("closed")).toString(), Qt::ISODateWithMs), Base.addSecs(2));
    QCOMPARE(refused.value(QStringLiteral("durationMs")).toInteger(), 2000);
    QVERIFY(refused.value(QStringLiteral("local")).isNull());

    filterOf(panel)->setText(QStringLiteral("10.9.0.1"));
    QCOMPARE(panel.exportTo(path).error(), QString());
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject busy = QJsonDocument::fromJson(file.readAll()).array().at(0).toObject();
    QCOMPARE(busy.value(QStringLiteral("bytesUp")).toInteger(), 1500);
    QCOMPARE(busy.value(QStringLiteral("bytesDown")).toInteger(), 123456);
    QCOMPARE(busy.value(QStringLiteral("rule")).toString(), QStringLiteral("web, \"prod\""));
}

void TestConnectionsPanel::exportCsv()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ConnectionsPanel panel(nullptr);
    panel.applySnapshot(sample());
    const QString path = dir.filePath(QStringLiteral("connections.CSV"));
    QCOMPARE(panel.exportTo(path).error(), QString());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QStringList lines = text.split(QStringLiteral("\r\n"));
    QCOMPARE(lines.takeLast(), QString());  // ends with a line break
    QCOMPARE(lines.size(), 5);
    const QStringList header = lines.at(0).split(u',');
    QCOMPARE(header.first(), QStringLiteral("id"));
    QVERIFY(header.contains(QStringLiteral("bytesUp")));
    QVERIFY(header.contains(QStringLiteral("closeReason")));

    // A field with a comma and quotes is quoted, quotes doubled.
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("1,\"web, \"\"prod\"\"\",10.9.0.1:40001,127.0.0.1:8080,")),
             qPrintable(lines.at(1)));
    QVERIFY2(lines.at(1).contains(QStringLiteral(",30000,1500,123456,")), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(4).startsWith(QStringLiteral("4,database,")), qPrintable(lines.at(4)));
    QVERIFY2(lines.at(4).endsWith(u',' + toString(CloseReason::TargetRefused)), qPrintable(lines.at(4)));
}

void TestConnectionsPanel::exportErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ConnectionsPanel panel(nullptr);
    panel.applySnapshot(sample());

    const QString missing = dir.filePath(QStringLiteral("no/such/dir/connections.csv"));
    const Result<void> failed = panel.exportTo(missing);
    QVERIFY(!failed);
    QVERIFY2(failed.error().startsWith(QStringLiteral("cannot write ") + missing), qPrintable(failed.error()));
    QVERIFY(!QFile::exists(missing));

    const Result<void> unknown = panel.exportTo(dir.filePath(QStringLiteral("connections.txt")));
    QVERIFY(!unknown);
    QVERIFY2(unknown.error().contains(QStringLiteral(".csv")), qPrintable(unknown.error()));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("connections.txt"))));
}

void TestConnectionsPanel::copyRows()
{
    ConnectionsPanel panel(nullptr);
    panel.applySnapshot(sample());
    QGuiApplication::clipboard()->clear();
    selectRows(panel, {2, 0});
    panel.copySelected();
    QCOMPARE(QGuiApplication::clipboard()->text(),
             panel.model()->rowText(0) + u'\n' + panel.model()->rowText(2));

    // Ctrl+C on the table does the same.
    QGuiApplication::clipboard()->clear();
    panel.show();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    panel.view()->setFocus();
    QTRY_VERIFY(panel.view()->hasFocus());
    QTest::keyClick(panel.view(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(),
             panel.model()->rowText(0) + u'\n' + panel.model()->rowText(2));
}

void TestConnectionsPanel::closeRealConnection()
{
    TargetServer echo(TargetServer::echo());
    ForwardEngine engine(1);
    engine.setSnapshotInterval(50);
    ConnectionsPanel panel(&engine);
    connect(&engine, &ForwardEngine::snapshotReady, &panel, &ConnectionsPanel::applySnapshot);
    RuleId id = 0;
    QVERIFY(startRule(engine, makeRule(QStringLiteral("to close"), freePort(), echo.port()), &id));

    Socket keep = connectTcp(engine.rule(id).listen.port);
    Socket victim = connectTcp(engine.rule(id).listen.port);
    QVERIFY(echoRoundTrip(keep, QByteArrayLiteral("keep")));
    QVERIFY(echoRoundTrip(victim, QByteArrayLiteral("victim")));
    QTRY_COMPARE(panel.model()->activeCount(), 2);

    filterOf(panel)->setText(QStringLiteral(":%1").arg(victim.localPort()));
    QTRY_COMPARE(panel.view()->model()->rowCount(), 1);
    selectRows(panel, {0});
    panel.closeSelected();

    VERIFY_CLOSED_BY_PEER(recvUntilEof(victim, 5000));
    filterOf(panel)->clear();
    QTRY_COMPARE(panel.model()->activeCount(), 1);
    QCOMPARE(panel.model()->rowCount(), 2);
    const ConnectionInfo &closed = panel.model()->connectionAt(1);
    QCOMPARE(closed.clientPort, victim.localPort());
    COMPARE_NAMED(closed.closeReason, CloseReason::ClosedByUser);
    QCOMPARE(panel.model()->connectionAt(0).clientPort, keep.localPort());
    QVERIFY(echoRoundTrip(keep, QByteArrayLiteral("still here")));

    // Closing a closed row does nothing.
    panel.view()->clearSelection();
    selectRows(panel, {1});
    panel.closeSelected();
    QVERIFY(echoRoundTrip(keep, QByteArrayLiteral("and still")));
}

void TestConnectionsPanel::headerStateRoundTrip()
{
    QByteArray state;
    {
        ConnectionsPanel panel(nullptr);
        panel.view()->setColumnWidth(Model::Client, 321);
        state = panel.saveState();
    }
    ConnectionsPanel panel(nullptr);
    QVERIFY(panel.view()->columnWidth(Model::Client) != 321);
    panel.restoreState(state);
    QCOMPARE(panel.view()->columnWidth(Model::Client), 321);
}

QTEST_MAIN(TestConnectionsPanel)
#include "tst_connectionspanel.moc"
