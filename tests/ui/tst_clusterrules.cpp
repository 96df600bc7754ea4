// Rules made from the cluster in the rules panel: a target left stale by
// `minikube stop/start` is marked and updated in one click (against the fake
// minikube and kubectl), and the "Export as" actions write what exportRules() says.
#include <memory>

#include <QAction>
#include <QColor>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "checks.h"
#include "cluster/clusterreader.h"
#include "export/ruleexport.h"
#include "fakecluster.h"
#include "relay/forwardengine.h"
#include "rules/clustercheck.h"
#include "rules/rulecontroller.h"
#include "rules/rulespanel.h"
#include "rules/rulestore.h"
#include "rules/ruletablemodel.h"
#include "testsocket.h"

class TestClusterRules final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void staleTargetIsMarkedAndUpdated();
    void rightTargetIsNotMarked();
    void readFailureSaidOnce();
    void exportWritesTheSameBytes_data();
    void exportWritesTheSameBytes();
    void exportSelectedRuleOnly();
    void exportFailureIsReported();

private:
    // The rules planned from the "running" fake, stopped, or listening on free loopback ports.
    QList<ForwardRule> plannedRules(bool enabled = false) const;
    RuleId add(const ForwardRule &rule);
    QString rulesPath() const { return m_dir->filePath(QStringLiteral("rules.json")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ForwardEngine> m_engine;
    std::unique_ptr<RuleController> m_controller;
    std::unique_ptr<RulesPanel> m_panel;
};

void TestClusterRules::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("PATH", FakeCluster::path().toLocal8Bit());
    qputenv("PASARELA_FAKE_CLUSTER_DIR", FakeCluster::dir().toLocal8Bit());
}

void TestClusterRules::init()
{
    qputenv("PASARELA_FAKE_CLUSTER", "running");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_engine = std::make_unique<ForwardEngine>(1);
    m_controller = std::make_unique<RuleController>(m_engine.get(), rulesPath());
    QVERIFY_RESULT(m_controller->load());
    m_panel = std::make_unique<RulesPanel>(m_controller.get());
}

void TestClusterRules::cleanup()
{
    // A read still running would outlive the panel; let it end first.
    QTRY_VERIFY_WITH_TIMEOUT(!m_panel->clusterCheck()->isRunning(), 30000);
    m_panel.reset();
    m_controller.reset();
    m_engine.reset();
    m_dir.reset();
}

QList<ForwardRule> TestClusterRules::plannedRules(bool enabled) const
{
    const Result<ClusterInfo> info = readCluster();
    if (!info) {
        qWarning("readCluster: %s", qPrintable(info.error()));
        return {};
    }
    QList<ForwardRule> rules = planRules(info.value(), QStringLiteral("127.0.0.1"));
    for (ForwardRule &rule : rules) {
        rule.enabled = enabled;
        if (enabled)
            rule.listen.port = TestSupport::freePort();
    }
    return rules;
}

RuleId TestClusterRules::add(const ForwardRule &rule)
{
    const Result<RuleId> id = m_controller->addRule(rule);
    if (!id)
        qWarning("addRule: %s", qPrintable(id.error()));
    return id ? id.value() : 0;
}

void TestClusterRules::staleTargetIsMarkedAndUpdated()
{
    const QList<ForwardRule> planned = plannedRules();
    QVERIFY(!planned.isEmpty());
    ForwardRule rule = planned.constFirst();
    const Endpoint now{QStringLiteral("192.168.49.2"), 31589};
    QCOMPARE(rule.target, now);
    // As it was before `minikube stop/start`: another IP and node port.
    rule.target = Endpoint{QStringLiteral("192.168.49.7"), 30080};
    rule.origin.nodePort = 30080;
    QSignalSpy checked(m_panel->clusterCheck(), &ClusterCheck::checked);
    const RuleId id = add(rule);
    QVERIFY(id);

    // The first rule with an origin is checked at once, off the GUI thread.
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 30000);
    RuleTableModel *model = m_panel->model();
    QVERIFY(model->staleTarget(id).has_value());
    const QModelIndex target = model->index(model->rowOf(id), RuleTableModel::Target);
    QCOMPARE(target.data().toString(), QStringLiteral("192.168.49.7:30080 → 192.168.49.2:31589"));
    QVERIFY(target.data(Qt::ForegroundRole).value<QColor>().isValid());
    QVERIFY2(target.data(Qt::ToolTipRole).toString().contains(QStringLiteral("answers at 192.168.49.2:31589")),
             qPrintable(target.data(Qt::ToolTipRole).toString()));

    QAction *update = m_panel->clusterActions().constFirst();
    QVERIFY(!update->isEnabled());
    m_panel->view()->selectRow(model->rowOf(id));
    QVERIFY(update->isEnabled());
    QSignalSpy saved(m_controller.get(), &RuleController::saved);
    update->trigger();

    QCOMPARE(m_controller->rule(id).target, now);
    QCOMPARE(m_controller->rule(id).origin.nodePort, quint16(31589));
    QVERIFY(!model->staleTarget(id).has_value());
    QCOMPARE(target.data().toString(), QStringLiteral("192.168.49.2:31589"));
    QVERIFY(!target.data(Qt::ForegroundRole).isValid());
    QVERIFY(!update->isEnabled());
    QCOMPARE(saved.size(), 1);

    RuleStore store(rulesPath());
    const Result<QList<ForwardRule>> onDisk = store.load();
    QVERIFY_RESULT(onDisk);
    QCOMPARE(onDisk.value().size(), 1);
    QCOMPARE(onDisk.value().constFirst().target, now);
    QCOMPARE(onDisk.value().constFirst().origin, m_controller->rule(id).origin);
}

