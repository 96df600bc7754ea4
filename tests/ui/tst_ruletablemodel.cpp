#include <algorithm>
#include <memory>

#include <QAbstractItemModelTester>
#include <QColor>
#include <QIcon>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "checks.h"
#include "enginehelpers.h"
#include "format.h"
#include "relay/forwardengine.h"
#include "rules/rulecontroller.h"
#include "rules/ruletablemodel.h"
#include "testsocket.h"

using TestSupport::freePort;
using TestSupport::makeRule;

class TestRuleTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showsRules();
    void checkboxStartsAndStops();
    void checkboxReportsFailure();
    void snapshotFillsStats();
    void exposedMarker();
    void portTakenShowsError();
    void removeAndAddRows();

private:
    QString text(int row, int column, int role = Qt::DisplayRole) const
    {
        return m_model->data(m_model->index(row, column), role).toString();
    }
    RuleId add(const ForwardRule &rule);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ForwardEngine> m_engine;
    std::unique_ptr<RuleController> m_controller;
    std::unique_ptr<RuleTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestRuleTableModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestRuleTableModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_engine = std::make_unique<ForwardEngine>(1);
    m_controller = std::make_unique<RuleController>(m_engine.get(), m_dir->filePath(QStringLiteral("rules.json")));
    QVERIFY_RESULT(m_controller->load());
    m_model = std::make_unique<RuleTableModel>(m_controller.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestRuleTableModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_controller.reset();
    m_engine.reset();
    m_dir.reset();
}

RuleId TestRuleTableModel::add(const ForwardRule &rule)
{
    const Result<RuleId> id = m_controller->addRule(rule);
    if (!id)
        qWarning("addRule: %s", qPrintable(id.error()));
    return id ? id.value() : 0;
}

