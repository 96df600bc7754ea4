// The "Expose cluster" dialog against the fake minikube and kubectl: it reads
// off the GUI thread, shows the planned rules and creates the ticked ones.
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

#include "checks.h"
#include "cluster/clusterreader.h"
#include "cluster/exposedialog.h"
#include "fakecluster.h"
#include "relay/forwardengine.h"
#include "rules/rulecontroller.h"

class TestExposeDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void showsPlannedRules();
    void createsTickedRules();
    void reportsClashKeepsOthers();
    void stoppedClusterShowsReason();

private:
    std::unique_ptr<ExposeDialog> openDialog();
    static bool waitForRead(ExposeDialog &dialog);
    // Free loopback ports in the spin boxes, so the created rules can listen.
    static void useFreePorts(ExposeDialog &dialog);
    static QSpinBox *portBox(ExposeDialog &dialog, int row);

    QByteArray m_path;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ForwardEngine> m_engine;
    std::unique_ptr<RuleController> m_controller;
};

void TestExposeDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_path = FakeCluster::path().toLocal8Bit();
    qputenv("PASARELA_FAKE_CLUSTER_DIR", FakeCluster::dir().toLocal8Bit());
}

void TestExposeDialog::init()
{
    qputenv("PATH", m_path);
    qputenv("PASARELA_FAKE_CLUSTER", "running");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_engine = std::make_unique<ForwardEngine>(1);
    m_controller = std::make_unique<RuleController>(m_engine.get(), m_dir->filePath(QStringLiteral("rules.json")));
    QVERIFY_RESULT(m_controller->load());
}

void TestExposeDialog::cleanup()
{
    m_controller.reset();
    m_engine.reset();
    m_dir.reset();
}

std::unique_ptr<ExposeDialog> TestExposeDialog::openDialog()
{
    return std::make_unique<ExposeDialog>(m_controller.get());
}

// The read's result arrives through the event loop, so a spy made now still sees it.
bool TestExposeDialog::waitForRead(ExposeDialog &dialog)
{
    QSignalSpy finished(&dialog, &ExposeDialog::readFinished);
    return QTest::qWaitFor([&] { return finished.size() == 1; }, 30000);
}

QSpinBox *TestExposeDialog::portBox(ExposeDialog &dialog, int row)
{
    return qobject_cast<QSpinBox *>(dialog.table()->cellWidget(row, ExposeDialog::ListenPortColumn));
}

void TestExposeDialog::useFreePorts(ExposeDialog &dialog)
{
    std::vector<std::unique_ptr<QTcpServer>> servers;
    for (int row = 0; row < dialog.table()->rowCount(); ++row) {
        servers.push_back(std::make_unique<QTcpServer>());
        QVERIFY(servers.back()->listen(QHostAddress::LocalHost, 0));
        portBox(dialog, row)->setValue(servers.back()->serverPort());
    }
}

void TestExposeDialog::showsPlannedRules()
{
    const Result<ClusterInfo> info = readCluster();
    QVERIFY_RESULT(info);
    const QList<ForwardRule> planned = planRules(info.value(), QStringLiteral("127.0.0.1"));
    QVERIFY(planned.size() >= 3);

    const auto dialog = openDialog();
    QVERIFY(waitForRead(*dialog));
    QVERIFY(dialog->messageLabel()->isHidden());
    QTableWidget *table = dialog->table();
    QCOMPARE(table->rowCount(), planned.size());
    for (int row = 0; row < table->rowCount(); ++row) {
        QCOMPARE(table->item(row, ExposeDialog::NameColumn)->text(), planned.at(row).name);
        QCOMPARE(table->item(row, ExposeDialog::NameColumn)->checkState(), Qt::Checked);
        QCOMPARE(portBox(*dialog, row)->value(), int(planned.at(row).listen.port));
        QCOMPARE(table->item(row, ExposeDialog::TargetColumn)->text(), planned.at(row).target.toString());
    }
    QCOMPARE(table->item(0, ExposeDialog::NameColumn)->text(), QStringLiteral("ingress http"));
    QCOMPARE(portBox(*dialog, 0)->value(), int(IngressHttpListenPort));
    QCOMPARE(table->item(0, ExposeDialog::TargetColumn)->text(), QStringLiteral("192.168.49.2:31589"));
    QCOMPARE(table->item(0, ExposeDialog::ExposesColumn)->text(),
             QStringLiteral("ingress-nginx/ingress-nginx-controller http (80)"));
    QVERIFY(dialog->createButton()->isEnabled());
    // The context read and the other Minikube profile, to read instead.
    QCOMPARE(dialog->contextCombo()->currentText(), QStringLiteral("minikube"));
    QCOMPARE(dialog->contextCombo()->count(), 2);
    QVERIFY(dialog->addressCombo()->findText(QStringLiteral("0.0.0.0")) >= 0);
    QVERIFY(dialog->addressCombo()->findText(QStringLiteral("127.0.0.1")) >= 0);
}

