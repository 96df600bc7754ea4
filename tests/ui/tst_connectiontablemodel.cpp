// ConnectionTableModel: rows follow engine snapshots (active first, then closed,
// newest first), and each snapshot is applied in a few batched signals.
#include <QAbstractItemModelTester>
#include <QColor>
#include <QLabel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include "connections/connectiondetail.h"
#include "connections/connectiontablemodel.h"
#include "enginehelpers.h"
#include "format.h"
#include "relay/forwardengine.h"
#include "targetserver.h"
#include "testsocket.h"

using namespace TestSupport;
using Model = ConnectionTableModel;

namespace {

const QDateTime Base(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);

ConnectionInfo open(quint64 id, RuleId rule = 1)
{
    return fakeConnection(id, rule, QStringLiteral("10.0.0.5"), 80, Base.addSecs(qint64(id)));
}

ConnectionInfo closed(ConnectionInfo c, CloseReason reason, const QDateTime &at)
{
    c.state = ConnectionState::Closed;
    c.closeReason = reason;
    c.closedAt = at;
    return c;
}

EngineSnapshot snapshot(const QDateTime &time, const QList<ConnectionInfo> &connections,
                        const QList<RuleStats> &rules = {})
{
    EngineSnapshot s;
    s.time = time;
    s.connections = connections;
    s.rules = rules;
    return s;
}

RuleStats rule(RuleId id, const QString &name)
{
    RuleStats r;
    r.ruleId = id;
    r.name = name;
    return r;
}

QString cell(const Model &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

quint64 idAt(const Model &model, int row)
{
    return model.index(row, 0).data(Model::ConnectionIdRole).toULongLong();
}

QList<quint64> ids(const Model &model)
{
    QList<quint64> result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(idAt(model, row));
    return result;
}

struct Fixture
{
    Model model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
};

} // namespace

class TestConnectionTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void newConnectionsAppear();
    void countersUpdate();
    void closingMovesToClosedSection();
    void closedBetweenSnapshotsGoesStraightToClosed();
    void closedLimitTrims();
    void clearClosed();
    void ruleNameKeptAfterRuleRemoved();
    void batchedSignals();
    void sortRoleIsNumeric();
    void headersAndRowText();
    void udpSessionSaysUdp();
    void realEngineConnection();
};

void TestConnectionTableModel::newConnectionsAppear()
{
    Fixture f;
    ConnectionInfo connecting = open(2);
    connecting.state = ConnectionState::Connecting;
    connecting.localAddress = QHostAddress();
    connecting.localPort = 0;
    f.model.applySnapshot(snapshot(Base.addSecs(10), {open(1), connecting}, {rule(1, QStringLiteral("web"))}));

    QCOMPARE(f.model.rowCount(), 2);
    QCOMPARE(f.model.activeCount(), 2);
    QCOMPARE(ids(f.model), (QList<quint64>{1, 2}));
    QCOMPARE(cell(f.model, 0, Model::Rule), QStringLiteral("web"));
    QCOMPARE(cell(f.model, 0, Model::Client), QStringLiteral("10.0.0.5:40001"));
    QCOMPARE(cell(f.model, 0, Model::Listen), QStringLiteral("127.0.0.1:8080"));
    QCOMPARE(cell(f.model, 0, Model::Upstream), QStringLiteral("127.0.0.1:50001 → 10.1.2.3:80"));
    QCOMPARE(cell(f.model, 1, Model::Upstream), QStringLiteral("10.1.2.3:80"));
    QCOMPARE(cell(f.model, 0, Model::State), Format::sentence(toString(ConnectionState::Open)));
    QCOMPARE(cell(f.model, 1, Model::State), Format::sentence(toString(ConnectionState::Connecting)));
    QCOMPARE(cell(f.model, 0, Model::Opened), Format::localTime(Base.addSecs(1)));
    QCOMPARE(cell(f.model, 0, Model::Opened, Qt::ToolTipRole), Format::localDateTime(Base.addSecs(1)));
    QCOMPARE(cell(f.model, 0, Model::Duration), Format::duration(9000));
    QCOMPARE(cell(f.model, 0, Model::CloseReason), QString());
    QVERIFY(f.model.index(0, 0).data(Model::ActiveRole).toBool());
    QVERIFY(!f.model.index(0, 0).data(Qt::ForegroundRole).isValid());
    const auto alignment = f.model.index(0, Model::BytesUp).data(Qt::TextAlignmentRole).value<Qt::Alignment>();
    QVERIFY(alignment & Qt::AlignRight);
}