void TestRuleTableModel::showsRules()
{
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->columnCount(), int(RuleTableModel::ColumnCount));

    ForwardRule web = makeRule(QStringLiteral("web"), freePort(), 8080);
    web.enabled = false;
    ForwardRule api = makeRule(QStringLiteral("api"), freePort(), 9090);
    api.enabled = false;
    api.target.host = QStringLiteral("ingress.local");
    const RuleId webId = add(web);
    const RuleId apiId = add(api);
    QVERIFY(webId && apiId);

    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->ruleIdAt(0), webId);
    QCOMPARE(m_model->rowOf(apiId), 1);
    QCOMPARE(m_model->rowOf(12345), -1);
    QCOMPARE(text(0, RuleTableModel::Name), QStringLiteral("web"));
    QCOMPARE(text(0, RuleTableModel::Listen), web.listen.toString());
    QCOMPARE(text(1, RuleTableModel::Target), QStringLiteral("ingress.local:9090"));
    QCOMPARE(text(1, RuleTableModel::State), QStringLiteral("Stopped"));
    QCOMPARE(m_model->data(m_model->index(0, RuleTableModel::Enabled), Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QVERIFY(m_model->flags(m_model->index(0, RuleTableModel::Enabled)).testFlag(Qt::ItemIsUserCheckable));
    QVERIFY(!m_model->flags(m_model->index(0, RuleTableModel::Name)).testFlag(Qt::ItemIsUserCheckable));
    for (int column = 0; column < RuleTableModel::ColumnCount; ++column)
        QCOMPARE(m_model->data(m_model->index(1, column), RuleTableModel::RuleIdRole).toInt(), apiId);

    const int alignment = m_model->data(m_model->index(0, RuleTableModel::BytesIn), Qt::TextAlignmentRole).toInt();
    QVERIFY(alignment & Qt::AlignRight);
    QCOMPARE(m_model->headerData(RuleTableModel::BytesIn, Qt::Horizontal).toString(), QStringLiteral("In"));
    QVERIFY(m_model->headerData(RuleTableModel::BytesIn, Qt::Horizontal, Qt::ToolTipRole).toString().contains(QStringLiteral("client → target")));
    QVERIFY(m_model->headerData(RuleTableModel::BytesOut, Qt::Horizontal, Qt::ToolTipRole).toString().contains(QStringLiteral("target → client")));
}

void TestRuleTableModel::checkboxStartsAndStops()
{
    const RuleId id = add(makeRule(QStringLiteral("toggle"), freePort(), freePort()));
    QVERIFY(id);
    const QModelIndex check = m_model->index(0, RuleTableModel::Enabled);
    QTRY_COMPARE(text(0, RuleTableModel::State), QStringLiteral("Listening"));
    QCOMPARE(m_model->data(check, Qt::CheckStateRole).toInt(), int(Qt::Checked));

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(m_model->setData(check, Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(m_model->data(check, Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QTRY_COMPARE(text(0, RuleTableModel::State), QStringLiteral("Stopped"));
    QVERIFY(m_engine->ruleState(id) == RuleState::Stopped);

    QVERIFY(m_model->setData(check, Qt::Checked, Qt::CheckStateRole));
    QTRY_COMPARE(text(0, RuleTableModel::State), QStringLiteral("Listening"));
    QVERIFY(m_controller->rule(id).enabled);

    // Only the check box is editable.
    QVERIFY(!m_model->setData(m_model->index(0, RuleTableModel::Name), QStringLiteral("x"), Qt::EditRole));
}

void TestRuleTableModel::checkboxReportsFailure()
{
    const quint16 port = freePort();
    QVERIFY(add(makeRule(QStringLiteral("first"), port, 80)));
    ForwardRule second = makeRule(QStringLiteral("second"), port, 81);
    second.enabled = false;
    QVERIFY(add(second));

    // Two enabled rules cannot share a listen address: the controller refuses.
    const QModelIndex check = m_model->index(1, RuleTableModel::Enabled);
    QVERIFY(!m_model->setData(check, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(m_model->data(check, Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QCOMPARE(text(1, RuleTableModel::State), QStringLiteral("Stopped"));
}

void TestRuleTableModel::snapshotFillsStats()
{
    ForwardRule a = makeRule(QStringLiteral("a"), freePort(), 80);
    a.enabled = false;
    ForwardRule b = makeRule(QStringLiteral("b"), freePort(), 81);
    b.enabled = false;
    const RuleId idA = add(a);
    const RuleId idB = add(b);
    QVERIFY(idA && idB);

    RuleStats stats;
    stats.ruleId = idB;
    stats.active = 3;
    stats.total = 42;
    stats.refused = 7;
    stats.failed = 2;
    stats.bytesUp = 1500;
    stats.bytesDown = 2500000;
    stats.rateUp = 1000;
    stats.rateDown = 500;
    EngineSnapshot snapshot;
    snapshot.time = QDateTime::currentDateTimeUtc();
    snapshot.rules = {stats};

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->applySnapshot(snapshot);
    QCOMPARE(changed.size(), 1);
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft, m_model->index(0, RuleTableModel::State));
    QCOMPARE(bottomRight, m_model->index(1, RuleTableModel::Rate));

    QCOMPARE(text(1, RuleTableModel::Active), QStringLiteral("3"));
    QCOMPARE(text(1, RuleTableModel::Total), QStringLiteral("42"));
    QCOMPARE(text(1, RuleTableModel::Refused), QStringLiteral("7"));
    QCOMPARE(text(1, RuleTableModel::BytesIn), QStringLiteral("1.50 KB"));
    QCOMPARE(text(1, RuleTableModel::BytesIn), Format::bytes(1500));
    QCOMPARE(text(1, RuleTableModel::BytesOut), Format::bytes(2500000));
    QCOMPARE(text(1, RuleTableModel::Rate), Format::rate(1500));
    const QString rateTip = text(1, RuleTableModel::Rate, Qt::ToolTipRole);
    QVERIFY2(rateTip.contains(Format::rate(1000)) && rateTip.contains(Format::rate(500)), qPrintable(rateTip));
    QVERIFY(text(1, RuleTableModel::Total, Qt::ToolTipRole).contains(QStringLiteral("2")));

    // A rule missing from the snapshot shows zeros.
    QCOMPARE(text(0, RuleTableModel::Active), QStringLiteral("0"));
    QCOMPARE(text(0, RuleTableModel::BytesIn), Format::bytes(0));

    // The next snapshot replaces the figures.
    stats.active = 0;
    snapshot.rules = {stats};
    m_model->applySnapshot(snapshot);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(text(1, RuleTableModel::Active), QStringLiteral("0"));
}

void TestRuleTableModel::exposedMarker()
{
    ForwardRule local = makeRule(QStringLiteral("local"), freePort(), 80);
    local.enabled = false;
    ForwardRule open = makeRule(QStringLiteral("open"), freePort(), 81);
    open.listen.host = QStringLiteral("0.0.0.0");
    open.enabled = false;
    ForwardRule narrowed = makeRule(QStringLiteral("narrowed"), freePort(), 82);
    narrowed.listen.host = QStringLiteral("::");
    narrowed.allow = {QStringLiteral("10.0.0.0/8"), QStringLiteral("192.168.1.0/24")};
    narrowed.enabled = false;
    QVERIFY(add(local) && add(open) && add(narrowed));

    const auto listen = [this](int row) { return m_model->index(row, RuleTableModel::Listen); };
    QCOMPARE(m_model->data(listen(0), RuleTableModel::ExposedRole).toBool(), false);
    QCOMPARE(m_model->data(listen(1), RuleTableModel::ExposedRole).toBool(), true);
    QCOMPARE(m_model->data(m_model->index(2, RuleTableModel::Name), RuleTableModel::ExposedRole).toBool(), true);

    QCOMPARE(text(0, RuleTableModel::Listen), local.listen.toString());
    QCOMPARE(text(1, RuleTableModel::Listen), open.listen.toString() + QStringLiteral("  (exposed)"));
    QVERIFY(!m_model->data(listen(0), Qt::DecorationRole).isValid());
    QVERIFY(!m_model->data(listen(1), Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!m_model->data(listen(2), Qt::DecorationRole).value<QIcon>().isNull());

    const QString localTip = text(0, RuleTableModel::Listen, Qt::ToolTipRole);
    QVERIFY2(!localTip.contains(QStringLiteral("other machines")), qPrintable(localTip));
    const QString openTip = text(1, RuleTableModel::Listen, Qt::ToolTipRole);
    QVERIFY2(openTip.contains(QStringLiteral("Reachable from other machines on all IPv4 interfaces")), qPrintable(openTip));
    QVERIFY2(openTip.contains(QStringLiteral("Anyone who can reach this address can connect")), qPrintable(openTip));
    const QString narrowedTip = text(2, RuleTableModel::Listen, Qt::ToolTipRole);
    QVERIFY2(narrowedTip.contains(QStringLiteral("all IPv6 interfaces")), qPrintable(narrowedTip));
    QVERIFY2(narrowedTip.contains(QStringLiteral("Only these sources are let in: 10.0.0.0/8, 192.168.1.0/24")), qPrintable(narrowedTip));
}

void TestRuleTableModel::portTakenShowsError()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    const RuleId id = add(makeRule(QStringLiteral("taken"), squatter.serverPort(), 80));
    QVERIFY(id);

    QTRY_VERIFY(text(0, RuleTableModel::State).startsWith(QStringLiteral("Error: ")));
    // The failure arrives from the worker later; the view was told.
    QTRY_VERIFY(std::any_of(changed.cbegin(), changed.cend(), [](const QList<QVariant> &args) {
        const auto topLeft = args.at(0).value<QModelIndex>();
        const auto bottomRight = args.at(1).value<QModelIndex>();
        return topLeft.row() == 0 && topLeft.column() <= RuleTableModel::State && bottomRight.column() >= RuleTableModel::State;
    }));
    const QString state = text(0, RuleTableModel::State);
    QVERIFY2(state.contains(QStringLiteral("address already in use")), qPrintable(state));
    QCOMPARE(text(0, RuleTableModel::State, Qt::ToolTipRole), m_engine->ruleError(id));
    const QColor color = m_model->data(m_model->index(0, RuleTableModel::State), Qt::ForegroundRole).value<QColor>();
    QVERIFY(color.isValid());
    QVERIFY(color.red() > color.green() && color.red() > color.blue());

    // Ticking a failed rule again retries it.
    squatter.close();
    QVERIFY(m_model->setData(m_model->index(0, RuleTableModel::Enabled), Qt::Checked, Qt::CheckStateRole));
    QTRY_COMPARE(text(0, RuleTableModel::State), QStringLiteral("Listening"));
    QVERIFY(!m_model->data(m_model->index(0, RuleTableModel::State), Qt::ForegroundRole).isValid());
}

void TestRuleTableModel::removeAndAddRows()
{
    QList<RuleId> ids;
    for (const char *name : {"one", "two", "three"}) {
        ForwardRule rule = makeRule(QString::fromLatin1(name), freePort(), 80);
        rule.enabled = false;
        ids.append(add(rule));
    }
    QCOMPARE(m_model->rowCount(), 3);

    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    m_controller->removeRule(ids.at(1));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(text(1, RuleTableModel::Name), QStringLiteral("three"));
    QCOMPARE(m_model->rowOf(ids.at(2)), 1);

    // A change to one rule refreshes its row only.
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    ForwardRule renamed = m_controller->rule(ids.at(2));
    renamed.name = QStringLiteral("third");
    QVERIFY_RESULT(m_controller->updateRule(ids.at(2), renamed));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.last().at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(text(1, RuleTableModel::Name), QStringLiteral("third"));

    const Result<RuleId> copy = m_controller->duplicateRule(ids.at(0));
    QVERIFY_RESULT(copy);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->ruleIdAt(2), copy.value());
}

QTEST_MAIN(TestRuleTableModel)
#include "tst_ruletablemodel.moc"
