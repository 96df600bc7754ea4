// A rule's faults: the command line's text, the rules file's JSON, the checks, and
// what of them applies to a connection (FaultPlan).
#include <QJsonDocument>
#include <QTest>

#include "relay/faultshaper.h"
#include "rules/forwardrule.h"

class TestFault : public QObject
{
    Q_OBJECT

private slots:
    void textRoundTrip_data();
    void textRoundTrip();
    void badText_data();
    void badText();
    void jsonRoundTrip();
    void badJson_data();
    void badJson();
    void ruleKeepsFaults();
    void planSumsPerDirection();
    void delayLineSchedules();
};

void TestFault::textRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("latency") << "latency=200ms,jitter=50ms" << "latency=200ms,jitter=50ms";
    QTest::newRow("latency seconds") << "latency=2s" << "latency=2s";
    QTest::newRow("latency bare") << "latency=150" << "latency=150ms";
    QTest::newRow("bandwidth") << "bandwidth=512" << "bandwidth=512";
    QTest::newRow("bandwidth MiB") << "bandwidth=2MiB/s,up" << "bandwidth=2048,up";
    QTest::newRow("reset bytes") << "reset=4KiB" << "reset=4KiB";
    QTest::newRow("reset time") << "reset=300ms,both" << "reset=300ms";
    QTest::newRow("timeout") << "timeout" << "timeout";
    QTest::newRow("timeout timed") << "timeout=5s,direction=both" << "timeout=5s,both";
    QTest::newRow("slice") << "slice=64,delay=10ms" << "slice=64,delay=10ms";
    QTest::newRow("refuse share") << "refuse=30%" << "refuse,toxicity=0.3";
    QTest::newRow("toxicity") << "latency=100ms, toxicity=0.5" << "latency=100ms,toxicity=0.5";
}

void TestFault::textRoundTrip()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    const Result<Fault> fault = Fault::parse(text);
    QVERIFY2(fault, qPrintable(fault ? QString() : fault.error()));
    QCOMPARE(fault.value().toText(), canonical);
    const Result<Fault> again = Fault::parse(canonical);
    QVERIFY(again);
    QVERIFY(again.value() == fault.value());
}

void TestFault::badText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << "" << "no fault";
    QTest::newRow("unknown") << "lag=100ms" << "expected latency=";
    QTest::newRow("no duration") << "latency=fast" << "a duration";
    QTest::newRow("too long") << "latency=61s" << "out of range";
    QTest::newRow("zero rate") << "bandwidth=0" << "out of range";
    QTest::newRow("zero bytes") << "reset=0" << "a size";
    QTest::newRow("jitter on bandwidth") << "bandwidth=10,jitter=5ms" << "does not go with bandwidth";
    QTest::newRow("toxicity above 1") << "latency=1ms,toxicity=2" << "toxicity";
    QTest::newRow("direction") << "latency=1ms,direction=sideways" << "up, down or both";
}

void TestFault::badText()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const Result<Fault> fault = Fault::parse(text);
    QVERIFY(!fault);
    QVERIFY2(fault.error().contains(message), qPrintable(fault.error()));
}

void TestFault::jsonRoundTrip()
{
    const QByteArray json = R"([{"type": "latency", "latencyMs": 200, "jitterMs": 50, "direction": "both"},
                                {"type": "bandwidth", "kibPerS": 512, "toxicity": 0.5},
                                {"type": "reset", "afterBytes": 4096},
                                {"type": "timeout", "afterMs": 0},
                                {"type": "slicer", "sliceBytes": 64, "delayMs": 10},
                                {"type": "refuse", "toxicity": 0.25}])";
    const Result<Faults> faults = faultsFromJson(QJsonDocument::fromJson(json).array());
    QVERIFY2(faults, qPrintable(faults ? QString() : faults.error()));
    QCOMPARE(faults.value().size(), qsizetype(6));
    QCOMPARE(faultsText(faults.value()), QStringLiteral("latency=200ms,jitter=50ms,both; bandwidth=512,toxicity=0.5; "
                                                        "reset=4KiB; timeout; slice=64,delay=10ms; refuse,toxicity=0.25"));
    QCOMPARE(faultsFromJson(faultsToJson(faults.value())).value(), faults.value());
    QCOMPARE(faults.value().at(1).direction, FaultDirection::Down);  // Toxiproxy's default
}

void TestFault::badJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("not a list") << QByteArray(R"({"type": "latency"})") << "expected a list of faults";
    QTest::newRow("type") << QByteArray(R"([{"type": "lag"}])") << "item 1: \"type\": expected latency";
    QTest::newRow("key") << QByteArray(R"([{"type": "latency", "latencyMS": 5}])") << "\"latencyMS\" is not a key";
    QTest::newRow("string number") << QByteArray(R"([{"type": "latency", "latencyMs": "5"}])") << "expected a number";
    QTest::newRow("fraction") << QByteArray(R"([{"type": "latency", "latencyMs": 5.5}])") << "whole number";
    QTest::newRow("range") << QByteArray(R"([{"type": "bandwidth", "kibPerS": -1}])") << "out of range";
    QTest::newRow("second item") << QByteArray(R"([{"type": "refuse"}, {"type": "slicer"}])") << "item 2:";
}

