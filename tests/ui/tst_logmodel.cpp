#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QColor>
#include <QFont>
#include <QIcon>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include "format.h"
#include "log/logmodel.h"
#include "log/logpanel.h"

namespace {

const QDateTime t0 = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);

EngineEvent makeEvent(int n, EventLevel level = EventLevel::Info, RuleId rule = 1)
{
    EngineEvent e;
    e.time = t0.addSecs(n);
    e.level = level;
    e.ruleId = rule;
    e.message = QStringLiteral("event %1").arg(n);
    return e;
}

QString cell(const LogModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

} // namespace

class TestLogModel final : public QObject
{
    Q_OBJECT

private slots:
    void eventsAreBatched()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        for (int i = 0; i < 100; ++i)
            model.addEvent(makeEvent(i));
        QCOMPARE(model.rowCount(), 0);  // queued until the flush
        model.flush();
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 99);
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(cell(model, 0, LogModel::Message), QStringLiteral("event 0"));
        QCOMPARE(cell(model, 99, LogModel::Message), QStringLiteral("event 99"));
        model.flush();  // nothing queued: no signal
        QCOMPARE(inserted.count(), 1);
    }

    void timerFlushesOnItsOwn()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.addEvent(makeEvent(1));
        model.addEvent(makeEvent(2));
        model.addEvent(makeEvent(3));
        QCOMPARE(model.rowCount(), 0);
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.count(), 1);
    }

    void limitTrimsOldest()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLimit(10);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        for (int i = 0; i < 8; ++i)
            model.addEvent(makeEvent(i));
        model.flush();
        QCOMPARE(removed.count(), 0);
        for (int i = 8; i < 15; ++i)
            model.addEvent(makeEvent(i));
        model.flush();
        QCOMPARE(removed.count(), 1);  // the 5 oldest in one removal
        QCOMPARE(removed.first().at(1).toInt(), 0);
        QCOMPARE(removed.first().at(2).toInt(), 4);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(cell(model, 0, LogModel::Message), QStringLiteral("event 5"));
        QCOMPARE(cell(model, 9, LogModel::Message), QStringLiteral("event 14"));

        // More queued than the limit: only the newest are kept.
        for (int i = 100; i < 130; ++i)
            model.addEvent(makeEvent(i));
        model.flush();
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(cell(model, 0, LogModel::Message), QStringLiteral("event 120"));

        model.setLimit(4);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(cell(model, 0, LogModel::Message), QStringLiteral("event 126"));
    }

    void clearResets()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.addEvent(makeEvent(1));
        model.flush();
        model.addEvent(makeEvent(2));  // queued: cleared too
        model.clear();
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 0);
        model.flush();
        QCOMPARE(model.rowCount(), 0);
    }

    void textsAndRoles()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addEvent(makeEvent(1, EventLevel::Info, 0));
        model.addEvent(makeEvent(2, EventLevel::Warning, 7));
        model.addEvent(makeEvent(3, EventLevel::Error, 8));
        model.flush();
        QCOMPARE(model.columnCount(), 4);
        QCOMPARE(model.headerData(LogModel::Time, Qt::Horizontal).toString(), tr("Time"));
        QCOMPARE(model.headerData(LogModel::Message, Qt::Horizontal).toString(), tr("Message"));

        QCOMPARE(cell(model, 0, LogModel::Time), Format::localTime(t0.addSecs(1)));
        QCOMPARE(cell(model, 0, LogModel::Time, Qt::ToolTipRole), Format::localDateTime(t0.addSecs(1)));
        QCOMPARE(cell(model, 0, LogModel::Level), tr("Info"));
        QCOMPARE(cell(model, 1, LogModel::Level), tr("Warning"));
        QCOMPARE(cell(model, 2, LogModel::Level), tr("Error"));
        QCOMPARE(model.data(model.index(2, 0), LogModel::LevelRole).toInt(), int(EventLevel::Error));
        for (int row = 0; row < 3; ++row) {
            const QVariant icon = model.data(model.index(row, LogModel::Level), Qt::DecorationRole);
            QVERIFY(!icon.value<QIcon>().isNull());
        }

        QCOMPARE(cell(model, 0, LogModel::Rule), QStringLiteral("-"));
        QCOMPARE(cell(model, 1, LogModel::Rule), tr("rule 7"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setRuleName(7, QStringLiteral("web"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(cell(model, 1, LogModel::Rule), QStringLiteral("web"));

        // Errors stand out: red and bold; warnings orange; info plain.
        const auto colour = [&](int row) {
            return model.data(model.index(row, LogModel::Message), Qt::ForegroundRole).value<QColor>();
        };
        QVERIFY(!model.data(model.index(0, LogModel::Message), Qt::ForegroundRole).isValid());
        QVERIFY(colour(1).red() > colour(1).blue() && colour(1).green() > colour(1).blue());
        QVERIFY(colour(2).red() > 150 && colour(2).green() < 60 && colour(2).blue() < 60);
        QVERIFY(model.data(model.index(2, LogModel::Message), Qt::FontRole).value<QFont>().bold());
        QVERIFY(!model.data(model.index(1, LogModel::Message), Qt::FontRole).value<QFont>().bold());

        const QString expected = Format::localTime(t0.addSecs(2)) % u'\t' % tr("Warning") % QStringLiteral("\tweb\tevent 2\n")
            % Format::localTime(t0.addSecs(3)) % u'\t' % tr("Error") % QStringLiteral("\trule 8\tevent 3");
        QCOMPARE(model.text({1, 2}), expected);
        QCOMPARE(model.text({}), QString());
    }

    void panelCopiesToClipboard()
    {
        LogModel model;
        for (int i = 0; i < 5; ++i)
            model.addEvent(makeEvent(i));
        model.flush();
        LogPanel panel(&model);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(!panel.view()->accessibleName().isEmpty());

        auto *copy = panel.findChild<QPushButton *>(QStringLiteral("logCopyButton"));
        QVERIFY(copy);
        QVERIFY(!copy->toolTip().isEmpty());
        QApplication::clipboard()->clear();
        copy->click();  // nothing selected: all rows
        QCOMPARE(QApplication::clipboard()->text(), model.text({0, 1, 2, 3, 4}));

        panel.view()->selectionModel()->select(model.index(3, 0),
                                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        panel.view()->selectionModel()->select(model.index(1, 0),
                                               QItemSelectionModel::Select | QItemSelectionModel::Rows);
        copy->click();
        QCOMPARE(QApplication::clipboard()->text(), model.text({1, 3}));

        // Ctrl+C in the table copies the rows, not just the current cell.
        panel.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&panel));
        panel.view()->setFocus();
        QApplication::clipboard()->clear();
        QTest::keyClick(panel.view(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), model.text({1, 3}));

        auto *clear = panel.findChild<QPushButton *>(QStringLiteral("logClearButton"));
        QVERIFY(clear);
        clear->click();
        QCOMPARE(model.rowCount(), 0);
    }

    void panelFollowsNewRowsAtTheBottom()
    {
        LogModel model;
        LogPanel panel(&model);
        panel.resize(600, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        for (int i = 0; i < 200; ++i)
            model.addEvent(makeEvent(i));
        model.flush();
        auto *bar = panel.view()->verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), bar->maximum());

        // Scrolled up to read: new rows do not pull the view down.
        bar->setValue(0);
        model.addEvent(makeEvent(500));
        model.flush();
        QCoreApplication::processEvents();
        QCOMPARE(bar->value(), 0);
    }
};

QTEST_MAIN(TestLogModel)
#include "tst_logmodel.moc"