void TestExposeDialog::createsTickedRules()
{
    const auto dialog = openDialog();
    QVERIFY(waitForRead(*dialog));
    QTableWidget *table = dialog->table();
    const int rows = table->rowCount();
    QVERIFY(rows >= 3);
    useFreePorts(*dialog);
    dialog->addressCombo()->setCurrentText(QStringLiteral("127.0.0.1"));
    table->item(rows - 1, ExposeDialog::NameColumn)->setCheckState(Qt::Unchecked);

    dialog->createButton()->click();

    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QCOMPARE(dialog->createdCount(), rows - 1);
    const QList<ForwardRule> rules = m_controller->rules();
    QCOMPARE(rules.size(), rows - 1);
    for (int row = 0; row < rows - 1; ++row) {
        QCOMPARE(rules.at(row).name, table->item(row, ExposeDialog::NameColumn)->text());
        QCOMPARE(rules.at(row).listen, (Endpoint{QStringLiteral("127.0.0.1"), quint16(portBox(*dialog, row)->value())}));
        QCOMPARE(rules.at(row).target.toString(), table->item(row, ExposeDialog::TargetColumn)->text());
        QVERIFY(!rules.at(row).origin.isEmpty());
        QCOMPARE(rules.at(row).origin.context, QStringLiteral("minikube"));
    }
    QCOMPARE(rules.constFirst().origin.service, QStringLiteral("ingress-nginx-controller"));
    QCOMPARE(rules.constFirst().origin.portName, QStringLiteral("http"));

    // The Ingresses' requests go through the port the ingress rules got.
    const QList<RequestCollection> requests = dialog->requests();
    QVERIFY(!requests.isEmpty());
    QCOMPARE(requests.constFirst().name, QStringLiteral("shop"));
    const HttpRequest &first = requests.constFirst().requests.constFirst();
    QCOMPARE(first.header(QStringLiteral("Host")), QStringLiteral("shop.local"));
    const QUrl url(first.url);
    QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
    const QList<int> ingressPorts{portBox(*dialog, 0)->value(), portBox(*dialog, 1)->value()};
    QVERIFY2(ingressPorts.contains(url.port()), qPrintable(first.url));
}

void TestExposeDialog::reportsClashKeepsOthers()
{
    const auto dialog = openDialog();
    QVERIFY(waitForRead(*dialog));
    const int rows = dialog->table()->rowCount();
    useFreePorts(*dialog);
    dialog->addressCombo()->setCurrentText(QStringLiteral("127.0.0.1"));
    ForwardRule taken;
    taken.name = QStringLiteral("taken");
    taken.listen = Endpoint{QStringLiteral("127.0.0.1"), quint16(portBox(*dialog, 0)->value())};
    taken.target = Endpoint{QStringLiteral("127.0.0.1"), 9};
    QVERIFY_RESULT(m_controller->addRule(taken));

    dialog->createButton()->click();

    QVERIFY(dialog->result() != int(QDialog::Accepted));
    QCOMPARE(dialog->createdCount(), rows - 1);
    QCOMPARE(m_controller->rules().size(), rows);
    QVERIFY(dialog->messageLabel()->isVisibleTo(dialog.get()));
    QVERIFY2(dialog->messageLabel()->text().contains(QStringLiteral("ingress http")), qPrintable(dialog->messageLabel()->text()));
    // The one not created can be tried again on another port; the others are done.
    QCOMPARE(dialog->table()->item(0, ExposeDialog::NameColumn)->checkState(), Qt::Checked);
    QCOMPARE(dialog->table()->item(1, ExposeDialog::NameColumn)->checkState(), Qt::Unchecked);
    QVERIFY(dialog->createButton()->isEnabled());
}

void TestExposeDialog::stoppedClusterShowsReason()
{
    qputenv("PASARELA_FAKE_CLUSTER", "stopped");
    const auto dialog = openDialog();
    QVERIFY(waitForRead(*dialog));
    QVERIFY(dialog->messageLabel()->isVisibleTo(dialog.get()));
    QVERIFY2(dialog->messageLabel()->text().contains(QStringLiteral("the Minikube profile \"minikube\" is stopped")),
             qPrintable(dialog->messageLabel()->text()));
    QCOMPARE(dialog->table()->rowCount(), 0);
    QVERIFY(!dialog->createButton()->isEnabled());
    dialog->createRules();
    QVERIFY(m_controller->rules().isEmpty());
    QVERIFY(dialog->requests().isEmpty());

    // Once the cluster runs, Retry reads it.
    qputenv("PASARELA_FAKE_CLUSTER", "running");
    QVERIFY(dialog->retryButton()->isEnabled());
    dialog->retryButton()->click();
    QVERIFY(!dialog->retryButton()->isEnabled());
    QVERIFY(waitForRead(*dialog));
    QVERIFY(dialog->table()->rowCount() >= 3);
    QVERIFY(dialog->messageLabel()->isHidden());
}

QTEST_MAIN(TestExposeDialog)
#include "tst_exposedialog.moc"
