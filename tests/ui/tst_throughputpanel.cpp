#include <QComboBox>
#include <QGraphicsView>
#include <QImage>
#include <QLabel>
#include <QTest>

#include "charts/throughputpanel.h"

namespace {

const QDateTime t0 = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);

// Snapshots every 250 ms for the given seconds; rule 1 moves 1 KB/s up and 3 KB/s
// down, rule 2 20 MB/s up.
QList<EngineSnapshot> traffic(int seconds)
{
    QList<EngineSnapshot> snapshots;
    for (int tick = 0; tick <= seconds * 4; ++tick) {
        EngineSnapshot s;
        s.time = t0.addMSecs(tick * 250);
        RuleStats one;
        one.ruleId = 1;
        one.name = QStringLiteral("web");
        one.bytesUp = quint64(tick) * 250;
        one.bytesDown = quint64(tick) * 750;
        one.active = 2;
        RuleStats two;
        two.ruleId = 2;
        two.name = QStringLiteral("db");
        two.bytesUp = quint64(tick) * 5'000'000;
        two.active = quint64(tick % 5);
        s.rules = {one, two};
        snapshots.append(s);
    }
    return snapshots;
}

int samplesWithin(const QList<RateHistory::Sample> &samples, int windowSeconds)
{
    const qint64 endMs = samples.last().timeMs;
    int count = 0;
    for (const auto &sample : samples)
        count += sample.timeMs > endMs - qint64(windowSeconds) * 1000 ? 1 : 0;
    return count;
}

// Pixels of the image that differ from its corner: a blank chart has none.
int pixelsUnlikeCorner(const QImage &image)
{
    const QRgb corner = image.pixel(0, 0);
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += image.pixel(x, y) != corner ? 1 : 0;
    return count;
}

} // namespace

class TestThroughputPanel final : public QObject
{
    Q_OBJECT

private slots:
    void plotsTheWindow()
    {
        ThroughputPanel panel;
        for (const EngineSnapshot &s : traffic(70))
            panel.applySnapshot(s);
        const auto total = panel.history().samples();
        QCOMPARE(total.size(), 70);

        panel.resize(1280, 800);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.windowSeconds(), 60);
        panel.redraw();
        const int in60 = samplesWithin(total, 60);
        QCOMPARE(in60, 60);
        QCOMPARE(panel.plottedPoints(), in60);

        panel.setWindowSeconds(300);
        QCOMPARE(panel.windowSeconds(), 300);
        panel.redraw();
        QCOMPARE(panel.plottedPoints(), 70);
        QVERIFY(panel.plottedPoints() > in60);

        // The combo is what the user changes.
        auto *combo = panel.findChild<QComboBox *>();
        QVERIFY(combo);
        QVERIFY(!combo->toolTip().isEmpty());
        combo->setCurrentIndex(0);
        QCOMPARE(panel.windowSeconds(), 60);
        panel.redraw();
        QCOMPARE(panel.plottedPoints(), in60);
    }

    void seriesNeverExceedTheWindow()
    {
        ThroughputPanel panel;
        for (const EngineSnapshot &s : traffic(200))
            panel.applySnapshot(s);
        panel.setWindowSeconds(60);
        panel.redraw();
        QCOMPARE(panel.plottedPoints(), 60);
    }

    void ruleSelection()
    {
        ThroughputPanel panel;
        // Rule 3 only in the first 20 s: its samples are older than the total's.
        QList<EngineSnapshot> snapshots = traffic(70);
        for (int i = 0; i <= 80; ++i) {
            RuleStats three;
            three.ruleId = 3;
            three.bytesUp = quint64(i) * 100;
            snapshots[i].rules.append(three);
        }
        for (const EngineSnapshot &s : std::as_const(snapshots))
            panel.applySnapshot(s);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));

        auto *title = panel.findChild<QLabel *>();
        QVERIFY(title);
        QCOMPARE(title->text(), tr("All rules"));

        panel.setRule(1, QStringLiteral("web"));
        panel.redraw();
        QCOMPARE(title->text(), QStringLiteral("web"));
        const auto one = panel.history().samples(1);
        QCOMPARE(panel.plottedPoints(), samplesWithin(one, 60));

        // Rule 3's samples end 50 s before the newest: only 10 of them lie within the minute.
        panel.setRule(3, QStringLiteral("gone"));
        panel.redraw();
        QCOMPARE(panel.history().samples(3).size(), 20);
        QCOMPARE(panel.plottedPoints(), 10);

        panel.setRule(0, QString());
        panel.redraw();
        QCOMPARE(title->text(), tr("All rules"));
        QCOMPARE(panel.plottedPoints(), 60);
    }

    void timerRunsOnlyWhileVisible()
    {
        ThroughputPanel panel;
        QVERIFY(!panel.isRedrawing());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.isRedrawing());
        panel.hide();
        QVERIFY(!panel.isRedrawing());
    }

    void timerRedrawsNewSamples()
    {
        ThroughputPanel panel;
        const auto snapshots = traffic(10);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        for (const EngineSnapshot &s : snapshots)
            panel.applySnapshot(s);
        // applySnapshot does not draw; the 1 s timer does.
        QTRY_COMPARE_WITH_TIMEOUT(panel.plottedPoints(), 10, 3000);
    }

    void reallyDraws()
    {
        ThroughputPanel panel;
        for (const EngineSnapshot &s : traffic(70))
            panel.applySnapshot(s);
        panel.resize(1280, 800);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.redraw();

        const auto views = panel.findChildren<QGraphicsView *>();
        QCOMPARE(views.size(), 2);
        for (QGraphicsView *view : views) {
            QVERIFY(!view->accessibleName().isEmpty());
            const QImage image = view->grab().toImage();
            QVERIFY(!image.isNull());
            // Axes, labels and lines: well beyond a few stray pixels.
            QVERIFY2(pixelsUnlikeCorner(image) > image.width() * 2, qPrintable(view->accessibleName()));
        }
    }
};

QTEST_MAIN(TestThroughputPanel)
#include "tst_throughputpanel.moc"
