// Rules made from the cluster in the rules panel: a rule that follows the cluster
// moves by itself when the node IP changes, one that does not is marked and updated
// in one click (against the fake minikube and kubectl), and the "Export as" actions
// write what exportRules() says.
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
#include "cluster/clusterfollower.h"
#include "cluster/clusterreader.h"
#include "export/ruleexport.h"
#include "fakecluster.h"
#include "relay/forwardengine.h"
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

    void followingRuleMovesByItself();
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
    m_panel.reset();
    qunsetenv("PASARELA_FAKE_CLUSTER_ANSWERS");
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

// The node IP changes under a rule that follows the cluster (the default for a rule
// made from it): at its next check the rule moves, says so, and is saved so.
void TestClusterRules::followingRuleMovesByItself()
{
    FakeCluster::Answers answers;
    QVERIFY(answers.isValid());
    const auto answerIp = [&answers](const char *ip) {
        return answers.set({{QStringLiteral("minikube-profile-list.out"), FakeCluster::minikubeProfiles({QString::fromLatin1(ip)})},
                            {QStringLiteral("kubectl-get-services.out"), FakeCluster::webService(30080)}});
    };
    QVERIFY_RESULT(answerIp("127.0.0.2"));
    qputenv("PASARELA_FAKE_CLUSTER_ANSWERS", answers.path().toLocal8Bit());
    const QList<ForwardRule> planned = plannedRules();
    QCOMPARE(planned.size(), 1);
    ForwardRule rule = planned.constFirst();
    QVERIFY(rule.followsCluster());
    rule.clusterCheckS = 1;
    QSignalSpy checked(m_panel->clusterFollower(), &ClusterFollower::checked);
    QSignalSpy moved(m_panel->clusterFollower(), &ClusterFollower::moved);
    QSignalSpy logged(m_panel.get(), &RulesPanel::clusterEvent);
    const RuleId id = add(rule);
    QVERIFY(id);
    QTRY_VERIFY_WITH_TIMEOUT(!checked.isEmpty(), 30000);
    QCOMPARE(moved.size(), 0);
    RuleTableModel *model = m_panel->model();
    const QModelIndex target = model->index(model->rowOf(id), RuleTableModel::Target);
    QCOMPARE(target.data().toString(), QStringLiteral("127.0.0.2:30080"));
    QVERIFY2(target.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Follows the cluster; checked ")),
             qPrintable(target.data(Qt::ToolTipRole).toString()));

    // `minikube stop && minikube start` gave the node another IP: within a check period
    // (1 s here) the rule moves, without a click.
    QVERIFY_RESULT(answerIp("127.0.0.3"));
    QSignalSpy saved(m_controller.get(), &RuleController::saved);
    QTRY_COMPARE_WITH_TIMEOUT(moved.size(), 1, 10000);
    const TargetMove move = moved.at(0).at(0).value<TargetMove>();
    QCOMPARE(move.ruleId, id);
    QVERIFY(move.nodeMoved);
    QVERIFY(!move.portMoved);
    QCOMPARE(int(move.trigger), int(CheckTrigger::Timer));
    const Endpoint now{QStringLiteral("127.0.0.3"), 30080};
    QCOMPARE(m_controller->rule(id).target, now);
    QCOMPARE(target.data().toString(), QStringLiteral("127.0.0.3:30080"));
    QVERIFY(!target.data(Qt::ForegroundRole).isValid());
    QVERIFY(!model->staleTarget(id).has_value());
    QTRY_VERIFY(target.data(Qt::ToolTipRole).toString().contains(QStringLiteral("target current")));
    QCOMPARE(logged.size(), 1);
    const EngineEvent event = logged.at(0).at(0).value<EngineEvent>();
    QCOMPARE(event.ruleId, id);
    QCOMPARE(event.message, QStringLiteral("target 127.0.0.2:30080 → 127.0.0.3:30080 (the node IP changed; regular check)"));
    // "Update target" is for rules that do not follow.
    m_panel->view()->selectRow(model->rowOf(id));
    QVERIFY(!m_panel->clusterActions().constFirst()->isEnabled());

    QVERIFY(!saved.isEmpty());
    RuleStore store(rulesPath());
    const Result<QList<ForwardRule>> onDisk = store.load();
    QVERIFY_RESULT(onDisk);
    QCOMPARE(onDisk.value().constFirst().target, now);
}

