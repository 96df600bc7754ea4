#include <QTest>

#include "charts/ratehistory.h"

namespace {

const QDateTime t0 = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);

RuleStats rule(RuleId id, quint64 up, quint64 down, quint64 active = 0)
{
    RuleStats stats;
    stats.ruleId = id;
    stats.bytesUp = up;
    stats.bytesDown = down;
    stats.active = active;
    return stats;
}

EngineSnapshot snapshot(qint64 ms, const QList<RuleStats> &rules)
{
    EngineSnapshot s;
    s.time = t0.addMSecs(ms);
    s.rules = rules;
    return s;
}

} // namespace

class TestRateHistory final : public QObject
{
    Q_OBJECT

private slots:
    void firstSnapshotIsBaseline()
    {
        RateHistory history;
        QVERIFY(!history.addSnapshot(snapshot(0, {rule(1, 5000, 7000)})));
        QVERIFY(history.samples().isEmpty());
        QVERIFY(history.samples(1).isEmpty());
    }

    void ratesFromGrowth()
    {
        RateHistory history;
        history.addSnapshot(snapshot(0, {rule(1, 1000, 2000, 3)}));
        QVERIFY(history.addSnapshot(snapshot(2000, {rule(1, 5000, 3000, 4)})));
        const auto samples = history.samples(1);
        QCOMPARE(samples.size(), 1);
        QCOMPARE(samples[0].timeMs, t0.toMSecsSinceEpoch() + 2000);
        QCOMPARE(samples[0].bytesIn, 2000.0);  // 4000 bytes over 2 s
        QCOMPARE(samples[0].bytesOut, 500.0);
        QCOMPARE(samples[0].active, quint64(4));
    }

    void subSecondSnapshotsAddNoSample()
    {
        RateHistory history;
        history.addSnapshot(snapshot(0, {rule(1, 0, 0)}));
        QVERIFY(!history.addSnapshot(snapshot(250, {rule(1, 100, 0)})));
        QVERIFY(!history.addSnapshot(snapshot(500, {rule(1, 200, 0)})));
        QVERIFY(!history.addSnapshot(snapshot(999, {rule(1, 300, 0)})));
        QVERIFY(history.samples(1).isEmpty());
        QVERIFY(history.addSnapshot(snapshot(1250, {rule(1, 500, 0)})));
        QCOMPARE(history.samples(1).size(), 1);
        // Growth since the last sample (the baseline), not since the last snapshot.
        QCOMPARE(history.samples(1)[0].bytesIn, 400.0);
        QVERIFY(!history.addSnapshot(snapshot(2000, {rule(1, 600, 0)})));
        QVERIFY(history.addSnapshot(snapshot(2250, {rule(1, 1500, 0)})));
        QCOMPARE(history.samples(1).size(), 2);
        QCOMPARE(history.samples(1)[1].bytesIn, 1000.0);
    }

    void ringKeepsNewestInOrder()
    {
        RateHistory history(5);
        QCOMPARE(history.capacity(), 5);
        history.addSnapshot(snapshot(0, {rule(1, 0, 0)}));
        // Sample i carries i * 100 bytes/s in, so order is checkable.
        quint64 up = 0;
        for (int i = 1; i <= 12; ++i) {
            up += quint64(i) * 100;
            QVERIFY(history.addSnapshot(snapshot(i * 1000, {rule(1, up, 0)})));
        }
        for (const RuleId id : {0, 1}) {
            const auto samples = history.samples(id);
            QCOMPARE(samples.size(), 5);
            for (int k = 0; k < 5; ++k) {
                QCOMPARE(samples[k].timeMs, t0.toMSecsSinceEpoch() + (8 + k) * 1000);
                QCOMPARE(samples[k].bytesIn, double((8 + k) * 100));
            }
        }
    }

    void counterResetCountsAsNoGrowth()
    {
        RateHistory history;
        history.addSnapshot(snapshot(0, {rule(1, 10000, 10000)}));
        QVERIFY(history.addSnapshot(snapshot(1000, {rule(1, 300, 12000)})));
        auto samples = history.samples(1);
        QCOMPARE(samples.last().bytesIn, 0.0);
        QCOMPARE(samples.last().bytesOut, 2000.0);
        // Growth continues from the new value.
        QVERIFY(history.addSnapshot(snapshot(2000, {rule(1, 800, 12000)})));
        samples = history.samples(1);
        QCOMPARE(samples.last().bytesIn, 500.0);
        QCOMPARE(samples.last().bytesOut, 0.0);
    }

    void totalIsSumOverRules()
    {
        RateHistory history;
        history.addSnapshot(snapshot(0, {rule(1, 0, 0), rule(2, 100, 100)}));
        QVERIFY(history.addSnapshot(snapshot(1000, {rule(1, 1000, 10, 2), rule(2, 600, 150, 5)})));
        const auto total = history.samples(0);
        QCOMPARE(total.size(), 1);
        QCOMPARE(total[0].bytesIn, 1500.0);
        QCOMPARE(total[0].bytesOut, 60.0);
        QCOMPARE(total[0].active, quint64(7));
        QCOMPARE(history.samples().size(), 1);  // ruleId 0 by default
        QCOMPARE(history.samples()[0].bytesIn, 1500.0);
        // Rule 2 removed: the total is over the rules present, rule 2 keeps its ring.
        QVERIFY(history.addSnapshot(snapshot(2000, {rule(1, 3000, 10, 1)})));
        QCOMPARE(history.samples(0).last().bytesIn, 2000.0);
        QCOMPARE(history.samples(0).last().active, quint64(1));
        QCOMPARE(history.samples(2).size(), 1);
        // A rule added later grows from zero.
        QVERIFY(history.addSnapshot(snapshot(3000, {rule(1, 3000, 10), rule(3, 400, 0)})));
        QCOMPARE(history.samples(3).size(), 1);
        QCOMPARE(history.samples(3)[0].bytesIn, 400.0);
        QCOMPARE(history.samples(0).last().bytesIn, 400.0);
    }

    void goneRulesDroppedAfterCapacity()
    {
        RateHistory history(3);
        history.addSnapshot(snapshot(0, {rule(1, 0, 0), rule(2, 0, 0)}));
        QVERIFY(history.addSnapshot(snapshot(1000, {rule(1, 0, 0), rule(2, 0, 0)})));
        for (int i = 2; i <= 4; ++i)
            QVERIFY(history.addSnapshot(snapshot(i * 1000, {rule(1, 0, 0)})));
        QCOMPARE(history.samples(2).size(), 1);  // gone 3 s: still within reach
        QVERIFY(history.addSnapshot(snapshot(5000, {rule(1, 0, 0)})));
        QVERIFY(history.samples(2).isEmpty());
        QCOMPARE(history.samples(1).size(), 3);
    }

    void clockGoingBackIsANewBaseline()
    {
        RateHistory history;
        history.addSnapshot(snapshot(10000, {rule(1, 0, 0)}));
        QVERIFY(!history.addSnapshot(snapshot(0, {rule(1, 500, 0)})));
        QVERIFY(history.addSnapshot(snapshot(1000, {rule(1, 1500, 0)})));
        QCOMPARE(history.samples(1).last().bytesIn, 1000.0);
    }
};

QTEST_GUILESS_MAIN(TestRateHistory)
#include "tst_ratehistory.moc"