void TestClusterRules::rightTargetIsNotMarked()
{
    const QList<ForwardRule> planned = plannedRules();
    QVERIFY(planned.size() >= 2);
    QSignalSpy checked(m_panel->clusterCheck(), &ClusterCheck::checked);
    for (const ForwardRule &rule : planned)
        QVERIFY(add(rule));
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 30000);
    QVERIFY(m_panel->clusterCheck()->staleTargets().isEmpty());

    // On demand, through the menu's action, with the same answer.
    QAction *check = m_panel->clusterActions().at(1);
    QVERIFY(check->isEnabled());
    check->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 2, 30000);
    using StaleTargets = QHash<RuleId, StaleTarget>;
    QVERIFY(checked.at(1).at(0).value<StaleTargets>().isEmpty());
    for (int row = 0; row < m_panel->model()->rowCount(); ++row)
        QVERIFY(!m_panel->model()->index(row, RuleTableModel::Target).data().toString().contains(u'→'));
}

void TestClusterRules::readFailureSaidOnce()
{
    const QList<ForwardRule> planned = plannedRules();
    QVERIFY(!planned.isEmpty());
    qputenv("PASARELA_FAKE_CLUSTER", "stopped");
    QSignalSpy checked(m_panel->clusterCheck(), &ClusterCheck::checked);
    QSignalSpy failed(m_panel.get(), &RulesPanel::failed);
    QVERIFY(add(planned.constFirst()));
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 30000);
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed.at(0).at(0).toString().startsWith(QStringLiteral("The cluster targets could not be checked")),
             qPrintable(failed.at(0).at(0).toString()));
    m_panel->clusterCheck()->check();
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 2, 30000);
    QCOMPARE(failed.size(), 1);
}

void TestClusterRules::exportWritesTheSameBytes_data()
{
    QTest::addColumn<int>("format");
    for (const QString &name : exportFormatNames())
        QTest::newRow(qPrintable(name)) << int(*exportFormatFromName(name));
}

void TestClusterRules::exportWritesTheSameBytes()
{
    QFETCH(int, format);
    const QList<ForwardRule> planned = plannedRules(true);
    QVERIFY(!planned.isEmpty());
    for (const ForwardRule &rule : planned)
        QVERIFY(add(rule));
    QString suggested;
    const QString path = m_dir->filePath(QStringLiteral("export.out"));
    m_panel->setExportPathChooser([&](const QString &name) {
        suggested = name;
        return path;
    });
    QSignalSpy failed(m_panel.get(), &RulesPanel::failed);
    const QList<QAction *> actions = m_panel->exportActions();
    QCOMPARE(actions.size(), exportFormatNames().size());
    actions.at(format)->trigger();
    QCOMPARE(failed.size(), 0);

    ExportOptions options;
    options.rulesPath = QFileInfo(rulesPath()).absoluteFilePath();
    const Result<QString> expected = exportRules(m_controller->rules(), ExportFormat(format), options);
    QVERIFY_RESULT(expected);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), expected.value().toUtf8());
    QVERIFY2(QFileInfo(suggested).fileName().startsWith(QStringLiteral("pasarela")), qPrintable(suggested));
}

void TestClusterRules::exportSelectedRuleOnly()
{
    const QList<ForwardRule> planned = plannedRules(true);
    QVERIFY(planned.size() >= 2);
    for (const ForwardRule &rule : planned)
        QVERIFY(add(rule));
    m_panel->view()->selectRow(1);
    const QString path = m_dir->filePath(QStringLiteral("socat.sh"));
    QVERIFY(m_panel->exportRulesTo(ExportFormat::Socat, path));
    ExportOptions options;
    options.rulesPath = QFileInfo(rulesPath()).absoluteFilePath();
    const Result<QString> expected = exportRules({m_controller->rules().at(1)}, ExportFormat::Socat, options);
    QVERIFY_RESULT(expected);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), expected.value().toUtf8());
}

void TestClusterRules::exportFailureIsReported()
{
    const QList<ForwardRule> planned = plannedRules(true);
    QVERIFY(!planned.isEmpty());
    QVERIFY(add(planned.constFirst()));
    QSignalSpy failed(m_panel.get(), &RulesPanel::failed);
    const QString path = m_dir->filePath(QStringLiteral("no/such/folder/pasarela-nginx.conf"));
    QVERIFY(!m_panel->exportRulesTo(ExportFormat::Nginx, path));
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed.at(0).at(0).toString().contains(path), qPrintable(failed.at(0).at(0).toString()));
    QVERIFY(!QFileInfo::exists(path));
}

QTEST_MAIN(TestClusterRules)
#include "tst_clusterrules.moc"