void TestFault::badJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const QJsonDocument document = QJsonDocument::fromJson(json);
    const Result<Faults> faults =
        faultsFromJson(document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object()));
    QVERIFY(!faults);
    QVERIFY2(faults.error().contains(message), qPrintable(faults.error()));
}

// "faults" is written only when there are some, and read back; UDP rules have none.
void TestFault::ruleKeepsFaults()
{
    ForwardRule rule;
    rule.name = QStringLiteral("api");
    rule.listen = Endpoint{QStringLiteral("127.0.0.1"), 8080};
    rule.target = Endpoint{QStringLiteral("192.168.49.2"), 80};
    QVERIFY(!rule.toJson().contains(QStringLiteral("faults")));
    rule.faults = {Fault::parse(QStringLiteral("latency=200ms")).value()};
    const QJsonObject json = rule.toJson();
    QCOMPARE(json.value(QStringLiteral("faults")).toArray().size(), qsizetype(1));
    const Result<ForwardRule> back = ForwardRule::fromJson(json);
    QVERIFY(back);
    QCOMPARE(back.value().faults, rule.faults);
    QVERIFY(!back.value().extra.contains(QStringLiteral("faults")));
    QVERIFY(rule.validate());

    rule.transport = Transport::Udp;
    const Result<void> udp = rule.validate();
    QVERIFY(!udp);
    QVERIFY2(udp.error().contains(QStringLiteral("TCP rules only")), qPrintable(udp.error()));

    QJsonObject broken = json;
    broken.insert(QStringLiteral("faults"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("latency")},
                                                                   {QStringLiteral("latencyMs"), 999999}}});
    const Result<ForwardRule> bad = ForwardRule::fromJson(broken);
    QVERIFY(!bad);
    QVERIFY2(bad.error().startsWith(QStringLiteral("field \"faults\": item 1:")), qPrintable(bad.error()));
}

// Faults add up per direction; timed ones are the connection's; refuse is not in a plan.
void TestFault::planSumsPerDirection()
{
    Faults faults;
    for (const char *text : {"latency=100ms", "latency=20ms,up", "bandwidth=100", "bandwidth=50", "reset=2s",
                             "reset=1s", "timeout,up", "refuse"})
        faults.append(Fault::parse(QString::fromLatin1(text)).value());
    const FaultPlan plan = FaultPlan::draw(faults);
    QCOMPARE(plan.down.latencyMs, 100);
    QCOMPARE(plan.up.latencyMs, 20);
    QCOMPARE(plan.down.bytesPerMs, 50 * 1024.0 / 1000.0);  // the tighter limit
    QCOMPARE(plan.up.bytesPerMs, 0.0);
    QCOMPARE(plan.resetAfterMs, 1000);
    QVERIFY(plan.up.hold);
    QVERIFY(!plan.down.hold);
    QCOMPARE(plan.closeAfterMs, -1);  // held until cleared
    QVERIFY(FaultPlan::refuses(faults));
    QVERIFY(!FaultPlan::draw({Fault::parse(QStringLiteral("latency=100ms,toxicity=0")).value()}).any());
}

// Pieces leave in order, each at its time: latency, slices, and the bandwidth's pace.
void TestFault::delayLineSchedules()
{
    FaultPlan::Way way;
    way.latencyMs = 100;
    way.sliceBytes = 4;
    way.sliceDelayMs = 10;
    DelayLine line;
    line.add("abcdefghij", 10, 1000, way);
    QCOMPARE(line.bytes(), qsizetype(10));
    QList<std::pair<qint64, QByteArray>> pieces;
    while (!line.isEmpty()) {
        pieces.append({line.nextDueMs(), QByteArray(line.frontData(), line.frontSize())});
        line.consume(line.frontSize());
    }
    QCOMPARE(pieces, (QList<std::pair<qint64, QByteArray>>{{1101, "abcd"}, {1111, "efgh"}, {1121, "ij"}}));

    FaultPlan::Way limited;
    limited.bytesPerMs = 1;  // 1,000 bytes a second: 20-byte pieces, 20 ms each
    DelayLine paced;
    const QByteArray data(100, 'x');
    paced.add(data.constData(), data.size(), 0, limited);
    QCOMPARE(paced.nextDueMs(), qint64(20));
    paced.consume(5);  // a partial send keeps the rest of the piece first
    QCOMPARE(paced.frontSize(), qsizetype(15));
    QCOMPARE(paced.nextDueMs(), qint64(20));
    qint64 last = 0;
    while (!paced.isEmpty()) {
        last = paced.nextDueMs();
        paced.consume(paced.frontSize());
    }
    QCOMPARE(last, qint64(100));
    QVERIFY(paced.room(limited) >= 16 * 1024);
}

QTEST_GUILESS_MAIN(TestFault)
#include "tst_fault.moc"
