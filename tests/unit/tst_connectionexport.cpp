// ConnectionExport: the CSV and JSON files of connections (the Connections tab's export).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "export/connectionexport.h"
#include "rules/address.h"

using namespace ConnectionExport;

namespace {

const QDateTime Opened(QDate(2024, 5, 1), QTime(12, 0, 0, 250), Qt::UTC);
const QDateTime Now = Opened.addMSecs(4000);

// A connection opened at Opened between the ends given as "HOST:PORT" or "[V6]:PORT".
ConnectionInfo connection(quint64 id, RuleId rule, const QString &client, const QString &listen, const QString &target)
{
    const auto set = [](const QString &text, QHostAddress &address, quint16 &port) {
        const Endpoint endpoint = parseTarget(text).value();
        address = QHostAddress(endpoint.host);
        port = endpoint.port;
    };
    ConnectionInfo c;
    c.id = id;
    c.ruleId = rule;
    set(client, c.clientAddress, c.clientPort);
    set(listen, c.listenAddress, c.listenPort);
    set(target, c.targetAddress, c.targetPort);
    c.openedAt = Opened;
    return c;
}

ConnectionInfo closedConnection()
{
    ConnectionInfo c = connection(1, 7, QStringLiteral("10.9.0.1:40001"), QStringLiteral("127.0.0.1:8080"),
                                  QStringLiteral("192.168.49.2:80"));
    c.localAddress = QHostAddress(QStringLiteral("192.168.49.1"));
    c.localPort = 50000;
    c.state = ConnectionState::Closed;
    c.closeReason = CloseReason::ClientClosed;
    c.closedAt = Opened.addMSecs(1500);
    c.bytesUp = 123;
    c.bytesDown = 123456;
    return c;
}

// Still connecting, over IPv6: no upstream address yet, no close.
ConnectionInfo connecting()
{
    ConnectionInfo c = connection(2, 8, QStringLiteral("[::1]:40002"), QStringLiteral("[::1]:8443"),
                                  QStringLiteral("[fd00::2]:443"));
    c.state = ConnectionState::Connecting;
    return c;
}

QString ruleName(RuleId id)
{
    if (id == 7)
        return QStringLiteral("web, \"prod\"\nline two");
    return QStringLiteral("rule #%1").arg(id);
}

} // namespace

class TestConnectionExport final : public QObject
{
    Q_OBJECT

private slots:
    void json();
    void csv();
    void csvWithoutConnections();
    void duration();
};

void TestConnectionExport::json()
{
    QJsonParseError error;
    const QJsonDocument document =
        QJsonDocument::fromJson(connectionsJson({closedConnection(), connecting()}, ruleName, Now), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray records = document.array();
    QCOMPARE(records.size(), 2);

    const QJsonObject closed = records.at(0).toObject();
    QCOMPARE(closed.keys().size(), 13);
    QCOMPARE(closed.value(u"id").toInteger(), qint64(1));
    QCOMPARE(closed.value(u"rule").toString(), ruleName(7));
    QCOMPARE(closed.value(u"client").toString(), QStringLiteral("10.9.0.1:40001"));
    QCOMPARE(closed.value(u"listen").toString(), QStringLiteral("127.0.0.1:8080"));
    QCOMPARE(closed.value(u"local").toString(), QStringLiteral("192.168.49.1:50000"));
    QCOMPARE(closed.value(u"target").toString(), QStringLiteral("192.168.49.2:80"));
    QCOMPARE(closed.value(u"state").toString(), QStringLiteral("closed"));
    QCOMPARE(closed.value(u"opened").toString(), QStringLiteral("2024-05-01T12:00:00.250Z"));
    QCOMPARE(closed.value(u"closed").toString(), QStringLiteral("2024-05-01T12:00:01.750Z"));
    QCOMPARE(closed.value(u"durationMs").toInteger(), 1500);
    QCOMPARE(closed.value(u"bytesUp").toInteger(), 123);
    QCOMPARE(closed.value(u"bytesDown").toInteger(), 123456);
    QCOMPARE(closed.value(u"closeReason").toString(), toString(CloseReason::ClientClosed));

    // What is not known yet is null, not left out; IPv6 in brackets; open until now.
    const QJsonObject open = records.at(1).toObject();
    QCOMPARE(open.keys(), closed.keys());
    QVERIFY(open.value(u"local").isNull());
    QVERIFY(open.value(u"closed").isNull());
    QVERIFY(open.value(u"closeReason").isNull());
    QCOMPARE(open.value(u"client").toString(), QStringLiteral("[::1]:40002"));
    QCOMPARE(open.value(u"target").toString(), QStringLiteral("[fd00::2]:443"));
    QCOMPARE(open.value(u"state").toString(), toString(ConnectionState::Connecting));
    QCOMPARE(open.value(u"durationMs").toInteger(), 4000);
    QCOMPARE(open.value(u"rule").toString(), QStringLiteral("rule #8"));
}

void TestConnectionExport::csv()
{
    const QString text = QString::fromUtf8(connectionsCsv({closedConnection(), connecting()}, ruleName, Now));
    QVERIFY2(text.endsWith(QStringLiteral("\r\n")), qPrintable(text));
    QCOMPARE(text.section(QStringLiteral("\r\n"), 0, 0),
             QStringLiteral("id,rule,client,listen,local,target,state,opened,closed,durationMs,bytesUp,bytesDown,"
                            "closeReason"));
    // A comma, quotes and a line break: quoted, quotes doubled, the line break kept inside.
    QCOMPARE(text.section(QStringLiteral("\r\n"), 1, 1),
             QStringLiteral("1,\"web, \"\"prod\"\"\nline two\",10.9.0.1:40001,127.0.0.1:8080,192.168.49.1:50000,"
                            "192.168.49.2:80,closed,2024-05-01T12:00:00.250Z,2024-05-01T12:00:01.750Z,1500,123,"
                            "123456,")
                 + toString(CloseReason::ClientClosed));
    // Null fields are empty.
    QCOMPARE(text.section(QStringLiteral("\r\n"), 2, 2),
             QStringLiteral("2,rule #8,[::1]:40002,[::1]:8443,,[fd00::2]:443,%1,2024-05-01T12:00:00.250Z,,4000,0,0,")
                 .arg(toString(ConnectionState::Connecting)));
    QCOMPARE(text.count(QStringLiteral("\r\n")), 3);
}

void TestConnectionExport::csvWithoutConnections()
{
    const QByteArray bytes = connectionsCsv({}, ruleName, Now);
    QCOMPARE(bytes.count("\r\n"), 1);  // the header row alone
    QVERIFY(bytes.startsWith("id,rule,"));
    QCOMPARE(QJsonDocument::fromJson(connectionsJson({}, ruleName, Now)).array().size(), 0);
}

void TestConnectionExport::duration()
{
    ConnectionInfo c = connecting();
    QCOMPARE(durationMs(c, Now), 4000);
    QCOMPARE(durationMs(c, QDateTime()), 0);           // no snapshot time yet
    QCOMPARE(durationMs(c, Opened.addSecs(-1)), 0);    // a clock that went back
    c.closedAt = Opened.addMSecs(10);
    QCOMPARE(durationMs(c, Now), 10);                  // closed: until it closed
    c.openedAt = QDateTime();
    QCOMPARE(durationMs(c, Now), 0);
}

QTEST_GUILESS_MAIN(TestConnectionExport)
#include "tst_connectionexport.moc"