void TestClusterRules::staleTargetIsMarkedAndUpdated()
{
    const QList<ForwardRule> planned = plannedRules();
    QVERIFY(!planned.isEmpty());
    ForwardRule rule = planned.constFirst();
    const Endpoint now{QStringLiteral("192.168.49.2"), 31589};
    QCOMPARE(rule.target, now);
    // As it was before `minikube stop/start`: another IP and node port. This rule is
    // moved by hand only.
    rule.target = Endpoint{QStringLiteral("192.168.49.7"), 30080};
    rule.origin.nodePort = 30080;
    rule.followCluster = false;
    QSignalSpy checked(m_panel->clusterFollower(), &ClusterFollower::checked);
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
    QSignalSpy checked(m_panel->clusterFollower(), &ClusterFollower::checked);
    for (const ForwardRule &rule : planned)
        QVERIFY(add(rule));
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 30000);
    QVERIFY(m_panel->clusterFollower()->staleTargets().isEmpty());

    // On demand, through the menu's action, with the same answer.
    QAction *check = m_panel->clusterActions().at(1);
    QVERIFY(check->isEnabled());
    check->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 2, 30000);
    QVERIFY(m_panel->clusterFollower()->staleTargets().isEmpty());
    for (int row = 0; row < m_panel->model()->rowCount(); ++row)
        QVERIFY(!m_panel->model()->index(row, RuleTableModel::Target).data().toString().contains(u'→'));
}

void TestClusterRules::readFailureSaidOnce()
{
    const QList<ForwardRule> planned = plannedRules();
    QVERIFY(!planned.isEmpty());
    qputenv("PASARELA_FAKE_CLUSTER", "stopped");
    QSignalSpy checked(m_panel->clusterFollower(), &ClusterFollower::checked);
    QSignalSpy logged(m_panel.get(), &RulesPanel::clusterEvent);
    const RuleId id = add(planned.constFirst());
    QVERIFY(id);
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 30000);
    QCOMPARE(logged.size(), 1);
    const EngineEvent event = logged.at(0).at(0).value<EngineEvent>();
    QCOMPARE(int(event.level), int(EventLevel::Warning));
    QVERIFY2(event.message.startsWith(QStringLiteral("Cannot read the cluster \"minikube\": the Minikube profile")),
             qPrintable(event.message));
    QVERIFY2(event.message.endsWith(QStringLiteral("Its rules keep their targets.")), qPrintable(event.message));
    const QModelIndex target = m_panel->model()->index(m_panel->model()->rowOf(id), RuleTableModel::Target);
    QVERIFY2(target.data(Qt::ToolTipRole).toString().contains(QStringLiteral("the target stays: the Minikube profile")),
             qPrintable(target.data(Qt::ToolTipRole).toString()));
    m_panel->clusterFollower()->check();
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 2, 30000);
    QCOMPARE(logged.size(), 1);
    QCOMPARE(m_controller->rule(id).target, planned.constFirst().target);

    // Once it runs again, one line says so.
    qputenv("PASARELA_FAKE_CLUSTER", "running");
    m_panel->clusterFollower()->check();
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 3, 30000);
    QCOMPARE(logged.size(), 2);
    QCOMPARE(logged.at(1).at(0).value<EngineEvent>().message, QStringLiteral("The cluster \"minikube\" can be read again"));
    QVERIFY(target.data(Qt::ToolTipRole).toString().contains(QStringLiteral("target current")));
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