void TestConnectionTableModel::countersUpdate()
{
    Fixture f;
    f.model.applySnapshot(snapshot(Base.addSecs(10), {open(1), open(2)}));
    QSignalSpy changed(&f.model, &Model::dataChanged);
    QSignalSpy inserted(&f.model, &Model::rowsInserted);
    QSignalSpy removed(&f.model, &Model::rowsRemoved);

    ConnectionInfo busy = open(2);
    busy.bytesUp = 1500;
    busy.bytesDown = 2'500'000;
    f.model.applySnapshot(snapshot(Base.addSecs(80), {open(1), busy}));

    QCOMPARE(changed.count(), 1);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), f.model.index(0, 0));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), f.model.index(1, Model::ColumnCount - 1));
    QCOMPARE(cell(f.model, 1, Model::BytesUp), Format::bytes(1500));
    QCOMPARE(cell(f.model, 1, Model::BytesDown), Format::bytes(2'500'000));
    QCOMPARE(cell(f.model, 1, Model::Duration), Format::duration(78'000));
}

void TestConnectionTableModel::closingMovesToClosedSection()
{
    Fixture f;
    f.model.applySnapshot(snapshot(Base.addSecs(10), {open(1), open(2), open(3)}));
    const QDateTime closedAt = Base.addSecs(20);
    f.model.applySnapshot(snapshot(Base.addSecs(21), {open(1), closed(open(2), CloseReason::ClientClosed, closedAt), open(3)}));

    QCOMPARE(ids(f.model), (QList<quint64>{1, 3, 2}));
    QCOMPARE(f.model.activeCount(), 2);
    QCOMPARE(cell(f.model, 2, Model::State), Format::sentence(toString(ConnectionState::Closed)));
    QCOMPARE(cell(f.model, 2, Model::CloseReason), Format::sentence(toString(CloseReason::ClientClosed)));
    QVERIFY(!f.model.index(2, 0).data(Model::ActiveRole).toBool());
    QVERIFY(f.model.index(2, Model::Rule).data(Qt::ForegroundRole).value<QColor>().isValid());
    QVERIFY(!f.model.index(1, Model::Rule).data(Qt::ForegroundRole).isValid());

    // The closed row is kept (and its duration frozen) while the active rows still
    // update by id: the row index map was rebuilt after the removal.
    ConnectionInfo three = open(3);
    three.bytesUp = 77;
    f.model.applySnapshot(snapshot(Base.addSecs(100), {open(1), three}));
    QCOMPARE(ids(f.model), (QList<quint64>{1, 3, 2}));
    QCOMPARE(cell(f.model, 1, Model::BytesUp), Format::bytes(77));
    QCOMPARE(cell(f.model, 2, Model::Duration), Format::duration(18'000));
    QCOMPARE(f.model.connectionAt(2).id, quint64(2));

    // A later closing lands above the earlier one.
    f.model.applySnapshot(snapshot(Base.addSecs(101), {closed(open(1), CloseReason::TargetReset, Base.addSecs(101)), three}));
    QCOMPARE(ids(f.model), (QList<quint64>{3, 1, 2}));
    QCOMPARE(cell(f.model, 1, Model::CloseReason), Format::sentence(toString(CloseReason::TargetReset)));
}

void TestConnectionTableModel::closedBetweenSnapshotsGoesStraightToClosed()
{
    Fixture f;
    f.model.applySnapshot(snapshot(Base.addSecs(10), {open(1)}));
    QSignalSpy inserted(&f.model, &Model::rowsInserted);
    const ConnectionInfo brief = closed(open(7), CloseReason::TargetRefused, Base.addSecs(11));
    f.model.applySnapshot(snapshot(Base.addSecs(12), {open(1), brief}));

    QCOMPARE(ids(f.model), (QList<quint64>{1, 7}));
    QCOMPARE(f.model.activeCount(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 1);
    QCOMPARE(cell(f.model, 1, Model::CloseReason), Format::sentence(toString(CloseReason::TargetRefused)));
}

void TestConnectionTableModel::closedLimitTrims()
{
    Fixture f;
    f.model.setClosedLimit(3);
    QCOMPARE(f.model.closedLimit(), 3);
    f.model.applySnapshot(snapshot(Base, {open(100)}));
    for (quint64 id = 1; id <= 5; ++id)
        f.model.applySnapshot(snapshot(Base.addSecs(qint64(id)), {open(100), closed(open(id), CloseReason::ClientClosed, Base.addSecs(qint64(id)))}));
    QCOMPARE(ids(f.model), (QList<quint64>{100, 5, 4, 3}));

    // More closed in one snapshot than the limit: only the newest are kept.
    QList<ConnectionInfo> many{open(100)};
    for (quint64 id = 10; id < 20; ++id)
        many.append(closed(open(id), CloseReason::ClientClosed, Base.addSecs(qint64(id))));
    f.model.applySnapshot(snapshot(Base.addSecs(30), many));
    QCOMPARE(ids(f.model), (QList<quint64>{100, 19, 18, 17}));

    QSignalSpy removed(&f.model, &Model::rowsRemoved);
    f.model.setClosedLimit(1);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(ids(f.model), (QList<quint64>{100, 19}));
}

void TestConnectionTableModel::clearClosed()
{
    Fixture f;
    f.model.applySnapshot(snapshot(Base, {open(1), open(2), open(3)}));
    f.model.applySnapshot(snapshot(Base.addSecs(1), {open(2), closed(open(1), CloseReason::ClientClosed, Base),
                                                     closed(open(3), CloseReason::IdleTimeout, Base)}));
    QCOMPARE(f.model.rowCount(), 3);

    QSignalSpy removed(&f.model, &Model::rowsRemoved);
    f.model.clearClosed();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(ids(f.model), (QList<quint64>{2}));
    f.model.clearClosed();
    QCOMPARE(removed.count(), 1);
}

void TestConnectionTableModel::ruleNameKeptAfterRuleRemoved()
{
    Fixture f;
    f.model.applySnapshot(snapshot(Base, {open(1, 4)}, {rule(4, QStringLiteral("kube-api"))}));
    QCOMPARE(cell(f.model, 0, Model::Rule), QStringLiteral("kube-api"));
    // The rule is gone; its connection reports closed afterwards.
    f.model.applySnapshot(snapshot(Base.addSecs(1), {closed(open(1, 4), CloseReason::RuleStopped, Base.addSecs(1))}));
    QCOMPARE(cell(f.model, 0, Model::Rule), QStringLiteral("kube-api"));
    QCOMPARE(f.model.ruleName(4), QStringLiteral("kube-api"));
    QVERIFY(!f.model.ruleName(99).isEmpty());
}

void TestConnectionTableModel::batchedSignals()
{
    Fixture f;
    QSignalSpy inserted(&f.model, &Model::rowsInserted);
    QSignalSpy removed(&f.model, &Model::rowsRemoved);
    QSignalSpy changed(&f.model, &Model::dataChanged);

    QList<ConnectionInfo> all;
    for (quint64 id = 1; id <= 500; ++id)
        all.append(open(id));
    f.model.applySnapshot(snapshot(Base.addSecs(600), all));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(f.model.rowCount(), 500);
    QCOMPARE(changed.count(), 0);
    inserted.clear();

    // Three contiguous ranges close (rows 10-19, 100, 200-209), five open, three
    // opened and closed in between.
    QList<ConnectionInfo> next;
    QList<quint64> closing;
    for (const ConnectionInfo &c : std::as_const(all)) {
        const qsizetype row = qsizetype(c.id - 1);
        const bool closes = (row >= 10 && row <= 19) || row == 100 || (row >= 200 && row <= 209);
        if (closes)
            closing.append(c.id);
        next.append(closes ? closed(c, CloseReason::ClientClosed, Base.addSecs(qint64(599 - row))) : c);
    }
    for (quint64 id = 501; id <= 505; ++id)
        next.append(open(id));
    for (quint64 id = 601; id <= 603; ++id)
        next.append(closed(open(id), CloseReason::TargetRefused, Base.addSecs(1)));
    f.model.applySnapshot(snapshot(Base.addSecs(601), next));

    QCOMPARE(removed.count(), 3);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(f.model.activeCount(), 500 - 21 + 5);
    QCOMPARE(f.model.rowCount(), 500 - 21 + 5 + 21 + 3);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 500 - 21 - 1);

    // Active rows keep their opening order, new ones at the end; closed ones newest first.
    const QList<quint64> rows = ids(f.model);
    QList<quint64> expectedActive;
    for (quint64 id = 1; id <= 505; ++id) {
        if (!closing.contains(id))
            expectedActive.append(id);
    }
    QCOMPARE(rows.mid(0, f.model.activeCount()), expectedActive);
    QCOMPARE(rows.at(f.model.activeCount()), quint64(11));  // closed last among the ranges
    QCOMPARE(rows.last(), quint64(603));
}

void TestConnectionTableModel::sortRoleIsNumeric()
{
    Fixture f;
    ConnectionInfo small = open(1);
    small.bytesUp = 9;
    ConnectionInfo big = open(2);
    big.bytesUp = 10;
    f.model.applySnapshot(snapshot(Base.addSecs(5), {big, small}));
    QCOMPARE(f.model.index(0, Model::BytesUp).data(Model::SortRole).toULongLong(), quint64(10));
    QCOMPARE(f.model.index(0, Model::Opened).data(Model::SortRole).toLongLong(), Base.addSecs(2).toMSecsSinceEpoch());
    QCOMPARE(f.model.index(0, Model::Duration).data(Model::SortRole).toLongLong(), qint64(3000));

    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&f.model);
    proxy.setSortRole(Model::SortRole);
    proxy.sort(Model::BytesUp, Qt::AscendingOrder);
    // As text "10 B" sorts before "9 B".
    QCOMPARE(proxy.index(0, 0).data(Model::ConnectionIdRole).toULongLong(), quint64(1));
}

void TestConnectionTableModel::headersAndRowText()
{
    Fixture f;
    QCOMPARE(f.model.headerData(Model::BytesUp, Qt::Horizontal).toString(), QStringLiteral("Up"));
    QVERIFY(!f.model.headerData(Model::BytesUp, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(!f.model.headerData(Model::BytesDown, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());

    f.model.applySnapshot(snapshot(Base.addSecs(3), {open(1)}, {rule(1, QStringLiteral("web"))}));
    const QStringList cells = f.model.rowText(0).split(u'\t');
    QCOMPARE(cells.size(), int(Model::ColumnCount));
    for (int column = 0; column < Model::ColumnCount; ++column)
        QCOMPARE(cells.at(column), cell(f.model, 0, column));
    QCOMPARE(cells.first(), QStringLiteral("web"));
}

// A UDP session is not inspected: the protocol column and the detail line say UDP.
void TestConnectionTableModel::udpSessionSaysUdp()
{
    Fixture f;
    ConnectionInfo udp = open(1);
    udp.transport = Transport::Udp;
    udp.bytesUp = 512;
    f.model.applySnapshot(snapshot(Base.addSecs(3), {udp, open(2)}));
    QCOMPARE(cell(f.model, 0, Model::Protocol), QStringLiteral("UDP"));
    QCOMPARE(cell(f.model, 1, Model::Protocol), QStringLiteral("—"));  // TCP, not inspected
    QCOMPARE(cell(f.model, 0, Model::BytesUp), Format::bytes(512));

    f.model.applySnapshot(snapshot(Base.addSecs(5), {closed(udp, CloseReason::IdleTimeout, Base.addSecs(4))}));
    QCOMPARE(f.model.activeCount(), 0);
    QCOMPARE(cell(f.model, 0, Model::Protocol), QStringLiteral("UDP"));
    QCOMPARE(cell(f.model, 0, Model::CloseReason), Format::sentence(toDisplayString(CloseReason::IdleTimeout)));

    ConnectionDetail detail;
    detail.showConnection(&udp);
    QVERIFY2(detail.line()->text().startsWith(QStringLiteral("UDP")), qPrintable(detail.line()->text()));
}

void TestConnectionTableModel::realEngineConnection()
{
    TargetServer echo(TargetServer::echo());
    ForwardEngine engine(1);
    engine.setSnapshotInterval(50);
    Fixture f;
    connect(&engine, &ForwardEngine::snapshotReady, &f.model, &Model::applySnapshot);
    RuleId id = 0;
    QVERIFY(startRule(engine, makeRule(QStringLiteral("echo rule"), freePort(), echo.port()), &id));

    Socket client = connectTcp(engine.rule(id).listen.port);
    QVERIFY(client.isValid());
    QVERIFY(echoRoundTrip(client, QByteArrayLiteral("hello")));
    QTRY_COMPARE(f.model.activeCount(), 1);
    QCOMPARE(cell(f.model, 0, Model::Rule), QStringLiteral("echo rule"));
    QCOMPARE(cell(f.model, 0, Model::Client), Format::hostPort(QHostAddress::LocalHost, client.localPort()));
    QTRY_COMPARE(f.model.connectionAt(0).bytesUp, quint64(5));

    client.close();
    QTRY_COMPARE(f.model.activeCount(), 0);
    QCOMPARE(f.model.rowCount(), 1);
    QCOMPARE(cell(f.model, 0, Model::State), Format::sentence(toString(ConnectionState::Closed)));
    QCOMPARE(cell(f.model, 0, Model::CloseReason), Format::sentence(toString(CloseReason::ClientClosed)));
    QCOMPARE(cell(f.model, 0, Model::CloseReason), QStringLiteral("Client closed"));
}

QTEST_MAIN(TestConnectionTableModel)
#include "tst_connectiontablemodel.moc"
